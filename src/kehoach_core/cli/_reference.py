"""The command-line reference (``docs/cli.md``), generated from the parser itself.

    python -m kehoach_core.cli._reference > docs/cli.md

A test keeps the page equal to what this prints, so every verb, option and exit
code in the docs is the one the command has.
"""

from __future__ import annotations

import argparse

__all__ = ["reference_markdown"]

_HEAD = """# Command-line reference

Generated from the parser by `python -m kehoach_core.cli._reference`; a test
keeps it current. Every verb takes a plan as `.txt`, `.docx`, `.doc` (with
LibreOffice), `.pdf` (with the `pdf` extra) or `.json`, and `-` for standard
input where it reads a plan. `-o -` writes to standard output; `-o` never
replaces a device, a pipe or one of the command's inputs (see *Output* below).
Errors print one line, `kehoach: error: ...`, and exit with code 2.
"""

_TAIL = """## Output

`-o FILE` writes atomically: a new file in the same folder, renamed over
`FILE` only when complete (its mode kept), so a reader never sees half a file
and an interrupted run leaves nothing behind (or a temporary file of a dead
process, which the next run removes). A symbolic link is followed and kept; a
device or a pipe (`/dev/null`, a FIFO) is written through, never replaced; a
folder or one of the command's own inputs is refused.
"""


def _option_names(action: argparse.Action) -> str:
    if not action.option_strings:
        return f"`{action.metavar or action.dest}`"
    names = ", ".join(f"`{name}`" for name in action.option_strings)
    if action.nargs != 0 and not isinstance(action, argparse._StoreConstAction):
        metavar = action.metavar or action.dest.upper()
        if isinstance(metavar, tuple):
            metavar = " ".join(metavar)
        names += f" `{metavar}`"
    return names


def _help_of(action: argparse.Action) -> str:
    text = " ".join((action.help or "").split())
    if action.choices and not isinstance(action, argparse._SubParsersAction):
        text += f" (one of: {', '.join(str(c) for c in action.choices)})"
    default = action.default
    if (
        action.option_strings
        and default not in (None, False, "", [], argparse.SUPPRESS)
        and "default" not in text
    ):
        text += f" (default: {default})"
    return text.replace("|", "\\|") or "-"


def reference_markdown() -> str:
    """The reference page, as Markdown."""
    from . import build_parser

    parser = build_parser()
    lines = [_HEAD]
    verbs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for verb, sub in verbs.choices.items():
        lines.append(f"## `kehoach {verb}`\n")
        if sub.description:
            lines.append(" ".join(sub.description.split()) + "\n")
        usage = " ".join(sub.format_usage().replace("usage: ", "").split())
        lines.append(f"```text\n{usage}\n```\n")
        lines.append("| argument | what it does |")
        lines.append("|---|---|")
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            lines.append(f"| {_option_names(action)} | {_help_of(action)} |")
        lines.append("")
        epilog = sub.epilog or ""
        codes = [line for line in epilog.splitlines() if line.startswith("exit codes:")]
        if codes:
            lines.append(codes[-1].replace("exit codes:", "Exit codes:") + "\n")
    lines.append(_TAIL)
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - the docs' generator
    import sys

    sys.stdout.write(reference_markdown())
