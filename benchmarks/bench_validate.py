"""Benchmark: plans validated per second on corpus-sized plans (one core), and warm-up.

Run: ``python benchmarks/bench_validate.py [--seconds 3] [--runs 5]``. The plans are
the real corpus plans when ../shared/corpus exists, else the example plans. The
baseline, measured in the same process on the same plans, is ``to_json(plan)``;
the ratio says how many JSON serialisations one validation costs (it holds on a
busy machine better than plans per second do). Aim (issue 14): 500 plans/s.

Warm-up: in fresh processes, the first ``validate()`` after the import against
the best later call on the same plan (the rules' modules are imported and their
patterns compiled on the first call). With ``PYTHONDONTWRITEBYTECODE=1`` every
module is compiled from source too; an installed package has its bytecode cached.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kehoach_core import Plan, read, to_json
from kehoach_core.validate import validate

ROOT = Path(__file__).resolve().parents[1]


def plan_files() -> list[Path]:
    corpus = ROOT.parent / "shared" / "corpus"
    files = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    return files or sorted((ROOT / "examples").glob("*.json"))


def plans() -> list[Plan]:
    return [read(f) for f in plan_files()]


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


def best_rate(work: Callable[[Plan], object], items: list[Plan], rounds: int = 15) -> float:
    """Calls per second in the fastest of ``rounds`` passes (the least disturbed)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for plan in items:
            work(plan)
        best = min(best, (time.perf_counter() - start) / len(items))
    return 1 / best


_WARM = """
import sys, time
from kehoach_core import read
plan = read(sys.argv[1])
from kehoach_core.validate import validate
start = time.perf_counter(); validate(plan); first = time.perf_counter() - start
best = min(
    (lambda s: (validate(plan), time.perf_counter() - s)[1])(time.perf_counter())
    for _ in range(20)
)
print(first * 1000, best * 1000)
"""


def warm_up(path: Path, runs: int) -> tuple[float, float]:
    """Median first call and best steady call (ms) over ``runs`` fresh processes."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    firsts, steadies = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _WARM, str(path)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout.split()
        firsts.append(float(out[0]))
        steadies.append(float(out[1]))
    return statistics.median(firsts), min(steadies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for the warm-up")
    args = parser.parse_args()
    items = plans()
    validated = rate(validate, items, args.seconds)
    baseline = rate(to_json, items, args.seconds)
    best_validated = best_rate(validate, items)
    best_baseline = best_rate(to_json, items)
    print(f"plans: {len(items)}")
    print(f"validate: {validated:8.1f} plans/s (best pass {best_validated:.1f})")
    print(f"to_json:  {baseline:8.1f} plans/s (best pass {best_baseline:.1f}; baseline)")
    print(f"ratio:    {baseline / validated:8.2f} to_json calls per validation")
    first, steady = warm_up(plan_files()[0], args.runs)
    print(
        f"warm-up:  first validate() {first:.1f} ms, steady {steady:.1f} ms: "
        f"{first - steady:.1f} ms of warm-up (bytecode "
        f"{'not cached' if os.environ.get('PYTHONDONTWRITEBYTECODE') else 'cached'})"
    )


if __name__ == "__main__":
    main()
