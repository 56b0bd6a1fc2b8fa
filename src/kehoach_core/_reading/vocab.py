"""Keyword matching that survives case, old/new tone placement and stray spacing.

Plans write *hoà* and *hòa*, *uỷ* and *ủy*, *Mục đích* and *MỤC ĐÍCH*. :func:`fold`
maps all of them to one lower-case form of the same length, so positions found
in the folded text are positions in the original.

>>> fold("Đảng uỷ HOÀ BÌNH") == fold("đảng ủy hòa bình")
True
>>> starts_with_any("Đề nghị các đơn vị ...", ("đề nghị", "trên đây"))
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from .._vietnamese import modern_tones

__all__ = ["contains_any", "first_match", "fold", "keyword_re", "starts_with_any"]


def fold(text: str) -> str:
    """Lower case with the new tone placement; same length as ``text`` for Vietnamese."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowered
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return modern_tones(lowered)


def keyword_re(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any of ``words`` (folded) as whole words, longest first."""
    return _compiled(tuple(words))


@functools.lru_cache(maxsize=128)
def _compiled(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted({fold(w) for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alternatives)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def contains_any(text: str, words: Iterable[str]) -> bool:
    """True when folded ``text`` holds any of ``words`` as whole words."""
    return keyword_re(words).search(fold(text)) is not None


def starts_with_any(text: str, words: Iterable[str]) -> bool:
    """True when folded ``text`` starts with any of ``words``."""
    folded = fold(text.lstrip())
    return any(folded.startswith(fold(w)) for w in words)


def first_match(text: str, pattern: re.Pattern[str]) -> int | None:
    """Offset of the first match of ``pattern`` in folded ``text``, or ``None``."""
    match = pattern.search(fold(text))
    return None if match is None else match.start()
