"""Machine-applicable fixes: a :class:`Fix` (safe or unsafe) of :class:`FixEdit` s.

A rule reports a :class:`~kehoach_core.validate._registry.Hit`; where the
correction is certain, :func:`fix_for` turns the hit into a :class:`Fix` whose
edits are in the *source file's* coordinates (1-based line and column,
``end_column`` one past the last character, as a finding's): the span of the
element's text is mapped through its source map. An edit is only made where
the characters it replaces come from one run of the source map (one line, no
character the reader dropped or joined in between), so the source holds
exactly the text the plan read there; anywhere else the finding has no fix.

As in ruff, a *safe* fix keeps the meaning (a space before a full stop, a
doubled *của*, the tone placement the plan mostly uses); an *unsafe* one may
not (a doubled content word may be two words of two compounds: *giao thông
thông minh*).

>>> from kehoach_core import ContentItem, LineStart, Location, Plan
>>> from kehoach_core.validate import validate
>>> loc = Location(3, 3, column=1, end_column=20, starts=[LineStart(0, 3, 1)])
>>> item = ContentItem(id="purposes/1", text="Báo cáo của của xã .", location=loc)
>>> report = validate(Plan(title="x", purposes=[item]), select=["KH402", "KH404"])
>>> [(f.code, f.fix.applicability, [(e.line, e.column, e.end_column, e.text)
...   for e in f.fix.edits]) for f in report]
[('KH402', 'safe', [(3, 12, 16, '')]), ('KH404', 'safe', [(3, 19, 20, '')])]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from .._elements import LineStart, Location
from .._vietnamese import modern_tones
from ._registry import Hit, Lang
from ._text import Context, Segment

__all__ = ["Applicability", "Fix", "FixEdit", "fix_for"]

Applicability = Literal["safe", "unsafe"]


@attrs.frozen
class FixEdit:
    """Replace the source text from (``line``, ``column``) to (``end_line``, ``end_column``).

    Positions are 1-based, ``end_column`` one past the last character replaced
    (``column == end_column``: an insertion). ``old`` is the text replaced, as the
    plan read it: a fixer checks the source still holds it before editing.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    old: str = ""

    @property
    def start(self) -> tuple[int, int]:
        """(line, column) of the first character replaced."""
        return self.line, self.column

    @property
    def end(self) -> tuple[int, int]:
        """(line, column) one past the last character replaced."""
        return self.end_line, self.end_column


def _edit_tuple(values: Iterable[FixEdit]) -> tuple[FixEdit, ...]:
    return tuple(values)


@attrs.frozen
class Fix:
    """How to correct a finding: ``applicability`` (``"safe"`` or ``"unsafe"``),
    a one-line ``message`` and the ``edits``, in document order, not overlapping."""

    applicability: Applicability
    message: str
    edits: tuple[FixEdit, ...] = attrs.field(converter=_edit_tuple)

    @property
    def safe(self) -> bool:
        """True when the fix keeps the meaning (``kehoach fix`` applies it by default)."""
        return self.applicability == "safe"


# -- element text to source coordinates -------------------------------------------------


def _runs(location: Location) -> tuple[LineStart, ...]:
    return location.starts


def source_edit(segment: Segment, start: int, end: int, text: str) -> FixEdit | None:
    """The edit replacing ``segment.text[start:end]`` by ``text``, in source coordinates.

    None when the span is not one run of the source map (see the module).
    """
    location = segment.location
    if location is None or not location.starts or not 0 <= start <= end <= len(segment.text):
        return None
    runs = _runs(location)
    offsets = [run.offset for run in runs]
    index = bisect.bisect_right(offsets, start) - 1
    if index < 0:
        return None
    run = runs[index]
    following = offsets[index + 1] if index + 1 < len(offsets) else len(segment.text)
    if end > following:
        return None  # the span crosses a place where the reader joined or dropped text
    if start == end == following and index + 1 < len(offsets):
        return None  # an insertion at a join: before or after the dropped text?
    joined = index + 1 < len(runs) and runs[index + 1].line != run.line
    if joined and end == following and segment.text[following - 1 : following].isspace():
        return None  # lines joined: the space between them is the reader's, not the file's
    column = run.column + start - run.offset
    return FixEdit(run.line, column, run.line, column + end - start, text, segment.text[start:end])


def _fix(applicability: Applicability, message: str, edits: list[FixEdit | None]) -> Fix | None:
    if not edits or any(e is None for e in edits):
        return None
    done = sorted((e for e in edits if e is not None), key=lambda e: (e.start, e.end))
    for a, b in itertools.pairwise(done):
        if b.start < a.end or a == b:
            return None
    return Fix(applicability, message, done)


def _say(lang: Lang, vi: str, en: str) -> str:
    return en if lang == "en" else vi


# -- the rules that fix -----------------------------------------------------------------

_SAFE_DOUBLED = frozenset(
    "của và các cho trong với những để được theo tại từ trên hoặc nhưng đã sẽ đang này "
    "nhằm cùng một".split()
)
"""Words whose doubling is a typo: no compound ends or starts with them across the
space the way *giao thông | thông minh* or *quà tặng | tặng* do."""


def _doubled_word(hit: Hit, lang: Lang, ctx: Context) -> Fix | None:
    segment = hit.segment
    assert segment is not None
    first, _, second = segment.text[hit.start : hit.end].partition(" ")
    if first != second:
        return None  # ``hội Hội`` (Đại hội Hội Nông dân) is two words
    safe: Applicability = "safe" if first.lower() in _SAFE_DOUBLED else "unsafe"
    message = _say(lang, f"Xóa từ “{first}” thứ hai", f"Delete the second “{first}”")
    middle = hit.start + len(first)
    edit = source_edit(segment, middle, hit.end, "")  # `` của`` after the first
    if edit is None:
        edit = source_edit(segment, hit.start, middle + 1, "")  # or ``của `` before the second
    if edit is None and segment.text[hit.end : hit.end + 1] == " ":
        edit = source_edit(segment, middle + 1, hit.end + 1, "")  # or ``của `` after the first
    return _fix(safe, message, [edit])


def _punctuation_spacing(hit: Hit, lang: Lang, ctx: Context) -> Fix | None:
    segment = hit.segment
    assert segment is not None
    found = segment.text[hit.start : hit.end]
    if found[:1].isspace():
        mark = found.strip()
        message = _say(lang, f"Xóa dấu cách trước “{mark}”", f"Delete the space before “{mark}”")
        at = hit.end - len(mark)
        edit = _spaces_before(segment, at) or source_edit(segment, hit.start, at, "")
        return _fix("safe", message, [edit])
    message = _say(lang, f"Thêm dấu cách sau “{found}”", f"Add a space after “{found}”")
    return _fix("safe", message, [source_edit(segment, hit.end, hit.end, " ")])


def _spaces_before(segment: Segment, at: int) -> FixEdit | None:
    """Deleting the spaces before ``segment.text[at]`` that the reader collapsed to one.

    The reader started a new run at ``at``: the spaces it dropped are between the
    space's column and ``at``'s on the same line (checked when the edit is made).
    """
    location = segment.location
    if location is None or not location.starts or at < 1:
        return None
    line, column = location.position(at - 1)
    after_line, after = location.position(at)
    if column is None or after is None or line != after_line or after <= column:
        return None
    return FixEdit(line, column, line, after, "", " " * (after - column))


_PUNCTUATION = frozenset(".,;:!?…")


def _doubled_punctuation(hit: Hit, lang: Lang, ctx: Context) -> Fix | None:
    segment = hit.segment
    assert segment is not None
    found = segment.text[hit.start : hit.end]
    before = segment.text[hit.start - 1 : hit.start] if hit.start else ""
    after = segment.text[hit.end : hit.end + 1]
    if after in _PUNCTUATION or before in _PUNCTUATION:
        return None  # ``,,.``: one mark less leaves ``,.``; which one was meant?
    if found in (",,", ";;"):
        applicability: Applicability = "safe"
    elif found == ".." and before.isalnum():
        applicability = "unsafe"  # a full stop typed twice, or an ellipsis short of a dot
    else:
        return None  # ``,.``, four dots: which mark was meant is not certain
    message = _say(lang, f"Xóa dấu “{found[0]}” thừa", f"Delete the extra “{found[0]}”")
    return _fix(applicability, message, [source_edit(segment, hit.start + 1, hit.end, "")])


def _broken_word(hit: Hit, lang: Lang, ctx: Context) -> Fix | None:
    segment = hit.segment
    assert segment is not None
    found = segment.text[hit.start : hit.end]
    # a capital (B, C, ...) may be a label: ``hạng B ưu tiên``
    applicability: Applicability = "safe" if found[0].islower() or found[0] == "Đ" else "unsafe"
    joined = found.replace(" ", "", 1)
    message = _say(lang, f"Viết liền “{joined}”", f"Join “{joined}”")
    return _fix(applicability, message, [source_edit(segment, hit.start + 1, hit.start + 2, "")])


def _cased_like(word: str, like: str) -> str:
    """``word`` (lower case) in the case of ``like``: all capitals, capitalised or lower."""
    if len(like) > 1 and like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_WORDS = re.compile(r"[^\W\d_]+")


def _misspelled_term(hit: Hit, lang: Lang, ctx: Context) -> Fix | None:
    """One edit per word the rule's right spelling spells otherwise, in the word's case.

    ``lần thư XXIV`` is matched with its ordinal: only the first words change.
    """
    segment = hit.segment
    assert segment is not None
    found, targets = str(hit.args["found"]).split(), str(hit.args["right"]).lower().split()
    words = list(_WORDS.finditer(segment.text, hit.start, hit.end))[: len(targets)]
    if [w[0] for w in words] != found or len(words) != len(targets):
        return None
    edits: list[FixEdit | None] = []
    spelled: list[str] = []
    for word, target in zip(words, targets, strict=True):
        spelled.append(_cased_like(target, word[0]))
        if spelled[-1] != word[0]:
            edits.append(source_edit(segment, word.start(), word.end(), spelled[-1]))
    right = " ".join(spelled)
    return _fix("safe", _say(lang, f"Sửa thành “{right}”", f"Change to “{right}”"), edits)


_TONE_PAIR = re.compile(r"([^\W\d_]+) ([Uu]ỷ|[Ủủ]y)")


def _merge_case(found: str, target: str) -> str:
    """``target``'s letters in ``found``'s case, letter by letter (same length)."""
    return "".join(
        t.upper() if f.isupper() else t.lower() for f, t in zip(found, target, strict=True)
    )


def _name_variants(hit: Hit, lang: Lang, ctx: Context) -> Fix | None:
    """Tone placement only (``Đảng uỷ`` / ``Đảng ủy``): every occurrence to the usual one."""
    found, other = str(hit.args["found"]), str(hit.args["other"])
    pair = _TONE_PAIR.fullmatch(found) is not None
    if len(found) != len(other):
        return None
    if pair:  # the rule counts ``X uỷ`` pairs in lower case
        if found.lower() == other or modern_tones(found.lower()) != modern_tones(other):
            return None
    elif found == other or modern_tones(found) != modern_tones(other):
        return None
    boundary = r"(?<![^\W\d_])"
    pattern = re.compile(boundary + re.escape(found) + r"(?![^\W\d_])", re.I if pair else 0)
    edits: list[FixEdit] = []
    for segment in ctx.segments:
        if found.lower() not in segment.text.lower():
            continue
        for m in pattern.finditer(segment.text):
            target = _merge_case(m[0], other) if pair else other
            for a, b in _differences(m[0], target):
                edit = source_edit(segment, m.start() + a, m.start() + b, target[a:b])
                if edit is not None:  # an occurrence the source map cannot place stays
                    edits.append(edit)
    if not edits:
        return None
    usual = _merge_case(found, other) if pair else other
    message = _say(
        lang,
        f"Viết “{usual}” như phần lớn văn bản (mọi chỗ viết “{found}”)",
        f"Write “{usual}” as most of the plan does (everywhere “{found}” is written)",
    )
    return _fix("safe", message, list(set(edits)))


def _differences(a: str, b: str) -> Iterator[tuple[int, int]]:
    """The runs of positions where ``a`` and ``b`` (same length) differ."""
    start = None
    for i, (x, y) in enumerate(zip(a, b, strict=True)):
        if x != y and start is None:
            start = i
        elif x == y and start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, len(a)


def _capitalisation(hit: Hit, lang: Lang, ctx: Context) -> Fix | None:
    segment = hit.segment
    if segment is None:
        return None  # a heading's mixed case: the hit has no exact span
    text = segment.text[hit.start : hit.end]
    if text.endswith("nhân dân"):
        at = hit.end - len("nhân dân")
    elif text.endswith("đảng"):
        at = hit.end - len("đảng")
    elif text.startswith("đảng "):
        at = hit.start
    else:
        return None
    letter = segment.text[at].upper()
    word = letter + segment.text[at + 1 : hit.end if at > hit.start else at + 4]
    message = _say(lang, f"Viết hoa “{word}”", f"Capitalise “{word}”")
    return _fix("safe", message, [source_edit(segment, at, at + 1, letter)])


def _glued_ordinal(hit: Hit, lang: Lang, ctx: Context) -> Fix | None:
    segment = hit.segment
    assert segment is not None
    text = segment.text[hit.start : hit.end]
    edits: list[FixEdit | None] = []
    for i in range(1, len(text)):
        a, b = text[i - 1], text[i]
        if (a in "IVXL" and b.islower()) or (a.islower() and b in "IVXL"):
            edits.append(source_edit(segment, hit.start + i, hit.start + i, " "))
    message = _say(lang, "Thêm dấu cách cạnh số La Mã", "Add a space beside the Roman ordinal")
    return _fix("safe", message, edits)


_FIXERS = {
    "KH402": _doubled_word,
    "KH403": _glued_ordinal,
    "KH404": _punctuation_spacing,
    "KH405": _doubled_punctuation,
    "KH406": _broken_word,
    "KH407": _misspelled_term,
    "KH408": _name_variants,
    "KH409": _capitalisation,
}
"""The rules that fix, by code (the others report only)."""

FIXABLE = frozenset(_FIXERS)


def fix_for(code: str, hit: Hit, ctx: Context, lang: Lang = "vi") -> Fix | None:
    """The fix of rule ``code``'s ``hit``, or None when the correction is not certain."""
    fixer = _FIXERS.get(code)
    if fixer is None or hit.segment is None:
        return None
    return fixer(hit, lang, ctx)
