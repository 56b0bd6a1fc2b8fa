"""Recall and precision of validation against defect lists written blind by a reader.

Run ``python benchmarks/accuracy_validate.py [-v]``. The lists in
``tests/validate/defects/*.json`` were written by a reader who read the plans and
never saw the code (see their README). A defect counts as found when a finding is
on its line (or on the line range of the element holding it) and the finding's
text or excerpt shares a word with the defect's quote; a finding counts as real
when it matches some listed defect. ``-v`` prints the misses and the unmatched
findings, to read them against the plan.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DEFECTS = ROOT / "tests" / "validate" / "defects"

import kehoach_core as kh  # noqa: E402
from kehoach_core.validate import Finding, validate  # noqa: E402


def _words(text: str) -> set[str]:
    text = unicodedata.normalize("NFC", text).lower()
    return {w.strip(".,;:()“”\"'") for w in text.split() if len(w.strip(".,;:()“”\"'")) > 1}


def _matches(finding: Finding, defect: dict[str, object]) -> bool:
    """On the defect's line (a line either side: a reader counts a wrapped line as it
    sees it) and about the same words; a finding with no words of its own (a blank in
    the header) matches by place alone."""
    line = int(str(defect["line"]))
    first = finding.line or 0
    last = max(finding.end_line or first, first)
    if not first - 1 <= line <= last + 1:
        return False
    quote = _words(str(defect["quote"]))
    said = _words(f"{finding.text} {finding.excerpt}")
    return bool(quote & said) or not quote or not said


def main() -> None:
    verbose = "-v" in sys.argv
    found_total = defects_total = real_total = findings_total = 0
    kinds: Counter[str] = Counter()
    kinds_found: Counter[str] = Counter()
    for path in sorted(DEFECTS.glob("*.json")):
        listed = json.loads(path.read_text(encoding="utf-8"))
        source = CORPUS / listed["plan"]
        text = source.read_text(encoding="utf-8")
        plan = (
            kh.read_text(text, source=listed["plan"]) if source.suffix == ".md" else kh.read(source)
        )
        findings = list(validate(plan).findings)
        defects = listed["defects"]
        found = [d for d in defects if any(_matches(f, d) for f in findings)]
        real = [f for f in findings if any(_matches(f, d) for d in defects)]
        for d in defects:
            kinds[str(d["kind"])] += 1
        for d in found:
            kinds_found[str(d["kind"])] += 1
        print(
            f"{listed['plan']:<55} defects found {len(found):>3}/{len(defects):<3} "
            f"findings real {len(real):>3}/{len(findings):<3}"
        )
        if verbose:
            for d in defects:
                if d not in found:
                    print(f"    missed {d['line']}: {d['kind']}: {d['quote']!r}")
            for f in findings:
                if f not in real:
                    print(f"    unmatched {f.code} {f.line}: {f.message[:80]}")
        found_total += len(found)
        defects_total += len(defects)
        real_total += len(real)
        findings_total += len(findings)
    print(
        f"recall {found_total}/{defects_total} = {found_total / max(defects_total, 1):.2f}; "
        f"precision {real_total}/{findings_total} = {real_total / max(findings_total, 1):.2f}"
    )
    print("by kind (found/listed):")
    for kind, count in kinds.most_common():
        print(f"    {kinds_found[kind]:>3}/{count:<3} {kind}")


if __name__ == "__main__":
    main()
