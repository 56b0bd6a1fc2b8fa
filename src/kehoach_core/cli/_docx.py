"""``kehoach docx PLAN -o OUT.docx [--format party|state|auto]``: write a plan as Word.

The file follows the Party format (HD 36-HD/VPTW) or the State format (NĐ
30/2020); ``auto`` (the default) follows the plan's own style. What the docx
cannot hold (footnotes, ``implements`` links, ...) is named in a warning on
stderr; the file is still written.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "docx",
        help="write a plan as a Word file in the Party or State format",
        description="Write a plan (.json, .txt, .docx, .doc, .pdf) as a .docx in an official "
        "format.",
    )
    parser.add_argument("plan", help="the plan: a .json, .txt, .docx, .doc or .pdf file")
    parser.add_argument("-o", "--output", required=True, help="the .docx to write (atomically)")
    parser.add_argument(
        "--format",
        choices=("party", "state", "auto"),
        default="auto",
        help="Party (HD 36), State (NĐ 30), or the plan's own style (default)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._atomic import check_output
    from .._reading import read
    from ..docx_io import UnrepresentableWarning, write_docx

    check_output(args.output, [args.plan])
    plan = read(args.plan)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnrepresentableWarning)
        write_docx(plan, args.output, format=args.format)
    for warning in caught:
        if issubclass(warning.category, UnrepresentableWarning):
            print(f"kehoach: warning: {args.plan}: {warning.message}", file=sys.stderr)
        else:
            warnings.showwarning(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return 0
