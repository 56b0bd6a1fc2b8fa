"""``kehoach ics PLAN --schedule FILE [--body NAME | --each-body] [--todos] -o OUT.ics``.

Writes the plan's calendar. When ``OUT.ics`` already exists it is read as the
previous export, so items whose content changed get a higher SEQUENCE and
subscribers see an update, not a duplicate. With ``--each-body`` the output is
a folder holding one calendar per responsible body.
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path
from typing import Any

from .._vietnamese import remove_marks

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ics",
        help="export a plan's phases, milestones, anniversaries and tasks as iCalendar",
        description="Export a plan as an iCalendar (.ics) file.",
    )
    parser.add_argument("plan", help="the plan: a .json, .txt, .docx, .doc or .pdf file")
    parser.add_argument(
        "--schedule", metavar="FILE", help="dates of the milestones (.toml or .json)"
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--body", metavar="NAME", help="only the tasks of this body")
    which.add_argument(
        "--each-body",
        action="store_true",
        help="one calendar per body; -o names a folder",
    )
    parser.add_argument("--todos", action="store_true", help="tasks as VTODO, not events")
    parser.add_argument(
        "--lenient",
        action="store_true",
        help="export what can be dated and warn about the rest (default: error)",
    )
    parser.add_argument("-o", "--output", help="the .ics file (default: stdout)")
    parser.set_defaults(run=run)


def _slug(name: str) -> str:
    ascii_name = remove_marks(name)
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").lower() or "body"


def _previous(path: Path) -> Any:
    from .._errors import KehoachError
    from ..ical import read_ical

    if not path.is_file():
        return None
    try:
        return read_ical(path)
    except (KehoachError, OSError) as exc:  # a damaged old file must not stop a new export
        print(f"kehoach: warning: {path}: previous export unreadable ({exc})", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from .._reading import read
    from ..ical import Schedule, bodies, calendars_by_body, load_schedule, to_ical

    plan = read(args.plan)
    schedule = load_schedule(args.schedule) if args.schedule else Schedule()
    strict = not args.lenient
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if args.each_body:
            if not args.output:
                print("kehoach: error: --each-body needs -o FOLDER", file=sys.stderr)
                return 2
            folder = Path(args.output)
            folder.mkdir(parents=True, exist_ok=True)
            names: dict[str, Path] = {}
            previous: dict[str, Any] = {}
            for name in bodies(plan):
                stem = _slug(name)
                taken = {path.stem for path in names.values()}
                n = 2
                while stem in taken:  # two names that differ only in accents or punctuation
                    stem, n = f"{_slug(name)}-{n}", n + 1
                names[name] = folder / f"{stem}.ics"
                old = _previous(names[name])
                if old is not None:
                    previous[name] = old
            calendars = calendars_by_body(
                plan, schedule, todos=args.todos, strict=strict, previous=previous
            )
            for name, calendar in calendars.items():
                write_atomic(names[name], calendar.to_ical())
        else:
            previous_one = _previous(Path(args.output)) if args.output else None
            calendar = to_ical(
                plan,
                schedule,
                body=args.body,
                todos=args.todos,
                strict=strict,
                previous=previous_one,
            )
            if args.output:
                write_atomic(args.output, calendar.to_ical())
            else:
                sys.stdout.buffer.write(calendar.to_ical())
                sys.stdout.flush()
    for warning in caught:
        print(f"kehoach: warning: {warning.message}", file=sys.stderr)
    return 0
