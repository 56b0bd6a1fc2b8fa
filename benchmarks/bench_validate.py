"""Benchmark: plans validated per second on corpus-sized plans (one core).

Run: ``python benchmarks/bench_validate.py [--seconds 3]``. The plans are the real
corpus plans when ../shared/corpus exists, else the example plans. The baseline,
measured in the same process on the same plans, is ``to_json(plan)``; the ratio
says how many JSON serialisations one validation costs. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from kehoach_core import Plan, read, to_json
from kehoach_core.validate import validate

ROOT = Path(__file__).resolve().parents[1]


def plans() -> list[Plan]:
    corpus = ROOT.parent / "shared" / "corpus"
    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    files = files or sorted((ROOT / "examples").glob("*.json"))
    return [read(f) for f in files]


def rate(work: Callable[[Plan], object], items: list[Plan], seconds: float) -> float:
    """Calls of ``work`` per second, cycling over ``items`` for about ``seconds``."""
    for plan in items:
        work(plan)
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for plan in items:
            work(plan)
        done += len(items)
    return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    items = plans()
    validated = rate(validate, items, args.seconds)
    baseline = rate(to_json, items, args.seconds)
    print(f"plans: {len(items)}")
    print(f"validate: {validated:8.1f} plans/s")
    print(f"to_json:  {baseline:8.1f} plans/s (baseline)")
    print(f"ratio:    {baseline / validated:8.2f} to_json calls per validation")


if __name__ == "__main__":
    main()
