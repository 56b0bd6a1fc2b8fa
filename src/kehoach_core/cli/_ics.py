"""``kehoach ics PLAN [--schedule FILE] [--body NAME | --each-body] [--todos] [--strict] -o OUT``.

Writes the plan's calendar: what can be dated, with one short summary on stderr
of what was left out (exit 0), or exit 1 when nothing at all can be dated;
``--strict`` exits 2 instead when a milestone the phases or tasks need has no
date (``--lenient``, once needed for the default, is still accepted).
When ``OUT.ics`` already exists it is read as the previous export, so items
whose content changed get a higher SEQUENCE and subscribers see an update, not
a duplicate. With ``--each-body`` the output is a folder holding one calendar
per responsible body.
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
        help="export a plan's phases, milestones, dates and tasks as iCalendar",
        description=(
            "Export a plan as an iCalendar (.ics) file: every date the plan states, its "
            "phases, the congresses and nationwide days it names (dated by a bundled "
            "calendar), and its tasks. What cannot be dated is left out and listed in one "
            "summary; `kehoach schedule PLAN` writes a file to fill in those dates."
        ),
    )
    parser.add_argument("plan", help="the plan: a .json, .txt, .docx, .doc or .pdf file")
    parser.add_argument(
        "--schedule",
        metavar="FILE",
        help="dates of the milestones (.toml or .json, e.g. written by `kehoach schedule`); "
        "they override the bundled calendar",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--body", metavar="NAME", help="only the tasks of this body")
    which.add_argument(
        "--each-body",
        action="store_true",
        help="one calendar per body; -o names a folder",
    )
    parser.add_argument("--todos", action="store_true", help="dated tasks as VTODO, not events")
    strictness = parser.add_mutually_exclusive_group()
    strictness.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 2) when a milestone a phase or task needs has no date",
    )
    strictness.add_argument(
        "--lenient",
        action="store_true",
        help="accepted for compatibility: exporting what can be dated is now the default",
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


def _summary(report: Any, where: str, plan: str, *, todos: bool) -> list[str]:
    """One short summary: what was written, what was left out and why, what to do."""
    count = f"{report.events} event{'s' if report.events != 1 else ''}"
    if todos:
        count += f", {report.todos} to-do{'s' if report.todos != 1 else ''}"
    lines = [f"{where}: {count}"]
    if todos and report.dated_tasks == 0:
        lines.append("--todos: no task in this plan states a date, so there is no to-do")
    if report.undated:
        by_reason: dict[str, list[str]] = {}
        for name, why in report.undated:
            if name not in by_reason.setdefault(why, []):
                by_reason[why].append(name)
        for why, names in by_reason.items():
            lines.append(f"not dated: {', '.join(names)} ({why})")
    if report.needs:
        lines.append(
            f"to date them: kehoach schedule {plan} -o lich.toml, fill in the dates, then "
            f"kehoach ics {plan} --schedule lich.toml"
        )
    return lines


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from .._errors import ScheduleError
    from .._reading import read
    from ..ical import Schedule, ScheduleWarning, bodies, load_schedule
    from ..ical._export import export, export_by_body

    plan = read(args.plan)
    schedule = load_schedule(args.schedule) if args.schedule else Schedule()
    strict = bool(args.strict)
    outputs: list[tuple[Path | None, bytes]] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            if args.each_body:
                if not args.output:
                    print("kehoach: error: --each-body needs -o FOLDER", file=sys.stderr)
                    return 2
                folder = Path(args.output)
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
                calendars, report = export_by_body(
                    plan, schedule, todos=args.todos, strict=strict, previous=previous
                )
                outputs = [(names[name], c.to_ical()) for name, c in calendars.items()]
                where = f"{folder}: {len(calendars)} calendars"
            else:
                previous_one = _previous(Path(args.output)) if args.output else None
                calendar, report = export(
                    plan,
                    schedule,
                    body=args.body,
                    todos=args.todos,
                    strict=strict,
                    previous=previous_one,
                )
                target = Path(args.output) if args.output else None
                outputs = [(target, calendar.to_ical())]
                where = str(target) if target else "<stdout>"
        except ScheduleError as exc:
            print(f"kehoach: error: {exc}", file=sys.stderr)
            print(
                f"kehoach: run `kehoach schedule {args.plan} -o lich.toml`, fill in the dates "
                "and pass --schedule lich.toml; or leave out --strict to export what can be "
                "dated",
                file=sys.stderr,
            )
            return 2
    for warning in caught:
        if not issubclass(warning.category, ScheduleWarning):  # those are in the summary
            print(f"kehoach: warning: {warning.message}", file=sys.stderr)
    empty = report.events + report.todos == 0
    summary = _summary(report, where, args.plan, todos=args.todos)
    if empty:
        summary[0] = f"{where}: nothing to put in a calendar, nothing written"
        if not report.undated:
            summary.append("the plan states no date and names no dated event")
    else:
        if args.each_body:
            Path(args.output).mkdir(parents=True, exist_ok=True)
        for path, data in outputs:
            if path is None:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
            else:
                write_atomic(path, data)
    for line in summary:
        print(f"kehoach: {line}", file=sys.stderr)
    return 1 if empty else 0
