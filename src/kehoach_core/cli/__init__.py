"""The ``kehoach`` command.

Each verb lives in its own module with ``register(subparsers)``; heavy imports
happen inside the verb, so ``kehoach --help`` stays fast. Exit codes: 0 ok,
1 findings (validation errors), 2 unusable input or usage. Errors print one
line, ``kehoach: error: ...``, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .._errors import KehoachError

__all__ = ["main"]

VERBS = (
    "compare",
    "demo",
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
    return code
