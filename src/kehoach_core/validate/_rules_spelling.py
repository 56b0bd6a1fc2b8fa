"""Spelling rules (KH407-KH410): misspelled key terms, names spelled two ways, capitals.

Like the other text rules, each pattern is tried only where a match can start
(see ``_scan``): the findings are those of ``pattern.finditer`` over every segment.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._vietnamese import MARKED_LETTERS, modern_tones, strip_marks
from ._registry import Hit, Severity, rule
from ._scan import FOLD, encode
from ._text import Context, Segment

if TYPE_CHECKING:
    from ._config import Settings

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


@functools.cache
def _variants() -> dict[str, set[str]]:
    variants: dict[str, set[str]] = defaultdict(set)
    for ch, base in MARKED_LETTERS.items():
        variants[base].add(chr(ch))
    return variants


def _any_marks(term: str) -> str:
    """A regex matching ``term`` (letters without marks) written with any diacritics."""
    variants = _variants()
    out = []
    for letter in term:
        if letter == " ":
            out.append(" ")
            continue
        chars = {letter, letter.upper()} | variants.get(letter, set())
        chars |= {c.upper() for c in chars}
        out.append("[" + "".join(sorted(chars)) + "]")
    return "".join(out)


@functools.cache
def _key_re() -> re.Pattern[str]:
    """Any key term with any diacritics: compiled when a plan has a character the
    byte image lacks (it takes 15 ms; the byte path needs it not)."""
    return re.compile(r"\b(?:" + "|".join(_any_marks(t) for t in _KEY_TERMS) + r")\b")


@functools.cache
def _span(size: int) -> re.Pattern[str]:
    """``size`` characters between word boundaries: where the folded text spells a key
    term, what ``_key_re()`` matches there (``_check_fold``)."""
    return re.compile(rf"\b.{{{size}}}\b", re.S)


_KEY_BYTES = [t.encode() for t in _KEY_TERMS]
_KEY_RIGHT = {t.encode(): {encode(r) for r in right} for t, (right, _) in _KEY_TERMS.items()}
_LAN_NEEDLES = ("Lần", "lần", "Lân", "lân", "Lấn", "lấn", "Lan", "lan")


def _check_fold() -> None:
    """The letters ``_key_re()`` accepts for a key term's letter are those of the byte
    image that fold to it (run by the tests, not at each import)."""
    from ._scan import _CHARS, _KNOWN

    for letter in {c for t in _KEY_TERMS for c in t if c != " "}:
        accepted = set(_any_marks(letter)[1:-1])
        for ch in accepted:
            data = encode(ch)
            assert data is None or data.translate(FOLD) == letter.encode(), ch
        folding = {c for n, c in enumerate(_CHARS) if c in _KNOWN and FOLD[n] == ord(letter)}
        assert folding <= accepted, (letter, folding - accepted)


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
    key = _key_matches(ctx)
    full = ctx.full_text
    lan = [i for i in ctx.positions(*_LAN_NEEDLES) if full[i + 3 : i + 4].isspace()]
    lan_thu = ctx.matches_at(_LAN_THU, lan, ctx.indices_with("thư", "thu"))
    by_segment: dict[int, list[list[re.Match[str]]]] = {}
    for found, kind in ((key, 0), (ctx.matches_at(_NON_WORD_RE, ctx.positions("Dảng", "dảng")), 1)):
        for segment, m in found:
            by_segment.setdefault(id(segment), [[], [], []])[kind].append(m)
    for segment, m in lan_thu:
        by_segment.setdefault(id(segment), [[], [], []])[2].append(m)
    for segment in ctx.segments:
        if id(segment) in by_segment:
            yield from _misspelled(segment, *by_segment[id(segment)])
    if ctx.settings is not None and ctx.settings.terms:
        yield from _project_terms(ctx, ctx.settings.terms)


def _project_terms(ctx: Context, terms: tuple[str, ...]) -> Iterator[Hit]:
    """The settings' ``terms`` written with other diacritics (the letters the same)."""
    full = ctx.full_text
    folded = strip_marks(full)  # same length as the text
    starts = ctx.starts
    for term in terms:
        right = modern_tones(unicodedata.normalize("NFC", term).lower())
        key = strip_marks(right)
        if key in _KEY_TERMS:
            continue  # a built-in key term: checked above
        i = folded.find(key)
        while i != -1:
            end = i + len(key)
            found = full[i:end]
            bounded = (i == 0 or not full[i - 1].isalnum()) and (
                end == len(full) or not full[end].isalnum()
            )
            if bounded and modern_tones(found.lower()) != right:
                k = bisect.bisect_right(starts, i) - 1
                local = i - starts[k]
                yield Hit(
                    segment=ctx.segments[k],
                    start=local,
                    end=local + len(key),
                    args={"found": found, "right": _recase_words(right, found)},
                )
            i = folded.find(key, end)


def _key_matches(ctx: Context) -> Iterator[tuple[Segment, re.Match[str]]]:
    data, folded = ctx.encoded, ctx.folded
    if data is None or folded is None:
        return ctx.finditer(_key_re())
    lower = ctx.lower
    assert lower is not None
    found: dict[int, bytes] = {}
    for term in _KEY_BYTES:
        i = folded.find(term)
        while i != -1:
            found[i] = term
            i = folded.find(term, i + 1)
    starts = sorted(found)
    keep: list[int] = []
    for n, i in enumerate(starts):
        end = i + len(found[i])
        # a right spelling that no later candidate overlaps yields no hit, matched or not
        if lower[i:end] in _KEY_RIGHT[found[i]] and (n + 1 == len(starts) or starts[n + 1] >= end):
            continue
        keep.append(i)
    return _key_at(ctx, keep, {i: len(found[i]) for i in keep})


def _key_at(
    ctx: Context, keep: list[int], sizes: dict[int, int]
) -> Iterator[tuple[Segment, re.Match[str]]]:
    """``ctx.matches_at(_key_re(), keep)``, with at each place the pattern of its size."""
    starts, segments = ctx.starts, ctx.segments
    current, done = -1, 0
    for pos in keep:
        k = bisect.bisect_right(starts, pos) - 1
        if k != current:
            current, done = k, 0
        local = pos - starts[k]
        text = segments[k].text
        if local < done or local >= len(text):
            continue
        match = _span(sizes[pos]).match(text, local)
        if match is not None and match.end() > local:
            done = match.end()
            yield segments[k], match


def _misspelled(
    segment: Segment,
    keys: list[re.Match[str]],
    non_words: list[re.Match[str]],
    lan_thu: list[re.Match[str]],
) -> Iterator[Hit]:
    reported: set[int] = set()
    for m in keys:
        pair = m[0]
        right, others = _KEY_TERMS[_key_of(pair)]
        if pair.lower() in right:
            continue
        spelled = modern_tones(pair.lower())
        if spelled in right or spelled in others:
            continue
        reported.add(m.start())
        yield Hit(
            segment=segment,
            start=m.start(),
            end=m.end(),
            args={"found": pair, "right": _recase(sorted(right)[0], pair)},
        )
    for w in non_words:
        if w.start() not in reported:
            yield Hit(
                segment=segment,
                start=w.start(),
                end=w.end(),
                args={"found": w[0], "right": "Đảng"},
            )
    for m in lan_thu:
        if f"{m[1].lower()} {m[2]}" != "lần thứ":
            yield Hit(
                segment=segment,
                start=m.start(),
                end=m.end(),
                args={"found": f"{m[1]} {m[2]}", "right": "lần thứ"},
            )


@functools.lru_cache(maxsize=1024)
def _key_of(pair: str) -> str:
    return strip_marks(pair)


def _recase_words(right: str, found: str) -> str:
    """``right`` with each word capitalised (or in capitals) as in ``found``."""
    out = []
    for r, f in zip(right.split(" "), found.split(" "), strict=False):
        out.append(
            r.upper()
            if f.isupper() and len(f) > 1
            else r[:1].upper() + r[1:]
            if f[:1].isupper()
            else r
        )
    return " ".join(out)


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
_HEAD_GATE = ("Ban", "Trung tâm", "Phòng", "Sở", "Bộ phận", "Mặt trận", "Ủy ban", "Uỷ ban")
_HEAD_OTHER = ("Tiểu ", "Văn phòng")  # where _HEAD can start, in segments with a gate word
_TONE_WORD = re.compile(r"\b([^\W\d_]+) ([Uu][ỷ]|[Ủủ]y)\b")


def _tone_word_starts(ctx: Context) -> list[int]:
    """Where ``_TONE_WORD`` can match: the letters before each `` uỷ`` or `` ủy``."""
    full = ctx.full_text
    starts: set[int] = set()
    for i in ctx.positions(" Uỷ", " uỷ", " Ủy", " ủy"):
        j = i
        while j > 0 and full[j - 1].isalnum() and not full[j - 1].isdecimal():
            j -= 1
        if j < i:
            starts.add(j)
    return sorted(starts)


_VERB_BAN = re.compile(r"Ban hành\b")


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
    keys: dict[str, str] = {}
    # the segments holding a gate word, from the same search as the heads' starts
    gated = ctx.positions(*_HEAD_GATE)
    starts = ctx.starts
    gate = {bisect.bisect_right(starts, i) - 1 for i in gated}
    heads = sorted({*gated, *ctx.positions(*_HEAD_OTHER)})
    for segment, m in ctx.matches_at(_HEAD, heads, gate):
        span = m[0]
        if _VERB_BAN.match(span):
            continue  # "Ban hành kế hoạch": the verb "ban hành" (to issue), not a board
        if span not in first:  # a name is often written many times: its key once
            first[span] = (segment, m)
            keys[span] = modern_tones(" ".join(_WORD.findall(span.lower())))
        groups[keys[span]][span] += 1
    for segment, m in ctx.matches_at(_TONE_WORD, _tone_word_starts(ctx)):
        span = m[0].lower()
        if span not in first:
            first[span] = (segment, m)
            keys[span] = "~" + modern_tones(span)
        groups[keys[span]][span] += 1
    hits: list[Hit] = []
    for counts in groups.values():
        if len(counts) < 2:
            continue
        ranked = counts.most_common()
        top = ranked[0][0] if ctx.settings is None else _preferred(ranked, ctx.settings)
        for span, _ in ranked:
            if span == top or _norm_punct(span) == _norm_punct(top):
                continue
            segment, m = first[span]
            hits.append(
                Hit(
                    segment=segment,
                    start=m.start(),
                    end=m.end(),
                    args={"found": segment.text[m.start() : m.end()], "other": top},
                )
            )
    # one misspelling reported once: a tone word inside (or across) a reported name is
    # the same defect ("của Uỷ" and "Uỷ ban bầu cử xã")
    for hit in hits:
        if not any(
            other is not hit
            and other.segment is hit.segment
            and other.start < hit.end
            and hit.start < other.end
            and (other.end - other.start, -other.start) > (hit.end - hit.start, -hit.start)
            for other in hits
        ):
            yield hit


def _preferred(ranked: list[tuple[str, int]], settings: Settings) -> str:
    """The spelling to keep: one of the settings' ``bodies``, then the ``tone``
    placement, then the most used."""
    bodies = [b.lower() for b in settings.bodies]

    def rank(item: tuple[str, int]) -> tuple[bool, bool, int]:
        span, count = item
        known = any(span.lower() in body for body in bodies)
        modern = modern_tones(span) == span
        tone = settings.tone is not None and modern == (settings.tone == "new")
        return known, tone, count

    return max(ranked, key=rank)[0]


def _norm_punct(text: str) -> str:
    return " ".join(text.split())


_DANG_LOWER = re.compile(
    r"\b(?:[IVXL]{2,} của|toàn|chỉnh đốn) đảng\b(?! (?:bộ|ủy|uỷ|viên|các cấp|phái|cấp))"
)


def _dang_lower_starts(ctx: Context) -> list[int]:
    """Where ``_DANG_LOWER`` can match: before each `` đảng``, ``toàn``, ``chỉnh đốn``
    or a Roman ordinal and `` của``."""
    full = ctx.full_text
    starts: set[int] = set()
    for i in ctx.positions(" đảng"):
        if full[max(0, i - 4) : i] == "toàn":
            starts.add(i - 4)
        if full[max(0, i - 9) : i] == "chỉnh đốn":
            starts.add(i - 9)
        if full[max(0, i - 4) : i] == " của":
            j = i - 4
            while j > 0 and full[j - 1] in "IVXL":
                j -= 1
                starts.add(j)
    return sorted(starts)


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
    committees = ctx.positions("đảng ủy ", "đảng uỷ ", "đảng bộ ")
    for segment, m in ctx.matches_at(_COMMITTEE_LOWER, committees):
        yield Hit(
            segment=segment,
            start=m.start(),
            end=m.end(),
            args={"found": m[0], "right": "Đ" + m[0][1:]},
        )
    for section in ctx.plan.sections:
        words = _WORD.findall(section.title)
        caps = [w for w in words if len(w) > 1 and w.isupper()]
        mixed = [w for w in words if len(w) > 1 and not w.isupper() and not w.islower()]
        if len(caps) >= 2 and mixed:
            yield Hit(
                element=section.id,
                location=section.location,
                excerpt=f"{section.label} {section.title}".strip(),
                args={"found": mixed[0], "right": mixed[0].upper()},
            )
    for segment, m in ctx.matches_at(_DANG_LOWER, _dang_lower_starts(ctx)):
        yield Hit(
            segment=segment,
            start=m.start(),
            end=m.end(),
            args={"found": m[0], "right": m[0][:-4] + "Đảng"},
        )
    full = ctx.full_text
    if not any(_NHAN_DAN_UPPER.match(full, i) for i in ctx.positions(" Nhân dân")):
        return
    for segment, m in ctx.matches_at(_NHAN_DAN_LOWER, ctx.positions("nhân dân")):
        before = _NHAN_DAN_BEFORE.search(segment.text, max(0, m.start() - 12), m.start())
        if before is None:
            continue
        found = segment.text[before.start() : m.end()].strip(" ,")
        yield Hit(
            segment=segment,
            start=before.start(),
            end=m.end(),
            args={"found": found, "right": found[:-8] + "Nhân dân"},
        )


# common nouns for kinds of bodies and documents (NĐ 30/2020, Phụ lục II: a common noun is
# written in lower case; only a body's proper name is capitalised)
_COMMON_NOUNS = (
    "sở", "ban", "ngành", "bộ", "phòng", "hội", "đoàn", "trường", "cơ quan", "đơn vị",
    "đoàn thể", "địa phương", "hội nghị", "chương trình", "kế hoạch", "tiểu ban",
    "trung tâm", "tổ chức", "doanh nghiệp", "cán bộ", "đảng viên", "đoàn viên", "hội viên",
    "công chức", "viên chức", "chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc",
    "trưởng ban", "phó trưởng ban", "thủ trưởng",
)  # fmt: skip
_L = r"[^\W\d_]"
_NOUN_ALT = "|".join(sorted(map(re.escape, _COMMON_NOUNS), key=len, reverse=True))
_COMMON_NOUN = re.compile(rf"(?<!{_L})(?:{_NOUN_ALT})(?!{_L})", re.I)
_QUANTIFIER = re.compile(rf"(?<!{_L})(?:[Cc]ác|[Nn]hững|[Mm]ọi|[Tt]ừng|[Mm]ỗi) $")
_PREVIOUS = re.compile(rf"({_L}+),? $")
_JOINED_AFTER = re.compile(rf"(?:,? và |, )({_NOUN_ALT})(?!{_L})")
_JOINED_BEFORE = re.compile(rf"(?<!{_L})({_NOUN_ALT})(?:,? và |, )$")
_NEXT_WORD = re.compile(r":? ([^\s,.;:()“”\"]+)")
# a capitalised noun followed by one of these is (part of) a body's name
_PLACE_WORDS = frozenset(
    "tỉnh thành huyện quận xã phường thị trấn ấp thôn bản tổ khu trung ương số".split()
)


def _in_list(text: str, start: int, end: int) -> bool:
    """Whether the noun at ``start:end`` is joined (``,``, ``và``) to another such noun
    in lower case: ``Sở, ban, ngành``, ``sở và ngành``."""
    after = _JOINED_AFTER.match(text, end)
    if after is not None and after[1].islower():
        return True
    before = _JOINED_BEFORE.search(text[max(0, start - 20) : start])
    return before is not None and before[1].islower()


def _names_a_body(text: str, end: int) -> bool:
    """Whether the capitalised noun ending at ``end`` starts a name: the next word (after
    a colon too) is capitalised, a number, a place word or ``số`` (``Sở Văn hóa``,
    ``Ban Chấp hành``, ``Ủy ban nhân dân tỉnh``, ``Kế hoạch số 12``, ``Các Sở: XD, TC``)."""
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None:
        return False
    word = nxt[1]
    return word[:1].isupper() or word[:1].isdigit() or word.lower() in _PLACE_WORDS


@rule(
    "KH410",
    "common-noun-capitalised",
    Severity.INFO,
    vi="Danh từ chung “{found}” viết hoa, nơi khác trong văn bản viết thường “{other}” "
    "({count} lần)",
    en="The common noun “{found}” is capitalised; elsewhere the plan writes “{other}” "
    "({count} times)",
    hint_vi="Danh từ chung viết thường; chỉ viết hoa tên riêng của cơ quan, tổ chức "
    "(NĐ 30/2020, Phụ lục II).",
    hint_en="Write a common noun in lower case; capitalise only a body's proper name "
    "(NĐ 30/2020, Annex II).",
    doc="A common noun naming a kind of body, document or person (`sở`, `ban`, `ngành`, "
    "`bộ`, `cơ quan`, `đơn vị`, `hội nghị`, `chương trình`, `kế hoạch`, `cán bộ`, "
    "`đảng viên`, `giám đốc`...) capitalised in mid-sentence as a generic word, after a "
    "quantifier (`các Sở`, `những Hội nghị`) or in a list of such nouns (`Bộ, ngành`, "
    "`cán bộ, Đảng viên`), where the plan elsewhere writes the same noun the same way in "
    "lower case (`các sở, ngành`; a one-syllable noun, which has other senses, only in such "
    "a list). Only a noun after a word in lower case (or after `Các` opening an item) is "
    "read: not a heading in capitals, not a sentence's first word. A capitalised noun "
    "followed by a capitalised word, a number, a place word or `số` starts a proper name "
    "(`Sở Văn hóa, Thể thao và Du lịch`, `Ban Chấp hành`, `Ủy ban nhân dân tỉnh`, "
    "`Kế hoạch số 12`) and is not concerned; nor is a noun the plan never writes in lower "
    "case in the same use. The capitalised one is reported, with the lower-case spelling "
    "and how often the plan writes it.",
)
def common_noun_capitalised(ctx: Context) -> Iterator[Hit]:
    upper: dict[str, list[tuple[Segment, re.Match[str]]]] = defaultdict(list)
    lower: Counter[str] = Counter()
    for segment, m in ctx.finditer(_COMMON_NOUN):
        text, start, end = segment.text, m.start(), m.end()
        word = m[0]
        capitalised = word[:1].isupper() and word[1:].islower()
        if not (word.islower() or capitalised):
            continue  # in capitals (a heading), or mixed
        before = text[max(0, start - 30) : start]
        previous = _PREVIOUS.search(before)
        if previous is None:
            continue  # a sentence's or an item's first word
        quantified = _QUANTIFIER.search(before) is not None
        if not previous[1].islower() and not quantified:
            continue
        if not (quantified or _in_list(text, start, end)):
            continue
        key = word.lower()
        if word.islower():
            # a one-syllable noun has other senses (``các bộ dữ liệu``: sets of data):
            # in lower case it counts only in a list of such nouns (``các bộ, ngành``)
            if " " in key or _in_list(text, start, end):
                lower[key] += 1
        elif not _names_a_body(text, end):
            upper[key].append((segment, m))
    for key, found in upper.items():
        if lower[key]:
            for segment, m in found:
                yield Hit(
                    segment=segment,
                    start=m.start(),
                    end=m.end(),
                    args={"found": m[0], "other": key, "count": lower[key]},
                )
