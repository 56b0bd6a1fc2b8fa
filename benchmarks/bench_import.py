"""How long ``import kehoach_core`` takes, and that heavy dependencies stay unloaded.

Run ``python benchmarks/bench_import.py``. Each measurement is a fresh
interpreter with ``-X importtime``; the best of several runs is kept. The
baseline is ``import attrs``, the one runtime dependency the model needs at
import (aim for kehoach_core: under 150 ms). It also lists which heavy modules
(cattrs, docx, lxml, icalendar, rapidfuzz) a bare ``import kehoach_core`` loads:
none should be.
"""

from __future__ import annotations

import re
import subprocess
import sys

RUNS = 7
HEAVY = ("cattrs", "docx", "lxml", "icalendar", "rapidfuzz", "hypothesis")


def import_ms(module: str) -> float:
    best = float("inf")
    for _ in range(RUNS):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in result.stderr.splitlines():
            match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)$", line)
            if match and match[2] == module:
                best = min(best, int(match[1]) / 1000)
    return best


def loaded_heavy() -> list[str]:
    code = "import sys, kehoach_core; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    modules = set(out.stdout.split())
    return [name for name in HEAVY if name in modules]


def main() -> int:
    ours = import_ms("kehoach_core")
    base = import_ms("attrs")
    print(f"import attrs (baseline): {base:7.1f} ms")
    print(f"import kehoach_core:     {ours:7.1f} ms  ({ours / base:.2f} x the baseline)")
    heavy = loaded_heavy()
    print(f"heavy modules loaded by import kehoach_core: {', '.join(heavy) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
