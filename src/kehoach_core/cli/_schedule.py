"""``kehoach schedule PLAN [-o FILE]``: the template of the dates a plan's calendar needs.

Writes a TOML file listing every milestone the plan's phases and tasks depend
on: the dates already known filled in, the others blank with the plan's own
words and where to find them. Filled in, it is the ``--schedule`` of
``kehoach ics``. Without ``-o`` the template goes to stdout.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schedule",
        help="write the dates a plan's calendar needs, to fill in for `kehoach ics --schedule`",
        description=(
            "Write a schedule template (TOML) for a plan: every milestone its phases and "
            "tasks depend on, known dates filled in, unknown ones blank to fill in."
        ),
    )
    parser.add_argument("plan", help="the plan: a .json, .txt, .docx, .doc or .pdf file")
    parser.add_argument("-o", "--output", help="the .toml file (default: stdout)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from .._reading import read
    from ..ical._template import schedule_template

    plan = read(args.plan)
    text = schedule_template(plan, source=args.plan)
    blanks = len(re.findall(r'^(?:starts|issued) = ""', text, flags=re.MULTILINE))
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
        where = args.output
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
        where = "<stdout>"
    if blanks:
        print(
            f"kehoach: {where}: {blanks} date{'s' if blanks != 1 else ''} to fill in, then "
            f"kehoach ics {args.plan} --schedule {args.output or 'FILE'}",
            file=sys.stderr,
        )
    else:
        print(f"kehoach: {where}: every date is known", file=sys.stderr)
    return 0
