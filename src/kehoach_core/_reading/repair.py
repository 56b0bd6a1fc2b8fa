"""Word repair: spaces that PDF extraction lost or scattered inside one line.

The text layer of some signed PDFs drops the space after a syllable that
carries a tone mark (``bầu cửđại biểu``, ``nhiệm kỳ2026``,
``Chỉ thịsố46-CT/TW``, ``Ban Thường vụTỉnh uỷ``) and letter-spaces some words
(``T h a m m ư u , h ư ớ n g d ẫ n``). :func:`repair_line` puts the spaces back
in one already-cleaned physical line (single spaces, NFC):

* a word (maximal run of letters) that is not a Vietnamese syllable
  (:func:`is_syllable`) is split into the fewest syllables, only where the piece
  on the left carries a diacritic, and more precisely a tone mark (huyền, sắc,
  hỏi, ngã, nặng: every lost space in the corpus follows one), so foreign words
  (``video``, ``Facebook``), abbreviations (``UBND``, ``HĐND``: two or more
  capitals are never split) and names (``Lênin``, whose ``Lê`` has a diacritic
  but no tone) stay whole; a small letter followed by a capital is split when
  the part on its left ends in a syllable with a diacritic (``vụTỉnh``,
  ``thứXIV``);
* digits glued after a syllable with a diacritic get a space when they are a
  year (``kỳ2026``) or a document number (``số46-CT/TW``), never otherwise
  (``Ban Bí thư1`` is a footnote marker);
* four or more letters or digits standing alone between single spaces (a
  punctuation mark ``, . ; : ! ?`` may stand alone among them or stick to the
  one before it; the run starts with a letter or digit) are joined and split
  into syllables again (digits stay whole, punctuation sticks to the word
  before it); a line of two or three single letters that join into one
  syllable with a tone mark (``k ỳ``) is joined too. Runs whose letters do not
  read as syllables (``x x x x`` in a table), whose letters without any
  diacritic would need cutting (``v i d e o`` is not ``vi deo``), that end
  inside a word, or made of digits that are not a year (``1 2 3 4 5``) are
  left alone.

The contract: ``repair_line(text)`` returns the repaired text and its runs,
(offset in the returned text, offset in ``text``) pairs, the first ``(0, 0)``.
A character of the result at offset ``o`` comes from ``text`` at
``run_in + o - run_out`` of the last run with ``run_out <= o``. A space that is
not in ``text`` (inserted) maps to the offset of the character after it, so a
new run starts after it. Removing every space from the result gives ``text``
with every space removed: no letter is ever lost or added. A line with nothing
to repair comes back unchanged with ``[(0, 0)]``.

>>> repair_line("đạo cuộc bầu cửđại biểu Quốc hội")
('đạo cuộc bầu cử đại biểu Quốc hội', [(0, 0), (16, 15)])
>>> repair_line("Thực hiện Chỉ thịsố46-CT/TW, ngày 16/5/2025")[0]
'Thực hiện Chỉ thị số 46-CT/TW, ngày 16/5/2025'
>>> repair_line("nhiệm kỳ2026 - 2031; Ban Thường vụTỉnh uỷ")[0]
'nhiệm kỳ 2026 - 2031; Ban Thường vụ Tỉnh uỷ'
>>> repair_line("- T h a m m ư u , h ư ớ n g d ẫ n")[0]
'- Tham mưu, hướng dẫn'
>>> repair_line("2 0 3 1 .")
('2031.', [(0, 0), (1, 2), (2, 4), (3, 6), (4, 8)])
>>> repair_line("Ban Bí thư1 xem video trên Facebook, UBND xã")
('Ban Bí thư1 xem video trên Facebook, UBND xã', [(0, 0)])

The space inserted at offset 15 of the result maps to ``đ`` (offset 15 of
the input) through the first run; ``đ`` starts the second run. Spaces kept
from a letter-spaced input map to themselves (``Tham mưu``: the space maps to
the input space after ``m``).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["is_syllable", "repair_line"]

# ---------------------------------------------------------------- syllables

_VOWELS = "aăâeêioôơuưy"
_CONSONANTS = "bcdđghklmnpqrstvx"
_TONE_MARKS = {"\u0300": 1, "\u0301": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_ACUTE, _DOT = 2, 5


def _letter_table() -> dict[str, tuple[str, int]]:
    """Each lower-case Vietnamese letter → (letter without tone, tone 0-5)."""
    table = {c: (c, 0) for c in _CONSONANTS + _VOWELS}
    for vowel in _VOWELS:
        base = unicodedata.normalize("NFD", vowel)
        for mark, tone in _TONE_MARKS.items():
            table[unicodedata.normalize("NFC", base + mark)] = (vowel, tone)
    return table


_LETTERS = _letter_table()
_ALPHABET = frozenset(_CONSONANTS + _VOWELS)
_UNTONE = str.maketrans({c: base for c, (base, tone) in _LETTERS.items() if tone})
_TONE_OF = {c: tone for c, (_, tone) in _LETTERS.items() if tone}

_INITIALS = frozenset("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split())
_STOPS = frozenset({"c", "ch", "p", "t"})
_ALL_FINALS = ["c", "ch", "m", "n", "ng", "nh", "p", "t"]

# vowel cluster → the finals it takes ("" = none); clusters ending in a
# semivowel (ai, ao, ..., uôi, ươu) take none
_NUCLEI: dict[str, list[str]] = {
    "a": ["", *_ALL_FINALS],
    "ă": ["c", "m", "n", "ng", "p", "t"],
    "â": ["c", "m", "n", "ng", "p", "t"],
    "e": ["", "c", "m", "n", "ng", "p", "t"],
    "ê": ["", "ch", "m", "n", "nh", "p", "t"],
    "i": ["", "ch", "m", "n", "nh", "p", "t"],
    "o": ["", "c", "m", "n", "ng", "p", "t"],
    "ô": ["", "c", "m", "n", "ng", "p", "t"],
    "ơ": ["", "m", "n", "p", "t"],
    "u": ["", "c", "m", "n", "ng", "p", "t"],
    "ư": ["", "c", "n", "ng", "t"],
    "y": ["", "ch", "n", "nh", "t"],  # with a final only after qu: quỳnh, quýt
    "ia": [""],
    "iê": ["c", "m", "n", "ng", "p", "t"],
    "yê": ["m", "n", "ng", "t"],
    "ua": [""],
    "uô": ["c", "m", "n", "ng", "t"],
    "ưa": [""],
    "ươ": ["c", "m", "n", "ng", "p", "t"],
    "oa": ["", *_ALL_FINALS],
    "oă": ["c", "m", "n", "ng", "t"],
    "oe": ["", "n", "t"],
    "oo": ["c", "ng"],
    "uâ": ["n", "ng", "t"],
    "uê": ["", "ch", "n", "nh"],
    "uy": ["", "ch", "n", "nh", "p", "t"],
    "uơ": [""],
    "uya": [""],
    "uyê": ["n", "t"],
    **{
        v: [""]
        for v in (
            "ai ao au ay âu ây eo êu iu oi ôi ơi ui ưi ưu uôi ươi ươu iêu yêu oai oay oeo uây uyu"
        ).split()
    },
}

_RHYMES: dict[str, tuple[str, str]] = {
    nucleus + final: (nucleus, final) for nucleus, finals in _NUCLEI.items() for final in finals
}
_FRONT = frozenset("ieêy")
_MAX_SYLLABLE = 7  # nghiêng, khuyếch
_MAX_WORD = 120  # letters: a longer run is left whole (bounded time on hostile input)


def _fits(initial: str, nucleus: str, final: str, tone: int) -> bool:
    """Spelling rules between the initial, the vowel cluster, the final and the tone."""
    first = nucleus[0]
    if initial in ("k", "gh", "ngh") and first not in _FRONT:
        return False
    if initial in ("c", "ng") and first in _FRONT:
        return False
    if initial == "g" and first in "eêy":
        return False
    if initial == "qu" and first in "uưo":
        return False
    if nucleus == "y" and final and initial != "qu":
        return False
    if nucleus.startswith("yê") and initial not in ("", "qu"):
        return False
    if nucleus.startswith("iê") and not initial:
        return False
    return not (final in _STOPS and tone not in (_ACUTE, _DOT))


_SYLLABLES: dict[str, bool] = {}
_CACHE_LIMIT = 100_000  # entries in each cache of words seen, emptied when full


def is_syllable(word: str) -> bool:
    """Whether ``word`` (any case) is one Vietnamese syllable as written.

    An optional initial consonant, a vowel cluster of the language, an optional
    final, at most one tone mark, and the spelling rules (``k``/``gh``/``ngh``
    before i, e, ê, y; ``c``/``ng`` not; ``p``, ``t``, ``c``, ``ch`` endings
    only with the sắc or nặng tone).

    >>> [is_syllable(w) for w in ("nghiêng", "Quốc", "khuyến", "hoà", "uỷ", "UBND")]
    [True, True, True, True, True, False]
    >>> [is_syllable(w) for w in ("cửđại", "vềlãnh", "video", "kem", "cem", "hoạt", "hoàt")]
    [False, False, False, True, False, True, False]
    """
    known = _SYLLABLES.get(word)
    if known is None:
        if len(_SYLLABLES) > _CACHE_LIMIT:
            _SYLLABLES.clear()
        known = _SYLLABLES[word] = _check(word.lower())
    return known


def _check(word: str) -> bool:
    if not word or len(word) > _MAX_SYLLABLE:
        return False
    plain = word.translate(_UNTONE)
    if not _ALPHABET.issuperset(plain):
        return False
    tones = [_TONE_OF[c] for c in word if c in _TONE_OF]
    if len(tones) > 1:
        return False
    tone = tones[0] if tones else 0
    for size in (0, 1, 2, 3):
        initial = plain[:size]
        if size and initial not in _INITIALS:
            continue
        rhyme = _RHYMES.get(plain[size:])
        if rhyme is not None and _fits(initial, rhyme[0], rhyme[1], tone):
            return True
    return False


# -------------------------------------------------------------------- words


_TONED = frozenset(
    c for letter, (_, tone) in _LETTERS.items() if tone for c in (letter, letter.upper())
)


def _toned(text: str) -> bool:
    """Whether ``text`` holds a letter with a tone mark (huyền, sắc, hỏi, ngã, nặng)."""
    return not text.isascii() and any(c in _TONED for c in text)


def _split(word: str, *, toned_left: bool) -> list[int] | None:
    """Cut offsets splitting ``word`` into the fewest syllables, or None.

    With ``toned_left`` every piece but the last must carry a tone mark. Ties
    go to the split with more pieces ending in a letter with a diacritic (the
    space is lost after such a letter): ``quảnhân`` is ``quả nhân``, not ``quản hân``.
    """
    size = len(word)
    best: list[tuple[int, int] | None] = [None] * (size + 1)
    back = [0] * (size + 1)
    best[0] = (0, 0)
    for end in range(1, size + 1):
        for start in range(max(0, end - _MAX_SYLLABLE), end):
            before = best[start]
            if before is None:
                continue
            piece = word[start:end]
            if not is_syllable(piece):
                continue
            if toned_left and end < size and not _toned(piece):
                continue
            bonus = 1 if end < size and not piece[-1].isascii() else 0
            score = (before[0] + 1, before[1] - bonus)
            current = best[end]
            if current is None or score < current:
                best[end] = score
                back[end] = start
    if best[size] is None:
        return None
    cuts: list[int] = []
    at = back[size]
    while at:
        cuts.append(at)
        at = back[at]
    return cuts[::-1]


def _capitals(text: str) -> int:
    return sum(1 for c in text if c.isupper())


def _resolve(part: str, *, spaced: bool) -> list[int] | None:
    """Cuts of one part (no small letter before a capital inside), or None."""
    if is_syllable(part):
        return []
    if not spaced and _capitals(part) >= 2:
        return None
    return _split(part, toned_left=not spaced)


def _case_bounds(word: str) -> list[int]:
    return [i for i in range(1, len(word)) if word[i - 1].islower() and word[i].isupper()]


def _word_cuts(word: str, *, spaced: bool = False) -> list[int] | None:
    """Where spaces go inside ``word``: cut offsets, or None when it cannot be read.

    A small letter before a capital is a cut when the part before it reads as
    syllables and its last one carries a diacritic (always when ``spaced``).
    """
    if len(word) > _MAX_WORD:
        return None
    cuts: list[int] = []
    begin = 0
    for bound in _case_bounds(word):
        left = word[begin:bound]
        inner = _resolve(left, spaced=spaced)
        if inner is None:
            continue
        last = left[inner[-1] :] if inner else left
        if spaced or not last.isascii():
            cuts.extend(begin + c for c in inner)
            cuts.append(bound)
            begin = bound
    inner = _resolve(word[begin:], spaced=spaced)
    if inner is None:
        return None if spaced else cuts
    cuts.extend(begin + c for c in inner)
    return cuts


# -------------------------------------------------------------------- lines

_WORD_RE = re.compile(r"[^\W\d_]+")
_DIGITS_RE = re.compile(r"\d+")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_NUMBER_TAIL_RE = re.compile(r"[-/][^\W\d_]")
# one letter or digit, maybe with punctuation glued after it, or punctuation alone
_SPACED_ITEM = r"(?:[^\W_][,.;:!?]?|[,.;:!?])"
_SPACED_TOKEN_RE = re.compile(_SPACED_ITEM + "?")
_SPACED_RE = re.compile(r"(?<!\S)" + _SPACED_ITEM + r"(?: " + _SPACED_ITEM + r"){3,}(?!\S)")
_SHORT_LINE_RE = re.compile(r"[^\W\d_](?: [^\W\d_]){1,2}")

# What happens to a space-separated token that cannot be part of a letter-spaced
# run (one letter or digit, maybe with a comma, or a comma alone) depends on
# nothing outside it, so such tokens seen to need nothing are remembered: a line
# made only of them comes back at the cost of one split and one set look-up. Words (letter runs) are
# cached too, with their cuts. Each cache is emptied when it outgrows the limit.
_PLAIN_TOKENS: set[str] = set()
_PLAIN_WORDS: set[str] = set()
_WORD_CUTS: dict[str, list[int]] = {}

Runs = list[tuple[int, int]]
Spaced = list[tuple[int, int, list[tuple[str, int]]]]


def repair_line(text: str) -> tuple[str, Runs]:
    """Put back the spaces lost or scattered in one cleaned line (see the module doc)."""
    tokens = text.split(" ")
    if _PLAIN_TOKENS.issuperset(tokens):
        return text, [(0, 0)]
    if len(_PLAIN_TOKENS) > _CACHE_LIMIT:
        _PLAIN_TOKENS.clear()
    inserts: list[int] = []
    singles = False
    at = 0
    for token in tokens:
        if token in _PLAIN_TOKENS:
            pass
        elif len(token) < 3 and _SPACED_TOKEN_RE.fullmatch(token):
            singles = True  # may be part of a letter-spaced run: never remembered
        elif token.isascii():
            _PLAIN_TOKENS.add(token)
        else:
            cuts = _token_cuts(token)
            if cuts:
                inserts.extend(at + c for c in cuts)
            else:
                _PLAIN_TOKENS.add(token)
        at += len(token) + 1
    spaced = _spaced_runs(text) if singles else []
    if not spaced and not inserts:
        return text, [(0, 0)]
    repaired, runs = _build(text, inserts, spaced)
    return (repaired, runs) if repaired != text else (text, [(0, 0)])


def _token_cuts(token: str) -> list[int]:
    """Offsets in one space-free token before which a space goes."""
    if token.isalpha():
        return _word_cuts_cached(token)
    cuts: list[int] = []
    for match in _WORD_RE.finditer(token):
        word = match.group()
        start, end = match.span()
        inner = _word_cuts_cached(word)
        cuts.extend(start + c for c in inner)
        if end < len(token) and token[end].isdigit():
            last = word[inner[-1] :] if inner else word
            if not last.isascii() and is_syllable(last) and _year_or_number(token, end):
                cuts.append(end)
    return cuts


def _word_cuts_cached(word: str) -> list[int]:
    """:func:`_word_cuts` of a glued word, cached; empty for most words."""
    if word in _PLAIN_WORDS or word.isascii():  # no tone mark: nothing is cut
        return []
    cuts = _WORD_CUTS.get(word)
    if cuts is None:
        cuts = [] if is_syllable(word) else (_word_cuts(word) or [])
        if len(_PLAIN_WORDS) + len(_WORD_CUTS) > _CACHE_LIMIT:
            _PLAIN_WORDS.clear()
            _WORD_CUTS.clear()
        if cuts:
            _WORD_CUTS[word] = cuts
        else:
            _PLAIN_WORDS.add(word)
    return cuts


def _year_or_number(text: str, at: int) -> bool:
    """Whether the digits at ``at`` are a year (``2026``) or a document number (``46-CT``)."""
    digits = _DIGITS_RE.match(text, at)
    if digits is None:
        return False
    if _YEAR_RE.fullmatch(digits.group()):
        return True
    tail = _NUMBER_TAIL_RE.match(text, digits.end())
    return tail is not None and tail.group()[1].isupper()


def _spaced_runs(text: str) -> Spaced:
    """Letter-spaced stretches: (start, end, [(character, input offset), ...])."""
    if _SHORT_LINE_RE.fullmatch(text):
        joined = text.replace(" ", "")
        if is_syllable(joined) and _toned(joined):
            return [(0, len(text), [(text[i], i) for i in range(0, len(text), 2)])]
        return []
    out: Spaced = []
    for match in _SPACED_RE.finditer(text):
        pieces = _respace(match.group(), match.start())
        if pieces is not None:
            out.append((match.start(), match.end(), pieces))
    return out


def _respace(run: str, at: int) -> list[tuple[str, int]] | None:
    """The characters of a letter-spaced run at ``at`` with the spaces a reader would put.

    Each (character, input offset); the space before a word is the input space
    before its first character. None when the run is not a spaced word: fewer
    than four letters and digits, a punctuation mark first, letters that do not
    read as syllables or that have no diacritic and would need cutting (a
    foreign word: ``video`` is not ``vi deo``), or digits alone that do not
    make a year (a table's ``1 2 3 4``).
    """
    items = [(char, at + i) for i, char in enumerate(run) if char != " "]
    chars = "".join(char for char, _ in items)
    alnum = [c for c in chars if c.isalnum()]
    if not chars[0].isalnum() or len(alnum) < 4:
        return None
    if not any(c.isalpha() for c in alnum) and not _YEAR_RE.fullmatch("".join(alnum)):
        return None
    out: list[tuple[str, int]] = []
    index = 0
    while index < len(chars):
        char = chars[index]
        end = index + 1
        starts: set[int] = set()
        if char.isalpha():
            while end < len(chars) and chars[end].isalpha():
                end += 1
            word = chars[index:end]
            cuts = _word_cuts(word, spaced=True)
            if cuts is None or (cuts and word.isascii()):
                return None
            starts = {index + c for c in cuts}
        elif char.isdigit():
            while end < len(chars) and chars[end].isdigit():
                end += 1
        else:
            while end < len(chars) and not chars[end].isalnum():
                end += 1
        if out and char.isalnum():
            starts.add(index)
        for k in range(index, end):
            if k in starts:  # a letter or digit of the run starts a token: a space before it
                out.append((" ", items[k][1] - 1))
            out.append(items[k])
        index = end
    return out


def _build(text: str, inserts: list[int], spaced: Spaced) -> tuple[str, Runs]:
    """The repaired text and its runs from the inserted spaces and respaced stretches."""
    parts: list[str] = []
    runs: Runs = []
    length = 0

    def emit(chunk: str, source: int) -> None:
        nonlocal length
        if not runs or runs[-1][1] + length - runs[-1][0] != source:
            runs.append((length, source))
        parts.append(chunk)
        length += len(chunk)

    events: list[tuple[int, int, list[tuple[str, int]]]] = [(i, i, []) for i in inserts]
    events.extend(spaced)
    events.sort(key=lambda event: event[0])
    position = 0
    for start, end, pieces in events:
        if start > position:
            emit(text[position:start], position)
        if end == start:  # an inserted space maps to the character after it
            emit(" ", start)
        for char, source in pieces:
            emit(char, source)
        position = max(position, end)
    if position < len(text):
        emit(text[position:], position)
    return "".join(parts), runs or [(0, 0)]
