"""Fast scanning helpers: a one-byte-per-character image of the plan's text.

Python's ``re`` walks a pattern over every character, which is slow when forty
patterns each walk a whole plan. Most matches start at a literal, so the rules
find candidate positions with C-level ``find`` calls and run the pattern only
there (``Context.matches_at``). For patterns that ignore case and diacritics,
:func:`encode` gives the text as bytes, one byte per character, over the
characters Vietnamese plans use; :data:`FOLD` and :data:`LOWER` are
``bytes.translate`` tables that fold those bytes.

>>> data = encode("Đại hội, Đảng")
>>> data is not None and data.translate(FOLD)
b'dai hoi, dang'
>>> data is not None and data.translate(LOWER) == encode("đại hội, đảng")
True
>>> encode("façade") is None
True
"""

from __future__ import annotations

import codecs
import re

from .._vietnamese import remove_marks

__all__ = ["FOLD", "LOWER", "SEARCH", "WORDS", "byte_class", "classes", "encode"]

_VIET = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵđ"
_EXTRA = sorted({*_VIET, *_VIET.upper()} - {chr(n) for n in range(128)}) + list(
    "…–—“”‘’•\xa0°«»·−●►"
)
# ASCII keeps its codes; the other characters take the control codes that are not
# white space for ``bytes.split`` (1-8, 14-27) and 128-255. Code 0 stays NUL, or
# ``charmap_build`` returns a slow dict instead of a fast encoding map.
_FREE = [*range(1, 9), *range(14, 28), *range(128, 256)]
assert len(_EXTRA) <= len(_FREE)
_CHARS = [chr(n) for n in range(256)]
for _code, _char in zip(_FREE, _EXTRA, strict=False):
    _CHARS[_code] = _char
_QUERY = _CHARS.index("?")
_MAP = codecs.charmap_build("".join(_CHARS))
_KNOWN = frozenset(_CHARS) - {"\ufffe"}


def _base(ch: str) -> str:
    return remove_marks(ch)


FOLD = bytes(
    ord(_base(c).lower()) if len(_base(c).lower()) == 1 and _base(c).isascii() else n
    for n, c in enumerate(_CHARS)
)
"""Byte table: every letter to its lower-case base letter (``Đ``, ``ậ`` to ``d``, ``a``)."""

SEARCH = bytes(ord(",") if chr(n) in ",;.:" else code for n, code in enumerate(FOLD))
"""Byte table: :data:`FOLD`, and ``,;.:`` all to ``,``: needles that differ only there
(or by case and diacritics) are searched once, in text translated by this table."""

LOWER = bytes(_CHARS.index(c.lower()) if c.lower() in _KNOWN else n for n, c in enumerate(_CHARS))
"""Byte table: every letter to its lower-case form (same byte code as the text's)."""

WORDS = bytes(n if (c.isalnum() or c == "_") else ord(" ") for n, c in enumerate(_CHARS))
"""Byte table: every character that is not ``\\w`` (``re``'s word class) to a space."""


def encode(text: str) -> bytes | None:
    """``text`` as one byte per character, or None if it has a character outside the set."""
    data: bytes = codecs.charmap_encode(text, "replace", _MAP)[0]
    if data.count(_QUERY) != text.count("?"):
        return None
    return data


def byte_class(chars: str | None = None, *, pattern: str | None = None) -> bytes:
    """A bytes-regex class ``[...]`` of the codes of ``chars`` or of the characters
    (of the set :func:`encode` knows) that match the str ``pattern``.

    >>> import re
    >>> data = encode("Đảng ủy")
    >>> bool(data and re.search(b"^" + byte_class("ĐD") + byte_class(pattern=r"[^\\W\\d_]"), data))
    True
    """
    if pattern is not None:
        probe = re.compile(pattern)
        codes = [n for n, c in enumerate(_CHARS) if c in _KNOWN and probe.fullmatch(c)]
    else:
        codes = [_CHARS.index(c) for c in dict.fromkeys(chars or "") if c in _KNOWN]
    return b"[" + b"".join(re.escape(bytes([n])) for n in codes) + b"]"


def classes(*pairs: tuple[str, bytes], default: bytes = b"#") -> bytes:
    """A ``bytes.translate`` table putting each character of :func:`encode`'s set in a
    class: the byte of the first pair whose str regex ``pattern`` matches it, else
    ``default``. A literal search in the translated text then finds where a pattern
    of classes can match, far faster than ``re`` scanning a class at every byte.

    >>> table = classes(("[IVXL]", b"I"), ("[a-zđà-ỹ]", b"a"))
    >>> (encode("Đại hội XIVđảng") or b"").translate(table)
    b'aaa#aaa#IIIaaaa'
    """
    probes = [(re.compile(pattern), code) for pattern, code in pairs]
    out = bytearray(default * 256)
    for n, c in enumerate(_CHARS):
        if c not in _KNOWN:
            continue
        for probe, code in probes:
            if probe.fullmatch(c):
                out[n] = code[0]
                break
    return bytes(out)


def to_bytes(pattern: str) -> bytes:
    """A str regex for use on :func:`encode`'s bytes: each character becomes its
    code, and ``\\s`` the codes of the white space characters.

    Only for patterns of literals, ``[...]`` classes of listed characters and
    ``\\s``: ``\\w``, ``\\d`` and ``\\b`` mean ASCII on bytes.

    >>> data = encode("Đại  hội")
    >>> bool(data and re.match(to_bytes(r"[Đđ]ại\\s+hội"), data))
    True
    """
    out: list[bytes] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith(r"\s", i):
            out.append(_SPACE)
            i += 2
            continue
        if ch == "\\":
            out.append(pattern[i : i + 2].encode("ascii"))
            i += 2
            continue
        out.append(re.escape(bytes([_CHARS.index(ch)])) if ord(ch) >= 128 else ch.encode())
        i += 1
    return b"".join(out)


_SPACE = byte_class(pattern=r"\s")
