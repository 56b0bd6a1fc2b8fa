"""Scoring candidate matches between two lists of item texts.

Each text becomes weighted features (:mod:`._weights`). A superior item is
cut into its points (clauses between ``;``, ``.`` and ``:``), and the main
signal is how many of its points the subordinate item carries: for each
point, the share of its weight found in the subordinate item (*containment*,
which stays high when the subordinate merges several superior items into one
paragraph), counted in full from :data:`SATURATION` on. The first point, where
a plan states the item's subject, weighs more. A fuzzy token-set ratio from
rapidfuzz (robust to reordering and small spelling damage) is blended in. An
inverted index finds the candidates, so the cost follows the words two items
share, not the product of the list lengths.

>>> m = Matcher(["Quy chế bầu cử trong Đảng."],
...             ["Trách nhiệm của đại biểu; Quy chế bầu cử trong Đảng.", "Treo cờ Tổ quốc."])
>>> best = m.top(0)[0]
>>> best.index, round(best.containment, 2)
(0, 1.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import attrs

from ._normalize import normalize
from ._weights import STOP_PHRASES, Weights, word_features

__all__ = ["CONTAINMENT_SHARE", "SATURATION", "Candidate", "Matcher", "points"]

CONTAINMENT_SHARE = 0.85
"""Share of the points score in the blended score; the rest is the fuzzy ratio."""

SATURATION = 0.45
"""A point whose weight is found at this share or more counts as fully carried."""

FIRST_POINT = 1.0
"""Extra weight of an item's first point."""

_POINT_BREAK = re.compile(r"(?<=[;.:!?])\s+|\n+")
_MIN_POINT_WORDS = 4


def points(text: str) -> list[str]:
    """The points (clauses) of an item; very short pieces join their neighbour.

    >>> points("Ý nghĩa của Đại hội; chủ đề, phương châm của Đại hội. Các hoạt động.")
    ['Ý nghĩa của Đại hội;', 'chủ đề, phương châm của Đại hội. Các hoạt động.']
    """
    pieces = [p for p in _POINT_BREAK.split(text) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        if out and (len(piece.split()) < _MIN_POINT_WORDS or len(out[-1].split()) < 2):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out or [text]


_PRUNE_SHARE = 0.25
"""Features found in more than this share of the right-hand items are left out of
candidate search (their weight is small); candidates are then rescored exactly."""


_PROBES = 24
_PROBE_FROM = 150
"""Past this many right-hand items, candidates are found through each left item's
:data:`_PROBES` most specific (heaviest) features only; below it, through all."""


@attrs.frozen
class Candidate:
    """A right-hand item scored against a left-hand one; ``containment`` is the share of
    the left item's points it carries."""

    index: int
    score: float
    containment: float
    fuzzy: float


def _strip_stop_phrases(text: str) -> str:
    padded = f" {text} "
    for phrase in sorted(STOP_PHRASES, key=len, reverse=True):
        padded = padded.replace(f" {phrase} ", " ")
    return " ".join(padded.split())


class Matcher:
    """All-pairs matching of ``left`` texts (superior) against ``right`` texts (subordinate)."""

    def __init__(
        self,
        left: Sequence[str],
        right: Sequence[str],
        *,
        fold: bool = False,
        weights: Weights | None = None,
    ) -> None:
        from rapidfuzz import fuzz

        self._ratio = fuzz.token_set_ratio
        left_points = [[normalize(p, fold=fold).split() for p in points(t)] for t in left]
        point_feats = [[word_features(words) for words in item] for item in left_points]
        left_feats = []
        for item in point_feats:
            merged: dict[str, float] = {}
            for feats in item:
                for f, k in feats.items():
                    merged[f] = max(merged.get(f, 0.0), k)
            left_feats.append(merged)
        right_words = [normalize(t, fold=fold).split() for t in right]
        right_feats = [word_features(words) for words in right_words]
        self.weights = weights or Weights.build([*left_feats, *right_feats])
        w = self.weights.cached()
        self._left = [{f: w(f, k) for f, k in fs.items()} for fs in left_feats]
        self._right_sets = [frozenset(fs) for fs in right_feats]
        self._totals = [sum(v.values()) or 1.0 for v in self._left]
        self._probes = [
            sorted(v.items(), key=lambda fv: (-fv[1], fv[0]))[:_PROBES]
            if len(right) > _PROBE_FROM
            else list(v.items())
            for v in self._left
        ]
        self._points: list[list[tuple[dict[str, float], float, float]]] = []
        for item in point_feats:
            rows = []
            for n, feats in enumerate(item):
                weighted = {f: w(f, k) for f, k in feats.items()}
                total = sum(weighted.values())
                if total > 0:
                    rows.append(
                        (weighted, total, math.sqrt(total) * (FIRST_POINT if n == 0 else 1))
                    )
            self._points.append(rows)
        self._left_keys = [
            _strip_stop_phrases(" ".join(w for p in item for w in p)) for item in left_points
        ]
        self._right_keys = [_strip_stop_phrases(" ".join(words)) for words in right_words]
        index: dict[str, list[int]] = {}
        for j, fs in enumerate(right_feats):
            for f in fs:
                index.setdefault(f, []).append(j)
        limit = max(50, int(len(right) * _PRUNE_SHARE))
        self._index = {f: js for f, js in index.items() if len(js) <= limit}

    def __len__(self) -> int:
        return len(self._left)

    def containment(self, i: int, j: int) -> float:
        """Share of left item ``i``'s weight present in right item ``j``."""
        right = self._right_sets[j]
        found = sum(v for f, v in self._left[i].items() if f in right)
        return found / self._totals[i]

    def carried(self, i: int, js: Sequence[int]) -> float:
        """Weighted share of left item ``i``'s points carried by the right items ``js`` together."""
        rows = self._points[i]
        if not rows or not js:
            return 0.0
        sets = [self._right_sets[j] for j in js]
        got = weight = 0.0
        for feats, total, point_weight in rows:
            best = max(sum(v for f, v in feats.items() if f in s) for s in sets) / total
            got += point_weight * min(1.0, best / SATURATION)
            weight += point_weight
        return got / weight

    def fuzzy(self, i: int, j: int) -> float:
        """rapidfuzz's token-set ratio of the two normalised texts, in [0, 1]."""
        a, b = self._left_keys[i], self._right_keys[j]
        if not a or not b:
            return 0.0
        return float(self._ratio(a, b)) / 100.0

    def score(self, i: int, j: int) -> Candidate:
        """The blended score of one pair."""
        cont = self.carried(i, [j])
        fuzzy = self.fuzzy(i, j)
        blended = CONTAINMENT_SHARE * cont + (1 - CONTAINMENT_SHARE) * fuzzy
        return Candidate(j, min(1.0, blended), cont, fuzzy)

    def top(self, i: int, k: int = 5, *, among: Sequence[int] | None = None) -> list[Candidate]:
        """The ``k`` best right items for left item ``i`` (optionally only ``among`` these)."""
        acc: dict[int, float] = {}
        allowed = None if among is None else set(among)
        for f, v in self._probes[i]:
            for j in self._index.get(f, ()):
                acc[j] = acc.get(j, 0.0) + v
        if allowed is not None:
            acc = {j: s for j, s in acc.items() if j in allowed}
        shortlist = sorted(acc, key=lambda j: (-acc[j], j))[: k + 4]
        scored = [self.score(i, j) for j in shortlist]
        scored.sort(key=lambda c: (-c.score, c.index))
        return scored[:k]
