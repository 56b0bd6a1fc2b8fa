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


def _stopped(words: Sequence[str]) -> list[bool]:
    """Which positions of ``words`` lie inside a stop phrase."""
    mask = [False] * len(words)
    for i, word in enumerate(words):
        for phrase in _BY_FIRST.get(word, ()):
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase:
                mask[i : i + n] = [True] * n
                break
    return mask


def features(text: str, *, fold: bool = False) -> dict[str, float]:
    """Words and neighbouring pairs of ``text``, each with its stop factor (1 or STOP_WEIGHT)."""
    return word_features(normalize(text, fold=fold).split())


def word_features(words: Sequence[str]) -> dict[str, float]:
    """:func:`features` of words already normalised."""
    mask = _stopped(words)
    out: dict[str, float] = {}
    for i, word in enumerate(words):
        factor = STOP_WEIGHT if mask[i] else 1.0
        out[word] = max(out.get(word, 0.0), factor)
        if i + 1 < len(words):
            pair = f"{word} {words[i + 1]}"
            pair_factor = STOP_WEIGHT if mask[i] and mask[i + 1] else 1.0
            out[pair] = max(out.get(pair, 0.0), pair_factor)
    return out


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

    def weight(self, feature: str, factor: float = 1.0) -> float:
        """``factor`` times a smoothed IDF; pairs weigh a little more than single words."""
        idf = math.log(1.0 + self._n / (1.0 + self._df.get(feature, 0)))
        return factor * idf * (1.5 if " " in feature else 1.0)
