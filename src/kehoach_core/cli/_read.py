"""``kehoach read PLAN [-o OUT.json]``: read a plan and print it as normalised JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["NOTES_SHOWN", "register"]

NOTES_SHOWN = 5
"""Notes printed one per line; past these, one line says how many more."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "read",
        help="read a plan (.json, .txt, .docx, .doc, .pdf) and print normalised kehoach/1 JSON",
        description="Read a plan and print it as normalised kehoach/1 JSON.",
    )
    parser.add_argument("plan", help="the plan: a .json, .txt, .docx, .doc or .pdf file")
    parser.add_argument("-o", "--output", help="write the JSON here (atomically) instead of stdout")
    parser.add_argument(
        "--text",
        action="store_true",
        help="print the source text whose lines the locations count instead of JSON "
        "(a PDF's lines in reading order, a docx's paragraphs)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from .._converter import to_json
    from .._reading import read, source_text

    if args.text:
        text = source_text(args.plan)
        if args.output:
            write_atomic(args.output, text, inputs=[args.plan])
        else:
            sys.stdout.write(text)
        return 0
    plan = read(args.plan)
    text = to_json(plan)
    if args.output:
        write_atomic(args.output, text, inputs=[args.plan])
    else:
        sys.stdout.write(text)
    if plan.title is None and not plan.sections and not plan.phases:
        print(
            f"kehoach: warning: {args.plan}: no plan structure found "
            "(no title, no numbered sections); everything is kept as preamble",
            file=sys.stderr,
        )
    for note in plan.reader_notes:
        print(f"kehoach: note: {args.plan}: {note}", file=sys.stderr)
    shown = plan.unparsed if args.verbose else plan.unparsed[:NOTES_SHOWN]
    for fragment in shown:
        where = f"{args.plan}:{fragment.location}" if fragment.location else args.plan
        print(
            f"{where}: note: not understood, kept as unparsed: {fragment.reason}", file=sys.stderr
        )
    if len(plan.unparsed) > len(shown):
        more = len(plan.unparsed) - len(shown)
        print(
            f"{args.plan}: note: {more} more lines not understood, kept as unparsed "
            "(see 'unparsed' in the JSON)",
            file=sys.stderr,
        )
    return 0
