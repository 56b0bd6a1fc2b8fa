"""Text rules (KH4xx): blanks, doubled words, glued ordinals, punctuation, spelling."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator

from .._numbers import roman_to_int
from ._engine import Hit, Severity, rule
from ._text import Context, Segment, excerpt

_BLANK = re.compile(
    r"(?:…|\.\.\.){2,}|\.{5,}|_{3,}"
    r"|(?<=[\s/-])…(?=[\s/.,;:-]|$)|…(?=[-/])|(?<=[/\d])…"
)


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
    "(`Facebook, Zalo…`) is not a blank.",
)
def template_blank(ctx: Context) -> Iterator[Hit]:
    for segment in ctx.segments:
        if "…" not in segment.text and ".." not in segment.text and "__" not in segment.text:
            continue
        matches = list(_BLANK.finditer(segment.text))
        if matches:
            first = matches[0]
            yield Hit(
                element=segment.element,
                line=segment.line,
                excerpt=excerpt(segment.text, first.start(), first.end()),
                args={"count": len(matches)},
            )


_DOUBLED = re.compile(r"\b([^\W\d_]+) (\1)\b", re.I)
_REDUPLICATIVES = set(
    "ngày người nhà đâu mãi dần thường lâu xa đời đêm tháng năm lớp nơi từng hàng "
    "rất vui cao mỗi chiều sáng trưa tối xanh đỏ ai gì ngành cấp".split()
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
    "Vietnamese uses on purpose (`ngày ngày`, `dần dần`, `người người`) are not reported.",
)
def doubled_word(ctx: Context) -> Iterator[Hit]:
    for segment, m in ctx.finditer(_DOUBLED):
        word = m[1]
        if word.lower() in _REDUPLICATIVES or (m[1] != m[2] and m[1].lower() != m[2].lower()):
            continue
        if len(word) == 1 and word.isupper():
            continue
        yield Hit(
            element=segment.element,
            line=segment.line,
            excerpt=excerpt(segment.text, m.start(), m.end()),
            args={"word": f"{m[1]} {m[2]}"},
        )


_GLUED_AFTER = re.compile(r"\b([IVXL]{2,7})([a-zđà-ỹ]\w*)")
_GLUED_CONTEXT = re.compile(
    r"\b(?:thứ|[Đđ]ại hội|khóa|khoá)\s+([IVXL]+)([a-zđà-ỹ][^\W\d_]*)|\b(?:thứ|hội|khóa)([IVXL]+)\b"
)


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
    for segment in ctx.segments:
        spans: set[tuple[int, int]] = set()
        for m in _GLUED_AFTER.finditer(segment.text):
            if _roman(m[1]):
                spans.add((m.start(), m.end()))
        for m in _GLUED_CONTEXT.finditer(segment.text):
            roman = m[1] or m[3]
            if _roman(roman):
                spans.add((m.start(), m.end()))
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        for start, end in merged:
            yield Hit(
                element=segment.element,
                line=segment.line,
                excerpt=excerpt(segment.text, start, end),
                args={"found": segment.text[start:end]},
            )


_SPACE_BEFORE = re.compile(r"(?<=[^\W_])\s+([,;:]|\.(?!\.))(?=\s|$)")
_NO_SPACE_AFTER = re.compile(
    r"[,;](?=[^\W\d_])(?<=[^\W\d_][,;])|\.(?=[^\W\d_])(?<=\d\.)(?<=\d\.\d\.)|^-(?=[^\W\d_])"
)


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
    hits = [*ctx.finditer(_SPACE_BEFORE, " ,", " ;", " :", " ."), *ctx.finditer(_NO_SPACE_AFTER)]
    if hits:
        for segment, m in hits:
            found = segment.text[max(0, m.start() - 8) : m.end() + 8].strip()
            yield Hit(
                element=segment.element,
                line=segment.line,
                excerpt=excerpt(segment.text, m.start(), m.end()),
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
    for segment, m in ctx.finditer(_DOUBLED_PUNCT, "..", ",,", ";;", ",.", ";.", ".,"):
        yield Hit(
            element=segment.element,
            line=segment.line,
            excerpt=excerpt(segment.text, m.start(), m.end()),
            args={"found": segment.text[max(0, m.start() - 10) : m.end()].strip()},
        )


_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_BROKEN = re.compile(rf"(?<![^\W\d_/.])([BCDĐGHKLMNPQRSTVXđ]) ([{_VOWELS}][^\W\d_]*)")


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
    for segment, m in ctx.finditer(_BROKEN):
        yield Hit(
            element=segment.element,
            line=segment.line,
            excerpt=excerpt(segment.text, m.start(), m.end()),
            args={"found": m[0]},
        )


def _strip_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1EFA):
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch:
            table[code] = base.lower()
    table[ord("đ")] = table[ord("Đ")] = "d"
    return table


_STRIP = _strip_table()


def strip_marks(text: str) -> str:
    """Lower case without diacritics, one character for one: ``Đại hội`` is ``dai hoi``."""
    return text.translate(_STRIP).lower()


_TONE_PLACE = [
    ("uỷ", "ủy"), ("uý", "úy"), ("uỳ", "ùy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"),
]  # fmt: skip


def modern_tones(text: str) -> str:
    """Move tone marks to the modern position: ``hoà`` → ``hòa``, ``uỷ`` → ``ủy``."""
    for old, new in _TONE_PLACE:
        text = text.replace(old, new)
    return text


# key phrase without marks -> (correct spellings, other real words with the same letters)
_KEY_TERMS: dict[str, tuple[set[str], set[str]]] = {
    "dai hoi": ({"đại hội"}, {"dài hơi"}),
    "dang bo": ({"đảng bộ"}, {"đang bỏ", "đáng bỏ", "đang bó", "đang bộ"}),
    "dang uy": ({"đảng ủy"}, set()),
    "dang vien": ({"đảng viên"}, set()),
    "cua dang": ({"của đảng"}, set()),
    "thanh pho": ({"thành phố"}, set()),
    "tieu ban": ({"tiểu ban"}, {"tiêu bản"}),
    "tuyen truyen": ({"tuyên truyền"}, set()),
    "phoi hop": ({"phối hợp"}, set()),
    "nhiem ky": ({"nhiệm kỳ", "nhiệm kì"}, set()),
    "van kien": ({"văn kiện"}, set()),
    "chap hanh": ({"chấp hành"}, set()),
    "tuyen giao": ({"tuyên giáo"}, set()),
    "thi dua": ({"thi đua"}, set()),
    "bi thu": ({"bí thư"}, {"bị thu", "bí thư"}),
    "thuong vu": ({"thường vụ"}, {"thương vụ"}),
    "quan triet": ({"quán triệt"}, set()),
    "mat tran": ({"mặt trận"}, set()),
    "to quoc": ({"tổ quốc"}, set()),
    "nhan dan": ({"nhân dân"}, {"nhãn dán"}),
    "chinh tri": ({"chính trị"}, {"chỉnh trị"}),
    "trien khai": ({"triển khai"}, set()),
}
_LAN_THU = re.compile(r"\b([Ll]ần|[Ll]ân|[Ll]ấn|[Ll]an)\s+(thư|thu|thừ|thú|thự)\s+[IVXL]+\b")
_WORD = re.compile(r"[^\W\d_]+")


def _any_marks(term: str) -> str:
    """A regex matching ``term`` (letters without marks) written with any diacritics."""
    variants: dict[str, set[str]] = defaultdict(set)
    for ch, base in _STRIP.items():
        variants[base].add(chr(ch))
    out = []
    for letter in term:
        if letter == " ":
            out.append(" ")
            continue
        chars = {letter, letter.upper()} | variants.get(letter, set())
        chars |= {c.upper() for c in chars}
        out.append("[" + "".join(sorted(chars)) + "]")
    return "".join(out)


_KEY_RE = re.compile(r"\b(?:" + "|".join(_any_marks(t) for t in _KEY_TERMS) + r")\b")
_NON_WORD_RE = re.compile(r"(?<![^\W\d_])[Dd]ảng(?![^\W\d_])")


@rule(
    "KH407",
    "misspelled-term",
    Severity.ERROR,
    vi="Sai chính tả: “{found}” (đúng: “{right}”)",
    en="Misspelling: “{found}” (should be “{right}”)",
    hint_vi="Sửa lại dấu hoặc chữ cái cho đúng.",
    hint_en="Correct the diacritics or the letter.",
    doc="A key term of the domain written with wrong diacritics or letters "
    "(`dại hội`, `Dảng bộ`, `lần thư XXIV`, `cua Đảng`, `Tiểu bạn`, `thành phổ`, "
    "`tuyên truyên`, `Phới hợp`). Only pairs of words whose letters, without "
    "diacritics, spell a key term and that form no other real phrase are checked.",
)
def misspelled_term(ctx: Context) -> Iterator[Hit]:
    for segment in ctx.segments:
        reported: set[int] = set()
        for m in _KEY_RE.finditer(segment.text):
            pair = m[0]
            right, others = _KEY_TERMS[strip_marks(pair)]
            if pair.lower() in right:
                continue
            spelled = modern_tones(pair.lower())
            if spelled in right or spelled in others:
                continue
            reported.add(m.start())
            yield Hit(
                element=segment.element,
                line=segment.line,
                excerpt=excerpt(segment.text, m.start(), m.end()),
                args={"found": pair, "right": _recase(sorted(right)[0], pair)},
            )
        if "ả" in segment.text or "Ả" in segment.text:
            for w in _NON_WORD_RE.finditer(segment.text):
                if w.start() not in reported:
                    yield Hit(
                        element=segment.element,
                        line=segment.line,
                        excerpt=excerpt(segment.text, w.start(), w.end()),
                        args={"found": w[0], "right": "Đảng"},
                    )
        if "thư" in segment.text or "thu" in segment.text:
            for m in _LAN_THU.finditer(segment.text):
                if f"{m[1].lower()} {m[2]}" != "lần thứ":
                    yield Hit(
                        element=segment.element,
                        line=segment.line,
                        excerpt=excerpt(segment.text, m.start(), m.end()),
                        args={"found": f"{m[1]} {m[2]}", "right": "lần thứ"},
                    )


def _recase(right: str, found: str) -> str:
    """``right`` with each word capitalised where ``found`` capitalises it."""
    out = []
    for n, (r, f) in enumerate(zip(right.split(), found.split(), strict=False)):
        upper = f[:1].isupper() and (n == 0 or r == "đảng")
        out.append(r[0].upper() + r[1:] if upper else r)
    return " ".join(out)


_HEAD = re.compile(
    r"\b(?:Tiểu [Bb]an|Ban|Trung tâm|Phòng|Sở|Văn phòng|Bộ phận|Mặt trận|Ủy ban|Uỷ ban)"
    r"(?:[ ,\-–]+[^\W\d_]+){2,3}"
)
_TONE_WORD = re.compile(r"\b([^\W\d_]+) ([Uu][ỷ]|[Ủủ]y)\b")


@rule(
    "KH408",
    "name-spelled-two-ways",
    Severity.WARNING,
    vi="Tên “{found}” được viết theo hai cách trong cùng văn bản (cách kia: “{other}”)",
    en="The name “{found}” is spelled two ways in the plan (the other: “{other}”)",
    hint_vi="Thống nhất một cách viết tên cơ quan, tổ chức trong toàn văn bản.",
    hint_en="Spell the body's name one way throughout.",
    doc="One body's name written two ways: different capitals (`Tiểu Ban tuyên truyền` "
    "and `Tiểu ban Tuyên truyền`), punctuation (`Văn hóa - Thể thao` and `Văn hóa, Thể "
    "thao`), or tone placement (`Đảng uỷ` and `Đảng ủy`). The less used spelling is reported.",
)
def name_variants(ctx: Context) -> Iterator[Hit]:
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, tuple[Segment, re.Match[str]]] = {}
    for segment, m in ctx.finditer(
        _HEAD, "Ban", "Trung tâm", "Phòng", "Sở", "Bộ phận", "Mặt trận", "Ủy ban", "Uỷ ban"
    ):
        span = m[0]
        key = modern_tones(" ".join(_WORD.findall(span.lower())))
        groups[key][span] += 1
        first.setdefault(span, (segment, m))
    for segment, m in ctx.finditer(_TONE_WORD, "ủy", "uỷ", "Ủy", "Uỷ"):
        span = m[0].lower()
        groups["~" + modern_tones(span)][span] += 1
        first.setdefault(span, (segment, m))
    for counts in groups.values():
        if len(counts) < 2:
            continue
        ranked = counts.most_common()
        top = ranked[0][0]
        for span, _ in ranked[1:]:
            if _norm_punct(span) == _norm_punct(top):
                continue
            segment, m = first[span]
            yield Hit(
                element=segment.element,
                line=segment.line,
                excerpt=excerpt(segment.text, m.start(), m.end()),
                args={"found": segment.text[m.start() : m.end()], "other": top},
            )


def _norm_punct(text: str) -> str:
    return " ".join(text.split())


_DANG_LOWER = re.compile(
    r"\b(?:[IVXL]{2,} của|toàn|chỉnh đốn) đảng\b(?! (?:bộ|ủy|uỷ|viên|các cấp|phái|cấp))"
)
_COMMITTEE_LOWER = re.compile(
    r"\bđảng (?:ủy|uỷ|bộ) (?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh) [A-ZĐÂ-Ỹ]"
    r"[^\W\d_]*"
)
_NHAN_DAN_LOWER = re.compile(r"nhân dân\b")
_NHAN_DAN_BEFORE = re.compile(r"(?:\bvà|,|\bcủa|\bcho|\bđến|\blớp|\bchúng|\bviên)\s+$")
_NHAN_DAN_UPPER = re.compile(r"(?<=[a-zđà-ỹ,]) Nhân dân\b")


@rule(
    "KH409",
    "capitalisation",
    Severity.INFO,
    vi="Viết hoa chưa đúng: “{found}” (đúng: “{right}”)",
    en="Capitalisation: “{found}” (should be “{right}”)",
    hint_vi="Viết hoa “Đảng” khi chỉ Đảng Cộng sản Việt Nam và “Nhân dân” (NĐ 30, Phụ lục II).",
    hint_en="Capitalise “Đảng” for the Communist Party and “Nhân dân” (NĐ 30, Annex II).",
    doc="A body's proper name in lower case (`đảng ủy xã Liên Minh`); a capitals heading "
    "with a mixed-case word (`II. Nội DUNG`); "
    "`đảng` in lower case where it means the Communist Party (`Đại hội XIV của đảng`, "
    "`toàn đảng`, `chỉnh đốn đảng`); `nhân dân` in lower case as the people where the plan "
    "itself writes `Nhân dân` elsewhere (`Ủy ban nhân dân` is not concerned).",
)
def capitalisation(ctx: Context) -> Iterator[Hit]:
    for segment, m in ctx.finditer(_COMMITTEE_LOWER, "đảng "):
        yield Hit(
            element=segment.element,
            line=segment.line,
            excerpt=excerpt(segment.text, m.start(), m.end()),
            args={"found": m[0], "right": "Đ" + m[0][1:]},
        )
    for section in ctx.plan.sections:
        words = _WORD.findall(section.title)
        caps = [w for w in words if len(w) > 1 and w.isupper()]
        mixed = [w for w in words if len(w) > 1 and not w.isupper() and not w.islower()]
        if len(caps) >= 2 and mixed:
            yield Hit(
                element=section.id,
                line=section.location.line if section.location else None,
                excerpt=f"{section.label} {section.title}".strip(),
                args={"found": mixed[0], "right": mixed[0].upper()},
            )
    for segment, m in ctx.finditer(_DANG_LOWER, " đảng"):
        yield Hit(
            element=segment.element,
            line=segment.line,
            excerpt=excerpt(segment.text, m.start(), m.end()),
            args={"found": m[0], "right": m[0][:-4] + "Đảng"},
        )
    if not _NHAN_DAN_UPPER.search(ctx.full_text):
        return
    for segment, m in ctx.finditer(_NHAN_DAN_LOWER, "nhân dân"):
        before = _NHAN_DAN_BEFORE.search(segment.text, max(0, m.start() - 12), m.start())
        if before is None:
            continue
        found = segment.text[before.start() : m.end()].strip(" ,")
        yield Hit(
            element=segment.element,
            line=segment.line,
            excerpt=excerpt(segment.text, before.start(), m.end()),
            args={"found": found, "right": found[:-8] + "Nhân dân"},
        )
