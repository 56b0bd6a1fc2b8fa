"""``kehoach derive SUPERIOR --issuer NAME -o DRAFT.docx|.json``: draft a subordinate plan.

The draft carries the superior's purposes, requirements, phases, forms and items
down to the issuer's level with the level's words rewritten, cites the superior
first, takes over the tasks the superior gives that level, and leaves blanks
``…`` for what only the office knows (number, day, signer).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
from pathlib import Path
from typing import Any

__all__ = ["register"]

_LEVELS = ("province", "district", "commune")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "derive",
        help="draft a subordinate's plan from its superior's plan",
        description="Draft the plan of a body below the superior (a commune below its "
        "province, say) from the superior's plan (.json, .txt, .docx, .doc, .pdf).",
    )
    parser.add_argument("superior", help="the superior's plan")
    parser.add_argument(
        "--issuer", required=True, help="the body issuing the draft (Đảng ủy xã Hoàng Văn Thụ)"
    )
    parser.add_argument(
        "--level", choices=_LEVELS, help="the issuer's level (default: from the issuer's words)"
    )
    parser.add_argument(
        "--place", help="the issuer's place name (default: the words after xã, huyện ...)"
    )
    parser.add_argument("--issued-on", metavar="YYYY-MM-DD", help="the issue date (default: blank)")
    parser.add_argument(
        "--format",
        choices=("party", "state"),
        help="Party (HD 36) or State (NĐ 30) (default: from the issuer, else the superior's)",
    )
    parser.add_argument(
        "-o", "--output", required=True, help="the draft to write (atomically): .docx or .json"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._atomic import check_output, write_atomic
    from .._converter import to_json
    from .._errors import InputError
    from .._reading import read
    from ..derive import derive
    from ..docx_io import UnrepresentableWarning, write_docx

    suffix = Path(args.output).suffix.lower() if args.output != "-" else ".json"
    if suffix not in (".docx", ".json"):
        raise InputError(f"{args.output}: the draft is written as .docx or .json")
    issued_on = None
    if args.issued_on:
        try:
            issued_on = dt.date.fromisoformat(args.issued_on)
        except ValueError:
            raise InputError(f"--issued-on {args.issued_on!r} is not a date (YYYY-MM-DD)") from None
    check_output(args.output, [args.superior])
    superior = read(args.superior)
    draft = derive(
        superior,
        issuer=args.issuer,
        level=args.level,
        place=args.place,
        issued_on=issued_on,
        format=args.format,
    )
    if suffix == ".json":
        write_atomic(args.output, to_json(draft), inputs=[args.superior])
        return 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnrepresentableWarning)
        write_docx(draft, args.output)
    for warning in caught:
        if issubclass(warning.category, UnrepresentableWarning):
            print(f"kehoach: note: {args.output}: {warning.message}", file=sys.stderr)
    return 0
