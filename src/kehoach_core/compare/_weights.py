"""Weights of words and word pairs: what every plan says counts for little.

Every plan of the congress season names the same congresses and the same
audience (*Đại hội XIV của Đảng*, *cán bộ, đảng viên và Nhân dân*), so a
shared *Đại hội XIV* says nothing about whether two items mean the same.
Two things lower such words: a shipped list of stop phrases, and an
IDF-like weight computed over the items of the two plans being compared
(a word found in most items weighs little).

Features are the normalised words and the pairs of neighbouring words (a
Vietnamese word is often two syllables: *bầu cử*, *văn kiện*).

>>> feats = features("Quy chế bầu cử trong Đảng")
>>> "bầu cử" in feats and "bầu" in feats
True
>>> table = Weights.build([features("a b c"), features("a d e"), features("a f g")])
>>> table.weight("a") < table.weight("b")
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

from ._normalize import normalize

__all__ = ["STOP_PHRASES", "STOP_WEIGHT", "Weights", "features"]

STOP_PHRASES: tuple[str, ...] = (
    "đại hội đại biểu toàn quốc lần thứ xiv của đảng",
    "đại hội lần thứ xiv của đảng",
    "đại hội xiv của đảng",
    "đại hội xiv",
    "đại hội đại biểu đảng bộ các cấp",
    "đại hội đảng bộ các cấp",
    "đại hội đảng các cấp",
    "đại hội đại biểu đảng bộ địa_phương lần thứ",
    "đại hội đảng bộ địa_phương lần thứ",
    "đại hội đại biểu đảng bộ",
    "tiến tới",
    "nhiệm kỳ 2025 2030",
    "nhiệm kỳ 2020 2025",
    "cán bộ đảng viên và nhân dân",
    "cán bộ đảng viên và các tầng lớp nhân dân",
    "các tầng lớp nhân dân",
    "cán bộ đảng viên",
    "tuyên truyền",
    "tập trung",
    "đẩy mạnh",
    "của đảng",
    "của đại hội",
    "đối với",
    "các nội dung",
    "những nội dung",
)
"""Phrases common to all plans of the season, in normalised form."""

STOP_WEIGHT = 0.2
"""Factor applied to the weight of a word or pair inside a stop phrase."""

_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(STOP_PHRASES, key=len, reverse=True):
    _BY_FIRST.setdefault(_phrase.split()[0], []).append(tuple(_phrase.split()))


def _stopped(words: Sequence[str]) -> list[bool] | None:
    """Which positions of ``words`` lie inside a stop phrase (``None``: none does)."""
    by_first = _BY_FIRST
    starts = [i for i, word in enumerate(words) if word in by_first]
    if not starts:
        return None
    mask: list[bool] | None = None
    for i in starts:
        for phrase in by_first[words[i]]:
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase:
                if mask is None:
                    mask = [False] * len(words)
                mask[i : i + n] = [True] * n
                break
    return mask


def features(text: str, *, fold: bool = False) -> dict[str, float]:
    """Words and neighbouring pairs of ``text``, each with its stop factor (1 or STOP_WEIGHT)."""
    return word_features(normalize(text, fold=fold).split())


def word_features(words: Sequence[str]) -> dict[str, float]:
    """:func:`features` of words already normalised."""
    pairs = list(map(" ".join, pairwise(words)))
    mask = _stopped(words)
    if mask is None:
        out = dict.fromkeys(words, 1.0)
        out.update(dict.fromkeys(pairs, 1.0))
        return out
    # A feature found both inside and outside a stop phrase keeps the full weight.
    out = dict.fromkeys((w for w, m in zip(words, mask, strict=True) if m), STOP_WEIGHT)
    out.update(dict.fromkeys((w for w, m in zip(words, mask, strict=True) if not m), 1.0))
    both = [a and b for a, b in pairwise(mask)]
    out.update(dict.fromkeys((p for p, m in zip(pairs, both, strict=True) if m), STOP_WEIGHT))
    out.update(dict.fromkeys((p for p, m in zip(pairs, both, strict=True) if not m), 1.0))
    return out


class _Table(dict[str, float]):
    """Weights by feature; a feature not counted is weighed (and kept) on first use."""

    def __init__(self, weigh: Callable[[str], float]) -> None:
        super().__init__()
        self._weigh = weigh

    def __missing__(self, feature: str) -> float:
        value = self[feature] = self._weigh(feature)
        return value


class Weights:
    """IDF-like weights over a set of documents (the items of the plans compared)."""

    def __init__(self, df: Counter[str], n: int) -> None:
        self._df = df
        self._n = max(n, 1)

    @classmethod
    def build(cls, documents: Iterable[dict[str, float]]) -> Weights:
        """Count in how many documents each feature occurs."""
        df: Counter[str] = Counter()
        n = 0
        for doc in documents:
            df.update(doc.keys())
            n += 1
        return cls(df, n)

    def df(self, feature: str) -> int:
        """In how many documents ``feature`` occurs."""
        return self._df.get(feature, 0)

    def cached(self) -> Callable[[str, float], float]:
        """:meth:`weight` as a function that computes each feature's IDF once."""
        memo: dict[str, float] = {}
        weight = self.weight

        def cached_weight(feature: str, factor: float = 1.0) -> float:
            base = memo.get(feature)
            if base is None:
                base = memo[feature] = weight(feature)
            return factor * base

        return cached_weight

    def table(self, features: Iterable[str] | None = None) -> dict[str, float]:
        """:meth:`weight` (factor 1) of ``features`` (default: all counted), computed at once.

        A feature not in the table is weighed, and kept, on first lookup.
        """
        n = self._n
        log = math.log
        df = self._df
        keys = df.keys() if features is None else features
        table = _Table(self.weight)
        table.update(
            {f: log(1.0 + n / (1.0 + df.get(f, 0))) * (1.5 if " " in f else 1.0) for f in keys}
        )
        return table

    def weight(self, feature: str, factor: float = 1.0) -> float:
        """``factor`` times a smoothed IDF; pairs weigh a little more than single words."""
        idf = math.log(1.0 + self._n / (1.0 + self._df.get(feature, 0)))
        return factor * idf * (1.5 if " " in feature else 1.0)
