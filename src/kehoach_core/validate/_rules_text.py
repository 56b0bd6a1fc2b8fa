"""Text rules (KH401-KH406, KH411): blanks, doubled words, glued ordinals, punctuation.

Each rule tries its patterns only where a match can start (see ``_scan``): the
findings are those of ``pattern.finditer`` over every segment, found faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice

from .._elements import ContentItem
from .._vietnamese import modern_tones
from ._registry import Hit, Severity, rule
from ._scan import LOWER, WORDS, byte_class, classes, to_bytes
from ._text import Context, Segment, excerpt, roman_to_int

_BLANK = re.compile(
    r"(?:…|\.\.\.){2,}|\.{5,}|_{3,}"
    r"|(?<=[\s/-])…(?=[\s/.,;:-]|$)|…(?=[-/])|(?<=[/\d])…"
    # a cited number or date with the number or day simply left out (no dots):
    # "Chỉ thị số - CT/ĐU", "ngày /12/2025", "ngày tháng 10 năm 2025"
    r"|(?<=\bsố )(?:[-–] ?[A-ZĐ][A-Za-zĐđ]{0,4}/[A-ZĐ]|/[A-ZĐ][A-Za-zĐđ]{0,4}-[A-ZĐ])[A-ZĐ0-9-]*"
    r"|(?<=\bngày )(?:/\d{1,2}/\d{4}|tháng \d{1,2} năm \d{4})"
)
_BLANK_NEEDLES = ("…", "..", "__", "số -", "số –", "số /", "ngày /", "ngày tháng")


@rule(
    "KH401",
    "template-blank",
    Severity.ERROR,
    vi="Còn chỗ trống của mẫu chưa điền ({count} chỗ)",
    en="Template blanks left unfilled ({count})",
    hint_vi="Điền số, ngày, tên cơ quan... vào các chỗ “…” của mẫu.",
    hint_en="Fill in the numbers, dates and names the template left as “…”.",
    doc="Runs of `…` or dots, or an ellipsis standing for a number, date or name "
    "(`số …-KH/ĐU`, `ngày …/…/202…`, `xã ………`). An ellipsis ending a list "
    "(`Facebook, Zalo…`) is not a blank. A cited number or date whose number or day "
    "was simply left out, with no dots (`Chỉ thị số - CT/ĐU ngày /12/2025`, "
    "`ngày tháng 10 năm 2025`), is a blank too.",
)
def template_blank(ctx: Context) -> Iterator[Hit]:
    for segment in ctx.segments_with(*_BLANK_NEEDLES):
        matches = list(_BLANK.finditer(segment.text))
        if matches:
            first = matches[0]
            yield Hit(
                segment=segment,
                start=first.start(),
                end=first.end(),
                args={"count": len(matches)},
            )


_DOUBLED = re.compile(r"\b([^\W\d_]+) (\1)\b", re.I)
_REDUPLICATIVES = set(
    "ngày người nhà đâu mãi dần thường lâu xa đời đêm tháng năm lớp nơi từng hàng "
    "rất vui cao mỗi chiều sáng trưa tối xanh đỏ ai gì ngành cấp".split()
)
# two-syllable words of the common vocabulary: "X Y Y Z" where "X Y" and "Y Z" are both
# words is two words meeting (giao thông | thông minh, hành vi | vi phạm), not a doubling
_COMPOUNDS = frozenset(
    "giao thông|truyền thông|lưu thông|phổ thông|thông minh|thông tin|thông tư|thông báo"
    "|thông qua|thông suốt|hành vi|vi phạm|phạm vi|trực tiếp|gián tiếp|kế tiếp|tiếp nhận"
    "|tiếp tục|tiếp cận|tiếp xúc|tiếp thu|đảng ủy|ủy ban|ủy viên|cấp ủy|thường trực|trực ban"
    "|quản lý|lý luận|lý do|nhân dân|dân cư|dân chủ|chủ động|động viên|viên chức|tổ chức"
    "|chức năng|năng lực|công tác|tác động|sản xuất|xuất khẩu|kinh tế|tế bào|chính trị"
    "|trị an|an ninh|ninh bình|văn hóa|hóa học|học sinh|sinh viên|sinh hoạt|hoạt động"
    "|vận động|động lực|lực lượng|lượng hóa|thực hiện|hiện đại|đại hội|hội nghị|nghị quyết"
    "|quyết định|định hướng|hướng dẫn|dẫn đầu|bầu cử|cử tri|tri thức|thức ăn|y tế".split("|")
)


@rule(
    "KH402",
    "doubled-word",
    Severity.ERROR,
    vi="Từ “{word}” bị lặp",
    en="The word “{word}” is doubled",
    hint_vi="Xóa một từ bị lặp.",
    hint_en="Delete one of the two words.",
    doc="The same word twice in a row (`của của`, `với với`). Reduplicatives that "
    "Vietnamese uses on purpose (`ngày ngày`, `dần dần`, `người người`) are not reported, "
    "nor two common words meeting, the first ending and the second starting with the "
    "same syllable (`giao thông | thông minh`, `hành vi | vi phạm`, `trực tiếp | tiếp "
    "nhận`, `Đảng ủy | Ủy ban nhân dân`).",
)
def doubled_word(ctx: Context) -> Iterator[Hit]:
    starts = _doubled_starts(ctx)
    found = ctx.finditer(_DOUBLED) if starts is None else ctx.matches_at(_DOUBLED, starts)
    for segment, m in found:
        word = m[1]
        if word.lower() in _REDUPLICATIVES or (m[1] != m[2] and m[1].lower() != m[2].lower()):
            continue
        if len(word) == 1 and word.isupper():
            continue
        if word == "Đảng" and _PARTY_BODY_AFTER.match(segment.text, m.end()):
            continue  # Ban Xây dựng Đảng Đảng ủy xã: the board, then the committee
        if _two_words_meet(segment.text, m):
            continue
        yield Hit(
            segment=segment,
            start=m.start(),
            end=m.end(),
            args={"word": f"{m[1]} {m[2]}"},
        )


_PARTY_BODY_AFTER = re.compile(r"\s+(?:ủy|uỷ|bộ)\b")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def _two_words_meet(text: str, m: re.Match[str]) -> bool:
    """True when the doubled syllable ends one common word and starts the next.

    >>> _two_words_meet("giao thông thông minh", _DOUBLED.search("giao thông thông minh"))
    True
    >>> _two_words_meet("quy định của của Đảng", _DOUBLED.search("quy định của của Đảng"))
    False
    """
    before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
    after = _WORD_AFTER.match(text, m.end())
    if before is None or after is None:
        return False
    word = modern_tones(m[1]).lower()
    first = f"{modern_tones(before[1]).lower()} {word}"
    second = f"{word} {modern_tones(after[1]).lower()}"
    return first in _COMPOUNDS and second in _COMPOUNDS


_WORD_LOWER = bytes(32 if WORDS[n] == 32 else LOWER[n] for n in range(256))


def _doubled_starts(ctx: Context) -> list[int] | None:
    """Where ``_DOUBLED`` can match: a word, a space, the same word (any case)."""
    lower = ctx.lower
    if lower is None:
        return None
    words = lower.translate(_WORD_LOWER).split()
    same = {a for a, b in zip(words, islice(words, 1, None), strict=False) if a == b}
    found: set[int] = set()
    for word in same:
        pair = word + b" " + word
        i = lower.find(pair)
        while i != -1:
            found.add(i)
            i = lower.find(pair, i + 1)
    return sorted(found)


_GLUED_AFTER = re.compile(r"\b([IVXL]{2,7})([a-zđà-ỹ]\w*)")
_GLUED_CONTEXT = re.compile(
    r"\b(?:thứ|[Đđ]ại hội|khóa|khoá)\s+([IVXL]+)([a-zđà-ỹ][^\W\d_]*)|\b(?:thứ|hội|khóa)([IVXL]+)\b"
)


# ``[IVXL][IVXL](?=[a-zđà-ỹ])`` as a literal search in the text put in classes
_ROMAN_CLASSES = classes(("[IVXL]", b"I"), ("[a-zđà-ỹ]", b"a"))
_ROMAN_LOWER = re.compile(b"IIa")


def _glued_after_starts(ctx: Context) -> list[int] | None:
    """Where ``_GLUED_AFTER`` can match: 2 to 7 Roman letters before a small letter."""
    data = ctx.encoded
    if data is None:
        return None
    return sorted(
        {
            s
            for m in _ROMAN_LOWER.finditer(data.translate(_ROMAN_CLASSES))
            for s in range(m.start() - 5, m.start() + 1)
        }
    )


_LOWER_CLASS = byte_class(pattern="[a-zđà-ỹ]")
_ORDINAL_NEXT = to_bytes(r"\s+[IVXL]+") + _LOWER_CLASS
# one pattern per leading word, so that ``re`` searches for the word's bytes
_CONTEXT_BYTES = [
    re.compile(to_bytes(word) + b"(?=" + _ORDINAL_NEXT + b"|[IVXL])") for word in ("thứ", "khóa")
]
_CONTEXT_BYTES += [
    re.compile(to_bytes(word) + b"(?=" + _ORDINAL_NEXT + b")")
    for word in ("Đại hội", "đại hội", "khoá")
]
_CONTEXT_BYTES.append(re.compile(to_bytes("hội(?=[IVXL])")))


def _glued_context_starts(ctx: Context) -> list[int] | None:
    """Where ``_GLUED_CONTEXT`` can match: its words before a Roman ordinal."""
    data = ctx.encoded
    if data is None:
        return None
    return sorted({m.start() for p in _CONTEXT_BYTES for m in p.finditer(data)})


def _glued(
    ctx: Context, pattern: re.Pattern[str], starts: list[int] | None
) -> Iterator[tuple[Segment, re.Match[str]]]:
    return ctx.finditer(pattern) if starts is None else ctx.matches_at(pattern, starts)


def _roman(text: str) -> bool:
    try:
        roman_to_int(text)
    except ValueError:
        return False
    return True


@rule(
    "KH403",
    "glued-ordinal",
    Severity.ERROR,
    vi="Số thứ tự La Mã dính liền với từ bên cạnh: “{found}”",
    en="A Roman ordinal is glued to the next word: “{found}”",
    hint_vi="Thêm dấu cách giữa số La Mã và từ bên cạnh (Đại hội XIV của Đảng).",
    hint_en="Put a space between the ordinal and the word.",
    doc="A Roman ordinal written without a space against a word: `Đại hội XIVcủa Đảng`, "
    "`lần thứXIV`.",
)
def glued_ordinal(ctx: Context) -> Iterator[Hit]:
    by_segment: dict[int, set[tuple[int, int]]] = {}
    # ``à-ỹ`` also spans capitals (Ệ, Ữ): a capital after the letters is an upper-case
    # word (VIỆT, LIỆU), not an ordinal glued to a word
    for segment, m in _glued(ctx, _GLUED_AFTER, _glued_after_starts(ctx)):
        if _roman(m[1]) and m[2][:1].islower():
            by_segment.setdefault(id(segment), set()).add((m.start(), m.end()))
    for segment, m in _glued(ctx, _GLUED_CONTEXT, _glued_context_starts(ctx)):
        if _roman(m[1] or m[3]) and (m[2] is None or m[2][:1].islower()):
            by_segment.setdefault(id(segment), set()).add((m.start(), m.end()))
    for segment in ctx.segments:
        spans = by_segment.get(id(segment))
        if not spans:
            continue
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        for start, end in merged:
            yield Hit(
                segment=segment,
                start=start,
                end=end,
                args={"found": segment.text[start:end]},
            )


_SPACE_BEFORE = re.compile(r"(?<=[^\W_])\s+([,;:]|\.(?!\.))(?=\s|$)")
_NO_SPACE_AFTER = re.compile(
    # (not between capitals: "VH,TT&DL" is one abbreviation, Văn hóa, Thể thao và Du lịch)
    r"[,;](?=[^\W\d_])(?<=[^\W\d_][,;])(?<![A-ZĐ][,;](?=[A-ZĐ]))|\.(?=[^\W\d_])(?<=\d\.)(?<=\d\.\d\.)|^-(?=[^\W\d_])"
)


# ``[,;.](?=[^\W\d_])`` as a literal search in the text put in classes
_PUNCT_CLASSES = classes(("[,;.]", b","), (r"[^\W\d_]", b"a"))
_PUNCT_LETTER = re.compile(b",a")


def _no_space_starts(ctx: Context) -> list[int] | None:
    """Where ``_NO_SPACE_AFTER`` can match: ``,;.`` before a letter, ``-`` opening a text."""
    data = ctx.encoded
    if data is None:
        return None
    found = {m.start() for m in _PUNCT_LETTER.finditer(data.translate(_PUNCT_CLASSES))}
    starts = zip(ctx.starts, ctx.segments, strict=True)
    found.update(start for start, s in starts if s.text.startswith("-"))
    return sorted(found)


@rule(
    "KH404",
    "punctuation-spacing",
    Severity.WARNING,
    vi="Dấu câu đặt sai khoảng cách: “{found}”",
    en="Wrong spacing around punctuation: “{found}”",
    hint_vi="Dấu câu viết liền với từ trước và cách từ sau một dấu cách.",
    hint_en="Punctuation sticks to the word before it and is followed by a space.",
    doc="A space before `,` `;` `:` `.` (`3 . Thời gian`), or no space after `,` `;`, "
    "after a numbering label (`2.4.Phát động`) or after a bullet (`-Trong`).",
)
def punctuation_spacing(ctx: Context) -> Iterator[Hit]:
    starts = _no_space_starts(ctx)
    after = _glued(ctx, _NO_SPACE_AFTER, starts)
    hits = [*ctx.finditer(_SPACE_BEFORE, " ,", " ;", " :", " ."), *after]
    if hits:
        for segment, m in hits:
            found = segment.text[max(0, m.start() - 8) : m.end() + 8].strip()
            yield Hit(
                segment=segment,
                start=m.start(),
                end=m.end(),
                args={"found": found},
            )


_DOUBLED_PUNCT = re.compile(r"(?<!\.)\.\.(?!\.)|(?<!\.)\.{4}(?!\.)|,,|;;|,\.(?!\.)|;\.|\.,")


@rule(
    "KH405",
    "doubled-punctuation",
    Severity.WARNING,
    vi="Dấu câu bị lặp hoặc thừa: “{found}”",
    en="Doubled or stray punctuation: “{found}”",
    hint_vi="Chỉ giữ một dấu câu (dấu chấm lửng viết “...” hoặc “…”).",
    hint_en="Keep one punctuation mark (an ellipsis is “...” or “…”).",
    doc="Two full stops (`đại hội..`), four dots, `,,`, `;;`, `,.`: punctuation typed twice.",
)
def doubled_punctuation(ctx: Context) -> Iterator[Hit]:
    starts = ctx.positions("..", ",,", ";;", ",.", ";.", ".,")
    for segment, m in ctx.matches_at(_DOUBLED_PUNCT, starts):
        yield Hit(
            segment=segment,
            start=m.start(),
            end=m.end(),
            args={"found": segment.text[max(0, m.start() - 10) : m.end()].strip()},
        )


_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_BROKEN = re.compile(rf"(?<![^\W\d_/.])([BCDĐGHKLMNPQRSTVXđ]) ([{_VOWELS}][^\W\d_]*)")
# ``_BROKEN``'s start as a literal search in the text put in classes: a listed
# consonant (C) and a space before a vowel (V), no letter (a) before it
_BROKEN_CLASSES = classes(
    ("[BCDĐGHKLMNPQRSTVXđ]", b"C"),
    (f"[{_VOWELS}]", b"V"),
    (r"[^\W\d_]", b"a"),
    (" ", b" "),
)
_BROKEN_BYTES = re.compile(b"C V(?<![aCV]C V)")


@rule(
    "KH406",
    "broken-word",
    Severity.ERROR,
    vi="Một từ bị tách bởi dấu cách: “{found}”",
    en="A word is split by a stray space: “{found}”",
    hint_vi="Xóa dấu cách thừa trong từ (Đ ảng → Đảng).",
    hint_en="Delete the stray space inside the word.",
    doc="A lone consonant followed by a space and the rest of a syllable (`Đại hội Đ ảng`): "
    "Vietnamese has no one-consonant words.",
)
def broken_word(ctx: Context) -> Iterator[Hit]:
    data = ctx.encoded
    if data is None:
        found = ctx.finditer(_BROKEN)
    else:
        starts = [m.start() for m in _BROKEN_BYTES.finditer(data.translate(_BROKEN_CLASSES))]
        found = ctx.matches_at(_BROKEN, starts)
    for segment, m in found:
        yield Hit(
            segment=segment,
            start=m.start(),
            end=m.end(),
            args={"found": m[0]},
        )


_BULLETS = frozenset({"-", "+", "–", "•"})
_LAST_WORD = re.compile(r"\S+\s*$")


def _ending(text: str) -> str:
    """How an item ends: ``.``, ``;``, ``,``, ``:``, ``…`` or ``""`` (no punctuation)."""
    text = text.rstrip()
    if text.endswith(("…", "...")):
        return "…"
    last = text[-1:]
    return last if last in (".", ";", ",", ":") else ""


def _sibling_lists(ctx: Context) -> Iterator[tuple[ContentItem, ...]]:
    """Every list of items the plan holds, nested lists too."""
    plan = ctx.plan
    tops: list[tuple[ContentItem, ...]] = [
        plan.purposes,
        plan.requirements,
        plan.standing_content,
        *(phase.content for phase in plan.all_phases()),
        *(form.content for form in plan.forms),
        *(assignment.tasks for assignment in plan.all_assignments()),
    ]
    todo: list[Iterable[ContentItem]] = list(tops)
    while todo:
        items = tuple(todo.pop(0))
        yield items
        todo.extend(item.children for item in items if item.children)


def _odd_ending(endings: list[str], k: int) -> str | None:
    """The ending item ``k`` should have when its list ends the others one way: ``.``
    when every other item ends with a full stop, ``;`` (``.`` for the last) when every
    other item but the last ends with ``;`` and the last with ``.``; else None."""
    others = [e for j, e in enumerate(endings) if j != k and e not in (":", "…")]
    if len(others) < 2:
        return None
    if all(e == "." for e in others):
        return "."
    last = len(endings) - 1
    if endings[last] == "." and k != last:
        rest = [e for j, e in enumerate(endings[:last]) if j != k and e not in (":", "…")]
        if rest and all(e == ";" for e in rest):
            return ";"
    if k == last and all(e == ";" for e in others):
        return "."
    return None


_FIELD = re.compile(r"^(?:\S+ ){0,4}\S+:\s")


def _unended(text: str) -> bool:
    """Whether an item need not end like a sentence, or its text was cut: a field and its
    value (``Đơn vị chủ trì: Phó Chủ tịch``), or a bracket left open (a note in brackets
    the reader could not keep)."""
    return _FIELD.match(text) is not None or text.count("(") > text.count(")")


@rule(
    "KH411",
    "list-ending-inconsistent",
    Severity.INFO,
    vi="Mục “{found}” kết thúc {how}, khác các mục cùng danh sách (cần “{right}”)",
    en="The item “{found}” ends {how_en}, unlike the other items of its list (should be “{right}”)",
    hint_vi="Kết thúc các mục của một danh sách theo cùng một cách: mỗi mục bằng dấu chấm, "
    "hoặc bằng dấu chấm phẩy và mục cuối bằng dấu chấm.",
    hint_en="End the items of one list the same way: each with a full stop, or each with a "
    "semicolon and the last with a full stop.",
    doc="In a list of three or more `-` (or `+`) items, one item that ends with no "
    "punctuation or with a comma where every other item ends with a full stop, or where "
    "the others end with `;` and the last with `.` (a last item with no punctuation after "
    "items ending with `;` too). An item ending with `:` (it introduces a sub-list) or an "
    "ellipsis is left out of the count; an item that is a field and its value "
    "(`Đơn vị chủ trì: Phó Chủ tịch Thường trực`) or whose bracket is left open is not "
    "reported; a list numbered otherwise (`1.`, `a)`, `(1)`: "
    "often headings) is not read.",
)
def list_ending(ctx: Context) -> Iterator[Hit]:
    by_id = {segment.element: segment for segment in ctx.segments}
    for items in _sibling_lists(ctx):
        if len(items) < 3 or not all(item.label in _BULLETS for item in items):
            continue
        if len({item.label for item in items}) != 1:
            continue
        endings = [_ending(item.text) for item in items]
        for k, item in enumerate(items):
            if endings[k] not in ("", ","):
                continue
            right = _odd_ending(endings, k)
            segment = by_id.get(item.id)
            if right is None or segment is None or _unended(segment.text):
                continue
            text = segment.text.rstrip()
            last = _LAST_WORD.search(text)
            if last is None:
                continue
            found = excerpt(text, last.start(), len(text), width=20).rstrip()
            comma = endings[k] == ","
            yield Hit(
                segment=segment,
                start=last.start(),
                end=len(text),
                args={
                    "found": found,
                    "how": "bằng dấu phẩy" if comma else "không có dấu",
                    "how_en": "with a comma" if comma else "with no punctuation",
                    "right": right,
                },
            )
