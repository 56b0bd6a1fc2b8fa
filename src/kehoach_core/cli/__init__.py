"""The ``kehoach`` command.

Each verb lives in its own module with ``register(subparsers)``; heavy imports
happen inside the verb, so ``kehoach --help`` stays fast. Exit codes: 0 ok,
1 findings (validation errors), 2 unusable input or usage. Errors print one
line, ``kehoach: error: ...``, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import io
import re
import sys
from collections.abc import Sequence
from typing import TextIO

from .._errors import KehoachError

__all__ = ["main"]

VERBS = (
    "compare",
    "demo",
    "derive",
    "diff",
    "docx",
    "fix",
    "ics",
    "read",
    "schedule",
    "schema",
    "validate",
)
"""Modules of ``kehoach_core.cli`` (``_<verb>``) that define one verb each."""


def _verb_parser(parser: argparse.ArgumentParser, verb: str | None) -> argparse.ArgumentParser:
    for action in parser._actions:  # argparse keeps the sub-parsers on this action
        if isinstance(action, argparse._SubParsersAction) and verb in action.choices:
            sub: argparse.ArgumentParser = action.choices[verb]
            return sub
    return parser


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"kehoach: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every verb registered."""
    from .. import __version__

    parser = _Parser(
        prog="kehoach",
        description="Read, check, compare and publish Vietnamese plans (Kế hoạch).",
    )
    parser.add_argument("--version", action="version", version=f"kehoach {__version__}")
    subparsers = parser.add_subparsers(dest="verb", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for verb in VERBS:
        module = importlib.import_module(f"{__name__}._{verb}")
        module.register(subparsers)
    for verb, sub in subparsers.choices.items():
        if "--quiet" not in sub._option_string_actions:
            sub.add_argument(
                "-q",
                "--quiet",
                action="store_true",
                help="print errors only: no notes, no warnings",
            )
        if "--verbose" not in sub._option_string_actions:
            sub.add_argument(
                "-v", "--verbose", action="store_true", help="print every note, none summarised"
            )
        sub.formatter_class = argparse.RawDescriptionHelpFormatter
        codes = EXIT_CODES.get(verb, EXIT_CODES[""])
        sub.epilog = f"{sub.epilog}\n\n{codes}" if sub.epilog else codes
    parser.epilog = EXIT_CODES[""]
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    return parser


EXIT_CODES = {
    "": "exit codes: 0 done; 2 unusable input, output or usage",
    "validate": "exit codes: 0 no error found (or --exit-zero); 1 errors found; "
    "2 unusable input, settings, output or usage",
    "ics": "exit codes: 0 calendar written; 1 nothing could be dated (empty calendar); "
    "2 unusable input, schedule, output or usage (--strict: a milestone without a date)",
    "fix": "exit codes: 0 done (or nothing to fix); 2 unusable input, output or usage",
}
"""What each verb's exit codes mean, printed at the end of its ``--help``."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # report an unknown option with the usage of the verb it was given to
        verb_parser = _verb_parser(parser, getattr(args, "verb", None))
        verb_parser.error(f"unrecognized arguments: {' '.join(extra)}")
    quiet = getattr(args, "quiet", False)
    stderr = sys.stderr
    if quiet:
        sys.stderr = _Quiet(stderr)
    try:
        code: int = args.run(args)
    except KehoachError as exc:
        print(f"kehoach: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        name = exc.filename if exc.filename is not None else ""
        print(f"kehoach: error: {name}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kehoach: interrupted", file=sys.stderr)
        return 130
    finally:
        sys.stderr = stderr
    return code


class _Quiet(io.TextIOBase):
    """Standard error for ``-q``: errors kept; notes, warnings and summaries dropped."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._pending = ""

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            if not _NOTE_RE.search(line):
                self._stream.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending and not _NOTE_RE.search(self._pending):
            self._stream.write(self._pending)
        self._pending = ""
        self._stream.flush()

    def isatty(self) -> bool:
        return False  # no progress bar either


_NOTE_RE = re.compile(r"^(?!.*\berror:)")
"""A line ``-q`` drops: anything but an error (notes, warnings, summaries)."""
