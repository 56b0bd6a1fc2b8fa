"""``kehoach validate PLAN_OR_DIR...``: check plans and report findings.

Exit codes: 0 no error finding, 1 at least one error finding, 2 an input
could not be read (the other inputs are still checked and reported).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

__all__ = ["register", "run"]

_SUFFIXES = (".txt", ".docx", ".json")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check plans (.txt, .docx, .json, or folders of them) and report defects",
        description="Check plans and report their defects with stable codes (KH101 ...).",
    )
    parser.add_argument("plans", nargs="+", metavar="PLAN_OR_DIR", help="plans or folders")
    parser.add_argument(
        "--format", choices=("text", "json", "sarif"), default="text", help="output format"
    )
    parser.add_argument(
        "--select", default="", help="comma-separated codes or prefixes to run (KH4,KH501)"
    )
    parser.add_argument("--ignore", default="", help="comma-separated codes or prefixes to skip")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="message language")
    parser.add_argument("--superior", help="the superior plan, for the rules that compare with it")
    parser.add_argument("-o", "--output", help="write the report here (atomically)")
    parser.set_defaults(run=run)


def _expand(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in _SUFFIXES
            )
        else:
            out.append(path)
    return out


def _codes(text: str) -> list[str]:
    return [c.strip() for c in text.split(",") if c.strip()]


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from .._errors import KehoachError
    from .._read import read
    from ..validate import Report, to_json, to_sarif, to_text, validate

    superior = read(args.superior) if args.superior else None
    reports: list[Report] = []
    unusable = False
    for path in _expand(args.plans):
        try:
            plan = read(path)
        except KehoachError as exc:
            print(f"kehoach: error: {exc}", file=sys.stderr)
            unusable = True
            continue
        if plan.source is None:
            import attrs

            plan = attrs.evolve(plan, source=str(path))
        reports.append(
            validate(
                plan,
                superior=superior,
                select=_codes(args.select) or None,
                ignore=_codes(args.ignore) or None,
                lang=args.lang,
            )
        )
    if args.format == "json":
        text = to_json(reports)
    elif args.format == "sarif":
        text = to_sarif(reports)
    else:
        text = to_text(reports)
        text = text + "\n" if text else ""
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    if unusable:
        return 2
    return 1 if any(r.has_errors for r in reports) else 0
