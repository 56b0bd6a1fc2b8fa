"""``kehoach demo [OUTDIR]``: the main job on the sample plans shipped with the package.

Reads the superior and the subordinate sample plans (text, as extracted from a
PDF), writes each as kehoach/1 JSON, and prints a short summary. Later steps
(validation, comparison, calendars, docx) join here as they exist.
"""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="run the main job on the sample plans that ship with the package",
        description="Read the sample plans shipped with kehoach_core and write the results.",
    )
    parser.add_argument("outdir", nargs="?", default="kehoach-demo", help="where to write")
    parser.set_defaults(run=run)


def sample_text(name: str) -> str:
    """The text of a sample shipped in ``kehoach_core/samples``."""
    return resources.files("kehoach_core").joinpath("samples", name).read_text(encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    from .._atomic import write_atomic
    from .._converter import to_json
    from .._read import read_text

    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    for name in ("superior", "subordinate"):
        plan = read_text(sample_text(f"{name}.txt"), source=f"samples/{name}.txt")
        target = outdir / f"{name}.json"
        write_atomic(target, to_json(plan))
        items = sum(len(p.content) for p in plan.all_phases())
        print(
            f"{name}: {plan.number or 'no number'}, {plan.title or 'no title'}\n"
            f"  {len(plan.bases)} cited documents, {len(plan.phases)} phases, "
            f"{items} content items, {len(plan.forms)} forms, "
            f"{len(list(plan.all_assignments()))} assignments, "
            f"{len(plan.unparsed)} unparsed fragments -> {target}"
        )
    return 0
