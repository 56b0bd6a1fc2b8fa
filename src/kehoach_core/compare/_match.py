"""Scoring candidate matches between two lists of item texts.

Each text becomes weighted features (:mod:`._weights`). A superior item is
cut into its points (clauses between ``;``, ``.`` and ``:``), and the score of
a subordinate item is how much of the superior item's points it carries: for
each point, the share of its weight found in the subordinate item
(*containment*, which stays high when the subordinate merges several superior
items into one paragraph), counted in full from :data:`SATURATION` on; the
points are averaged, each weighing the square root of its own weight, so a
point of filler weighs less than a point with specific words. An inverted
index finds the candidates, so the cost follows the words two items share,
not the product of the list lengths; each text is normalised and cut into
features once.

>>> m = Matcher(["Quy chế bầu cử trong Đảng."],
...             ["Trách nhiệm của đại biểu; Quy chế bầu cử trong Đảng.", "Treo cờ Tổ quốc."])
>>> best = m.top(0)[0]
>>> best.index, round(best.containment, 2)
(0, 1.0)
"""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterable, Sequence
from operator import itemgetter

import attrs

from ._normalize import normalize_many
from ._weights import Weights, word_features

__all__ = ["SATURATION", "Candidate", "Matcher", "points"]

SATURATION = 0.45
"""A point whose weight is found at this share or more counts as fully carried."""

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

_PROBES = 48
_PROBE_FROM = 150
"""Past this many right-hand items, candidates are found through each left item's
:data:`_PROBES` most specific (heaviest) features only; below it, through all."""

_BREAK = "zzdiemzz"
"""A marker word that survives normalisation, put between an item's points."""

_SPARE = 4
"""Candidates rescored exactly beyond the ``k`` asked for."""


@attrs.frozen
class Candidate:
    """A right-hand item scored against a left-hand one.

    ``score`` is the share of the left item's points it carries (``containment``
    is the same figure, kept under its own name for reports).
    """

    index: int
    score: float
    containment: float


_Point = tuple[dict[str, float], float, float]
"""A point's weighted features, their total weight, and the point's weight in the item."""


def _merge(item: list[dict[str, float]]) -> dict[str, float]:
    """The features of a whole item from its points' (a feature keeps its highest factor)."""
    if len(item) == 1:
        return item[0]
    merged: dict[str, float] = {}
    for feats in item:
        merged.update(feats)
    for f in [f for f, k in merged.items() if k != 1.0]:
        merged[f] = max(feats.get(f, 0.0) for feats in item)
    return merged


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
        # One normalisation per distinct text, all in one pass; a left item's points
        # are joined by a marker word and cut again after.
        joined_left = [f" {_BREAK} ".join(points(text)) for text in left]
        distinct = list(dict.fromkeys([*joined_left, *right]))
        seen = {
            text: norm.split()
            for text, norm in zip(distinct, normalize_many(distinct, fold=fold), strict=True)
        }
        words_of = seen.__getitem__

        point_feats = []
        for joined in joined_left:
            words = words_of(joined)
            if _BREAK not in words:
                point_feats.append([word_features(words)])
                continue
            item, start = [], 0
            for n, word in enumerate([*words, _BREAK]):
                if word == _BREAK:
                    item.append(word_features(words[start:n]))
                    start = n + 1
            point_feats.append(item)
        left_feats = [_merge(item) for item in point_feats]
        feats_of: dict[str, dict[str, float]] = {}
        right_feats = []
        for text in right:
            feats = feats_of.get(text)
            if feats is None:
                feats = feats_of[text] = word_features(words_of(text))
            right_feats.append(feats)
        self.weights = weights or Weights.build([*left_feats, *right_feats])
        idf = self.weights.table(set().union(*left_feats))
        self._left = [{f: idf[f] * k for f, k in fs.items()} for fs in left_feats]
        self._right_sets = [fs.keys() for fs in right_feats]
        self._totals = [sum(v.values()) or 1.0 for v in self._left]
        self._points: list[list[_Point]] = []
        for whole, item in zip(self._left, point_feats, strict=True):
            rows: list[_Point] = []
            for feats in item:
                weighted = whole if len(item) == 1 else {f: idf[f] * k for f, k in feats.items()}
                total = sum(weighted.values())
                if total > 0:
                    rows.append((weighted, total, math.sqrt(total)))
            self._points.append(rows)
        index: dict[str, list[int]] = {}
        for j, fs in enumerate(right_feats):
            for f in fs:
                postings = index.get(f)
                if postings is None:
                    index[f] = [j]
                else:
                    postings.append(j)
        limit = max(50, int(len(right) * _PRUNE_SHARE))
        self._index = {f: js for f, js in index.items() if len(js) <= limit}
        many = len(right) > _PROBE_FROM
        self._probes = []
        for rows in self._points:
            # A feature's share of the item's points: summed over candidates, the
            # points score before saturation, which ranks candidates much like it.
            if len(rows) == 1:
                feats, total, _ = rows[0]
                share = {f: x / total for f, x in feats.items()}
            else:
                share = {}
                norm = sum(r[2] for r in rows)
                for feats, total, point_weight in rows:
                    scale = point_weight / total / norm
                    for f, x in feats.items():
                        share[f] = share.get(f, 0.0) + x * scale
            usable = [(f, x) for f, x in share.items() if f in self._index]
            if many and len(usable) > _PROBES:
                usable = heapq.nlargest(_PROBES, usable, key=itemgetter(1))
            self._probes.append(usable)

    def __len__(self) -> int:
        return len(self._left)

    def containment(self, i: int, j: int) -> float:
        """Share of left item ``i``'s weight present in right item ``j`` (points ignored)."""
        weights = self._left[i]
        return sum(map(weights.__getitem__, weights.keys() & self._right_sets[j])) / self._totals[i]

    def carried(self, i: int, js: Sequence[int]) -> float:
        """Weighted share of left item ``i``'s points carried by the right items ``js`` together."""
        rows = self._points[i]
        if not rows or not js:
            return 0.0
        sets = [self._right_sets[j] for j in js]
        got = weight = 0.0
        for feats, total, point_weight in rows:
            keys = feats.keys()
            best = max(sum(map(feats.__getitem__, keys & s)) for s in sets) / total
            got += point_weight * (1.0 if best >= SATURATION else best / SATURATION)
            weight += point_weight
        return got / weight

    def points_of(self, i: int) -> int:
        """How many points left item ``i`` has."""
        return len(self._points[i])

    def point_candidates(self, i: int, k: int = 2) -> list[int]:
        """The ``k`` right items that carry most of each point of left item ``i``, by point.

        A superior item that lists several topics may be answered by as many short
        subordinate items, none of which ranks high for the item as a whole.
        """
        found: list[int] = []
        index = self._index
        n = len(self._right_sets)
        for feats, _total, _weight in self._points[i]:
            acc = [0.0] * n
            for f, v in feats.items():
                for j in index.get(f, ()):
                    acc[j] += v
            for j in heapq.nlargest(k, range(n), key=acc.__getitem__):
                if acc[j] > 0.0 and j not in found:
                    found.append(j)
        return found

    def score(self, i: int, j: int) -> Candidate:
        """The score of one pair (:meth:`carried` for one right item, made fast)."""
        right = self._right_sets[j]
        got = weight = 0.0
        for feats, total, point_weight in self._points[i]:
            found = sum(map(feats.__getitem__, feats.keys() & right))
            got += point_weight * min(1.0, found / (SATURATION * total))
            weight += point_weight
        carried = got / weight if weight else 0.0
        return Candidate(j, carried, carried)

    def top(self, i: int, k: int = 5, *, among: Sequence[int] | None = None) -> list[Candidate]:
        """The ``k`` best right items for left item ``i`` (optionally only ``among`` these)."""
        # A list indexed by right item beats a dict here (no hashing, no .get).
        acc = [0.0] * len(self._right_sets)
        index = self._index
        for f, v in self._probes[i]:
            for j in index[f]:
                acc[j] += v
        pool: Iterable[int] = range(len(acc)) if among is None else sorted(set(among))
        shortlist = heapq.nlargest(k + _SPARE, pool, key=acc.__getitem__)
        scored = [self.score(i, j) for j in shortlist if acc[j] > 0.0]
        scored.sort(key=lambda c: (-c.score, c.index))
        return scored[:k]
