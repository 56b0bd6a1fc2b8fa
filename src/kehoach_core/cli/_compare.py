"""``kehoach compare SUPERIOR SUBORDINATE``: how far a subordinate plan covers its superior."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register", "run"]

FORMATS = ("text", "markdown", "json", "docx")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="report how a subordinate plan covers its superior (per item, per phase)",
        description="Compare a subordinate plan with its superior: a status per superior item "
        "(covered, partial, missing), phase alignment, missing forms, tasks not passed on.",
    )
    parser.add_argument("superior", help="the superior plan (.json, .txt, .docx, .doc, .pdf)")
    parser.add_argument("subordinate", help="the subordinate plan (.json, .txt, .docx, .doc, .pdf)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument("-o", "--output", help="write the report here (atomically)")
    parser.add_argument(
        "--fold-diacritics", action="store_true", help="also match texts with damaged diacritics"
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the docx report"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._atomic import check_output, write_atomic
    from .._reading import read
    from ..compare import compare, render_coverage, write_docx_report

    superior, subordinate = read(args.superior), read(args.subordinate)
    coverage = compare(superior, subordinate, fold_diacritics=args.fold_diacritics)
    if args.format == "docx":
        if not args.output:
            print("kehoach: error: --format docx needs -o FILE.docx", file=sys.stderr)
            return 2
        check_output(args.output, [args.superior, args.subordinate])
        write_docx_report(args.output, coverage, lang=args.lang, plans=(superior, subordinate))
        return 0
    text = render_coverage(coverage, args.format)
    if args.output:
        write_atomic(args.output, text, inputs=[args.superior, args.subordinate])
    else:
        sys.stdout.write(text)
    return 0
