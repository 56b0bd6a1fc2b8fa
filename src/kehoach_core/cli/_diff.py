"""``kehoach diff OLD NEW``: what changed between two versions of one plan."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register", "run"]

FORMATS = ("text", "markdown", "json", "docx")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="list what changed between two versions of a plan (track-changes style)",
        description="Diff two versions of one plan: elements added, removed, moved and "
        "modified, with word-level changes inside modified text.",
    )
    parser.add_argument("old", help="the old version (.json, .txt, .docx, .doc, .pdf)")
    parser.add_argument("new", help="the new version (.json, .txt, .docx, .doc, .pdf)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument("-o", "--output", help="write the report here (atomically)")
    parser.add_argument(
        "--docx",
        metavar="FILE",
        help="write the new version with its changes as Word tracked changes to FILE "
        "(same as --format docx -o FILE)",
    )
    parser.add_argument(
        "--docx-kind",
        choices=("tracked", "table"),
        default="tracked",
        help="docx output: the new version with tracked changes (default), or a table of changes",
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the docx report"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .._atomic import check_output, write_atomic
    from .._reading import read
    from ..compare import diff, render_changes, tracked_diff_docx, write_docx_report

    if args.docx:
        args.format, args.output = "docx", args.docx
    old, new = read(args.old), read(args.new)
    changes = diff(old, new)
    if args.format == "docx":
        if not args.output:
            print("kehoach: error: --format docx needs -o FILE.docx", file=sys.stderr)
            return 2
        check_output(args.output, [args.old, args.new])
        if args.docx_kind == "table":
            write_docx_report(args.output, changes, lang=args.lang, plans=(old, new))
            return 0
        source = Path(args.new)
        new_docx = source.read_bytes() if source.suffix.lower() == ".docx" else None
        data = tracked_diff_docx(old, new, changes, new_docx=new_docx, lang=args.lang)
        write_atomic(args.output, data, inputs=[args.old, args.new])
        return 0
    text = render_changes(changes, args.format)
    if args.output:
        write_atomic(args.output, text, inputs=[args.old, args.new])
    else:
        sys.stdout.write(text)
    return 0
