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
    parser.add_argument("old", help="the old version (.json, .txt, .docx, .doc)")
    parser.add_argument("new", help="the new version (.json, .txt, .docx, .doc)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format")
    parser.add_argument("-o", "--output", help="write the report here (atomically)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from .._reading import read
    from ..compare import diff, render_changes, write_docx_report

    changes = diff(read(args.old), read(args.new))
    if args.format == "docx":
        if not args.output:
            print("kehoach: error: --format docx needs -o FILE.docx", file=sys.stderr)
            return 2
        write_docx_report(args.output, changes)
        return 0
    text = render_changes(changes, args.format)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
