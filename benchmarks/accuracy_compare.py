"""Precision and recall of ``compare``'s statuses against the hand-labelled alignments.

The labels live in ``tests/compare/alignment_*.json``: for each superior item
(named by its first words, in a section named by the first words of its
phase's label and heading) a status read off both texts, the subordinate
items that answer it, and a reason. Run::

    python benchmarks/accuracy_compare.py            # in-sample, then leave-one-pair-out
    python benchmarks/accuracy_compare.py --tune     # grid over the thresholds
    python benchmarks/accuracy_compare.py --details  # every disagreement
    python benchmarks/accuracy_compare.py --agreement  # a second reader against the first

Second readings (``tests/compare/second_reading_*.json``) label the same pair
again, blind to the first labels and to the matcher, by item id. They measure
how far two careful readers agree: the ceiling any matcher can be judged against.

Leave-one-pair-out: the thresholds are chosen on two pairs (best accuracy on
a grid, ties to the most stable point) and measured on the third, in turn; the
held-out figures pool the three held-out pairs. They estimate how the shipped
thresholds do on plans nobody has seen.

Corpus pairs need ``../shared/corpus`` beside the checkout; without it only
the example pair is scored.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "compare"
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"
STATUSES = ("covered", "partial", "missing")


def _path(ref: str) -> Path:
    where, name = ref.split(":", 1)
    return (CORPUS if where == "corpus" else EXAMPLES) / name


def _key(text: str) -> str:
    from kehoach_core.compare._normalize import normalize

    return normalize(text, places=False)


def _section_of(plan: Any, section: str) -> list[str]:
    """Ids of the phases whose label and heading start with ``section``."""
    if section in ("purposes", "requirements", "standing"):
        return [section]
    key = _key(section)
    return [p.id for p in plan.all_phases() if _key(f"{p.label} {p.heading}").startswith(key)]


def load_pairs() -> list[tuple[str, Any, Any, dict[str, Any]]]:
    """(name, superior, subordinate, labels) for every labelled pair whose plans are here."""
    import kehoach_core

    out = []
    for path in sorted(LABELS.glob("alignment_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        sup_path, sub_path = _path(data["superior"]), _path(data["subordinate"])
        if not (sup_path.exists() and sub_path.exists()):
            continue
        out.append((path.stem, kehoach_core.read(sup_path), kehoach_core.read(sub_path), data))
    return out


def _find(coverage: Any, superior: Any, label: dict[str, Any]) -> Any:
    sections = _section_of(superior, label["section"])
    key = _key(label["item"])
    for row in coverage.items:
        if row.section in sections and _key(row.text).startswith(key):
            return row
    return None


def _sub_text(subordinate: Any, item_id: str) -> str:
    items = [
        *subordinate.purposes,
        *subordinate.requirements,
        *subordinate.standing_content,
        *(c for p in subordinate.all_phases() for c in p.content),
        *(c for f in subordinate.forms for c in f.content),
    ]
    for top in items:
        for item in top.walk():
            if item.id == item_id:
                return str(item.text)
    for form in subordinate.forms:
        if form.id == item_id:
            return str(form.title)
    return ""


def evaluate(
    pairs: Iterable[tuple[str, Any, Any, dict[str, Any]]], thresholds: Any = None
) -> dict[str, Any]:
    """Confusion counts, precision and recall per status, accuracy, and match agreement."""
    from kehoach_core.compare import compare

    confusion: Counter[tuple[str, str]] = Counter()
    unfound: list[str] = []
    disagreements: list[str] = []
    match_ok = match_total = 0
    for name, sup, sub, data in pairs:
        coverage = compare(sup, sub, thresholds=thresholds)
        for label in data["labels"]:
            row = _find(coverage, sup, label)
            if row is None:
                unfound.append(f"{name}: {label['section']} / {label['item']}")
                continue
            got = row.status.value
            confusion[(label["status"], got)] += 1
            if got != label["status"]:
                disagreements.append(
                    f"{name}: {row.item} labelled {label['status']}, got {got} "
                    f"({row.score:.2f}; {row.reason}) | {label['item']}"
                )
            if label["matches"] and got != "missing":
                match_total += 1
                texts = [_key(_sub_text(sub, m.item)) for m in row.matches]
                wanted = [_key(w) for w in label["matches"]]
                if any(t.startswith(w) for t in texts for w in wanted):
                    match_ok += 1
    report: dict[str, Any] = {"statuses": {}, "unfound": unfound, "disagreements": disagreements}
    for status in STATUSES:
        tp = confusion[(status, status)]
        predicted = sum(n for (_, g), n in confusion.items() if g == status)
        actual = sum(n for (t, _), n in confusion.items() if t == status)
        report["statuses"][status] = {
            "precision": tp / predicted if predicted else 1.0,
            "recall": tp / actual if actual else 1.0,
            "labelled": actual,
            "predicted": predicted,
        }
    total = sum(confusion.values())
    correct = sum(n for (t, g), n in confusion.items() if t == g)
    report["accuracy"] = correct / total if total else 1.0
    report["items"] = total
    report["macro_precision"] = sum(s["precision"] for s in report["statuses"].values()) / 3
    report["macro_recall"] = sum(s["recall"] for s in report["statuses"].values()) / 3
    report["matches"] = match_ok / match_total if match_total else 1.0
    report["confusion"] = {f"{t}->{g}": n for (t, g), n in sorted(confusion.items())}
    return report


def _print(report: dict[str, Any]) -> None:
    print(f"{'status':10} {'precision':>9} {'recall':>7} {'labelled':>9} {'predicted':>9}")
    for status, s in report["statuses"].items():
        print(
            f"{status:10} {s['precision']:9.3f} {s['recall']:7.3f} "
            f"{s['labelled']:9d} {s['predicted']:9d}"
        )
    print(
        f"overall: {report['items']} items, accuracy (micro precision = recall) "
        f"{report['accuracy']:.3f}, macro precision {report['macro_precision']:.3f}, "
        f"macro recall {report['macro_recall']:.3f}"
    )
    print(f"best match agrees with the labels: {report['matches']:.3f}")
    print("confusion (labelled->got):", report["confusion"])
    if report["unfound"]:
        print("labels not found:", *report["unfound"], sep="\n  ")


def agreement() -> list[dict[str, Any]]:
    """For each second reading: how far the two readers, and the matcher, agree.

    Returns, per pair, the number of items, the readers' agreement, the matcher's
    agreement with each reader, and with both where the readers agree.
    """
    from kehoach_core.compare import compare

    pairs = {name: (sup, sub, data) for name, sup, sub, data in load_pairs()}
    out = []
    for path in sorted(LABELS.glob("second_reading_*.json")):
        name = "alignment_" + path.stem.removeprefix("second_reading_")
        if name not in pairs:
            continue
        sup, sub, data = pairs[name]
        second = {
            label["id"]: label["status"]
            for label in json.loads(path.read_text(encoding="utf-8"))["labels"]
        }
        coverage = compare(sup, sub)
        rows = []
        for label in data["labels"]:
            row = _find(coverage, sup, label)
            if row is not None and row.item in second:
                rows.append((label["status"], second[row.item], row.status.value))
        both = [r for r in rows if r[0] == r[1]]
        out.append(
            {
                "pair": name,
                "items": len(rows),
                "readers": sum(a == b for a, b, _ in rows) / len(rows),
                "matcher_first": sum(a == m for a, _, m in rows) / len(rows),
                "matcher_second": sum(b == m for _, b, m in rows) / len(rows),
                "agreed": len(both),
                "matcher_on_agreed": sum(a == m for a, _, m in both) / len(both) if both else 1.0,
                "confusion": dict(Counter(f"{a}/{b}" for a, b, _ in rows)),
            }
        )
    return out


COVERED_GRID = [x / 100 for x in range(50, 82, 4)]
PARTIAL_GRID = [x / 100 for x in range(20, 46, 4)]


def _grid(pairs: list[tuple[str, Any, Any, dict[str, Any]]]) -> dict[tuple[int, int], Any]:
    from kehoach_core.compare import Thresholds

    out = {}
    for ci, covered in enumerate(COVERED_GRID):
        for pi, partial in enumerate(PARTIAL_GRID):
            th = Thresholds(covered=covered, partial=partial)
            out[(ci, pi)] = {name: evaluate([p], th) for p in pairs for name in [p[0]]}
    return out


def _pooled(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, precision and recall over several pairs' confusion counts."""
    confusion: Counter[tuple[str, str]] = Counter()
    for r in reports:
        for key, n in r["confusion"].items():
            t, g = key.split("->")
            confusion[(t, g)] += n
    out: dict[str, Any] = {"statuses": {}}
    for status in STATUSES:
        tp = confusion[(status, status)]
        predicted = sum(n for (_, g), n in confusion.items() if g == status)
        actual = sum(n for (t, _), n in confusion.items() if t == status)
        out["statuses"][status] = {
            "precision": tp / predicted if predicted else 1.0,
            "recall": tp / actual if actual else 1.0,
            "labelled": actual,
            "predicted": predicted,
        }
    total = sum(confusion.values())
    out["items"] = total
    out["accuracy"] = sum(n for (t, g), n in confusion.items() if t == g) / total if total else 1.0
    return out


def leave_one_pair_out(
    pairs: list[tuple[str, Any, Any, dict[str, Any]]],
) -> tuple[list[tuple[str, float, float, float]], dict[str, Any]]:
    """Per held-out pair (name, covered, partial, accuracy), and the pooled held-out report."""
    grid = _grid(pairs)
    names = [p[0] for p in pairs]

    def accuracy(cell: tuple[int, int], train: list[str]) -> float:
        return _pooled([grid[cell][n] for n in train])["accuracy"]

    def stability(cell: tuple[int, int], train: list[str]) -> float:
        ci, pi = cell
        near = [
            accuracy((ci + dc, pi + dp), train)
            for dc in (-1, 0, 1)
            for dp in (-1, 0, 1)
            if (ci + dc, pi + dp) in grid
        ]
        return sum(near) / len(near)

    folds = []
    held = []
    for out in names:
        train = [n for n in names if n != out]
        best = max(accuracy(c, train) for c in grid)
        ties = [c for c in grid if accuracy(c, train) >= best - 1e-9]
        cell = max(ties, key=lambda c: (stability(c, train), -c[0], -c[1]))
        report = grid[cell][out]
        held.append(report)
        folds.append((out, COVERED_GRID[cell[0]], PARTIAL_GRID[cell[1]], report["accuracy"]))
    return folds, _pooled(held)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="grid-search the thresholds")
    parser.add_argument("--details", action="store_true", help="list every disagreement")
    parser.add_argument("--no-holdout", action="store_true", help="skip leave-one-pair-out")
    parser.add_argument(
        "--agreement", action="store_true", help="second readings against the first"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from kehoach_core.compare import Thresholds

    if args.agreement:
        for r in agreement():
            print(
                f"{r['pair']}: {r['items']} items; readers agree {r['readers']:.3f}; "
                f"matcher agrees with the first {r['matcher_first']:.3f}, "
                f"with the second {r['matcher_second']:.3f}, and on the {r['agreed']} items "
                f"both readers agree on {r['matcher_on_agreed']:.3f}"
            )
            print("  first/second:", r["confusion"])
        return 0
    pairs = load_pairs()
    print("pairs:", ", ".join(name for name, *_ in pairs))
    if args.tune:
        results = []
        for ci, pi in _grid(pairs):
            covered, partial = COVERED_GRID[ci], PARTIAL_GRID[pi]
            r = evaluate(pairs, Thresholds(covered=covered, partial=partial))
            results.append((r["accuracy"], r["macro_recall"], covered, partial))
        results.sort(reverse=True)
        for acc, macro, covered, partial in results[:15]:
            print(
                f"accuracy {acc:.3f} macro recall {macro:.3f}: "
                f"covered {covered:.2f} partial {partial:.2f}"
            )
        return 0
    report = evaluate(pairs)
    print("== in-sample (shipped thresholds, all labelled pairs)")
    _print(report)
    if args.details:
        print("disagreements:", *report["disagreements"], sep="\n  ")
    if not args.no_holdout and len(pairs) > 1:
        folds, held = leave_one_pair_out(pairs)
        print("== held-out (leave one pair out: thresholds tuned on the others)")
        for name, covered, partial, acc in folds:
            print(f"  {name}: covered {covered:.2f} partial {partial:.2f} -> accuracy {acc:.3f}")
        print(f"{'status':10} {'precision':>9} {'recall':>7} {'labelled':>9} {'predicted':>9}")
        for status, st in held["statuses"].items():
            print(
                f"{status:10} {st['precision']:9.3f} {st['recall']:7.3f} "
                f"{st['labelled']:9d} {st['predicted']:9d}"
            )
        print(f"held-out: {held['items']} items, accuracy {held['accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
