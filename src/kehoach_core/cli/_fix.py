"""``kehoach fix PLAN [--unsafe] [--diff] [-o OUT]``: apply the fixes validation found.

The safe fixes go in (``--unsafe``: the others too). A ``.txt`` is rewritten in
place (or to ``-o``), atomically, in its encoding and with its line endings; a
``.docx`` is written with every fix as a Word tracked change by ``kehoach``,
the finding's code in a comment, to ``-o`` or in place. ``--diff`` prints a
unified diff of the text and writes nothing. JSON plans, PDFs and ``.doc``
files are refused (exit 2).

A fix that overlaps one applied before it is skipped and named on standard
error. Exit codes: 0 done (or nothing to fix), 2 a plan that cannot be fixed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "fix",
        help="apply the fixes of validation findings to a .txt or .docx plan",
        description="Apply the machine-applicable fixes of `kehoach validate` findings: "
        "rewrite a .txt in place, or write a .docx with each fix as a tracked change.",
    )
    parser.add_argument("plan", metavar="PLAN", help="the plan: a .txt or .docx file")
    parser.add_argument(
        "--unsafe", action="store_true", help="apply the unsafe fixes too (check them)"
    )
    parser.add_argument(
        "--diff", action="store_true", help="print a unified diff of the changes; write nothing"
    )
    parser.add_argument("-o", "--output", help="write the fixed plan here (default: in place)")
    parser.add_argument(
        "--select", default="", help="comma-separated codes or prefixes to fix (KH4,KH501)"
    )
    parser.add_argument("--ignore", default="", help="comma-separated codes or prefixes to skip")
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the messages"
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no summary line on standard error"
    )
    parser.set_defaults(run=run)


def _codes(text: str) -> list[str] | None:
    return [c.strip() for c in text.split(",") if c.strip()] or None


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from ..validate._apply import fix_plan

    result = fix_plan(
        args.plan,
        unsafe=args.unsafe,
        select=_codes(args.select),
        ignore=_codes(args.ignore),
        lang=args.lang,
    )
    for finding, reason in result.skipped:
        where = f"{result.source}:{finding.position}" if finding.line else result.source
        print(f"kehoach: {where}: {finding.code} fix skipped: {reason}", file=sys.stderr)
    if args.diff:
        sys.stdout.write(result.diff())
    elif result.changed:
        write_atomic(args.output or args.plan, result.data)
    if not args.quiet:
        verb = "would fix" if args.diff else "fixed"
        line = f"kehoach: {result.source}: {verb} {len(result.applied)} finding(s)"
        if result.skipped:
            line += f", {len(result.skipped)} skipped"
        if result.left:
            line += f"; {len(result.left)} more with --unsafe"
        if result.changed and not args.diff and result.kind == "docx":
            line += " (as tracked changes)"
        print(line, file=sys.stderr)
    return 0
