"""``kehoach demo [OUTDIR]``: the main job on the sample plans shipped with the package.

The samples (``kehoach_core/samples``) are a provincial plan, a commune plan
that implements it with defects planted on purpose, and a schedule of the
congresses both name. The demo reads both plans from text, validates the
commune plan against its superior, measures how much of the superior it covers,
exports its calendar, writes it as Word files in both official formats, and
puts every result into OUTDIR with a short summary on standard output.
"""

from __future__ import annotations

import argparse
import warnings
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="run the main job on the sample plans that ship with the package",
        description="Read, validate and export the sample plans shipped with kehoach_core.",
    )
    parser.add_argument("outdir", nargs="?", default="kehoach-demo", help="where to write")
    parser.set_defaults(run=run)


def sample_text(name: str) -> str:
    """The text of a sample shipped in ``kehoach_core/samples``."""
    return resources.files("kehoach_core").joinpath("samples", name).read_text(encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from .._converter import to_json
    from .._reading import read_text

    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    plans = {}
    print(f"kehoach demo: writing to {outdir}/")
    for name in ("superior", "subordinate"):
        plan = read_text(sample_text(f"{name}.txt"), source=f"samples/{name}.txt")
        plans[name] = plan
        write_atomic(outdir / f"{name}.json", to_json(plan))
        items = sum(len(p.content) for p in plan.all_phases())
        print(
            f"read      {name}.txt: {plan.number or 'no number'}, "
            f"{len(plan.bases)} cited documents, {len(plan.phases)} phases, "
            f"{items} items, {len(plan.forms)} forms, "
            f"{len(list(plan.all_assignments()))} assignments, "
            f"{len(plan.unparsed)} unparsed -> {name}.json"
        )
    superior, subordinate = plans["superior"], plans["subordinate"]

    from ..validate import to_sarif, to_text, validate

    report = validate(subordinate, superior=superior)
    write_atomic(outdir / "validation.txt", to_text(report))
    write_atomic(outdir / "validation.sarif", to_sarif(report))
    counts = Counter(f.severity.value for f in report)
    summary = ", ".join(f"{n} {severity}" for severity, n in sorted(counts.items()))
    print(f"validate  subordinate against superior: {summary or 'no findings'}")
    for finding in report.errors[:5]:
        print(f"          line {finding.line}: {finding.code} {finding.message}")
    if len(report.errors) > 5:
        print(f"          ... {len(report.errors) - 5} more in validation.txt / validation.sarif")

    from ..compare import compare, render_coverage

    coverage = compare(superior, subordinate)
    write_atomic(outdir / "coverage.md", render_coverage(coverage, "markdown"))
    counts = Counter(item.status.value for item in coverage.items)
    print(
        f"compare   subordinate covers {coverage.overall:.0%} of the superior's items "
        f"({counts['covered']} covered, {counts['partial']} partial, "
        f"{counts['missing']} missing) -> coverage.md"
    )

    from ..ical import load_schedule, to_ical, write_ical

    schedule = load_schedule(sample_text("schedule.toml").encode("utf-8"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        calendar = to_ical(subordinate, schedule, strict=False)
    write_ical(calendar, outdir / "subordinate.ics")
    events = len(calendar.events) + len(calendar.todos)
    print(f"calendar  subordinate.ics: {events} events ({len(caught)} warnings)")

    from ..docx_io import UnrepresentableWarning, write_docx

    for format_ in ("party", "state"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UnrepresentableWarning)
            write_docx(subordinate, outdir / f"subordinate-{format_}.docx", format=format_)
    print("docx      subordinate-party.docx (HD 36), subordinate-state.docx (NĐ 30)")
    return 0
