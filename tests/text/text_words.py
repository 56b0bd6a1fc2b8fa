"""Test helper: the words of an input and the words a plan holds, in document order."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

from kehoach_core import ContentItem, Location, Plan

_WORD_RE = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Runs of letters and digits (punctuation, bullets and blanks are not words)."""
    return _WORD_RE.findall(unicodedata.normalize("NFC", text))


def _items(items: Iterable[ContentItem]) -> Iterator[tuple[Location | None, str]]:
    for item in items:
        for each in item.walk():
            yield each.location, f"{each.label} {each.text}"


def _pieces(plan: Plan) -> Iterator[tuple[Location | None, str]]:
    where = plan.header_locations.get
    yield where("superior_body"), plan.superior_body or ""
    yield where("issuer"), plan.issuer or ""
    yield where("number"), f"Số {plan.number}" if plan.number else ""
    date = ""
    if plan.issued_on is not None:  # the date line, read into a date: its words as printed
        day, month = plan.issued_on.day, plan.issued_on.month
        date = f"ngày {day} {day:02} tháng {month} {month:02} năm {plan.issued_on.year}"
    yield where("place") or where("issued_on"), " ".join(filter(None, [plan.place, date]))
    yield where("kind"), plan.kind
    yield where("title"), plan.title or ""
    yield from _items(plan.preamble)
    for section in plan.sections:
        yield section.location, f"{section.label} {section.title}"
    for note in (*plan.notes, *plan.furniture):
        yield note.location, note.text
    yield from _items(plan.purposes)
    yield from _items(plan.requirements)
    yield from _items(plan.standing_content)
    for phase in plan.all_phases():
        yield phase.location, f"{phase.label} {phase.heading}"
        yield from _items(phase.content)
    for form in plan.forms:
        yield form.location, f"{form.label} {form.title}"
        yield from _items(form.content)
    for assignment in plan.all_assignments():
        yield assignment.location, f"{assignment.label} {assignment.heading}"
        yield from _items(assignment.tasks)
    yield from _items(plan.closing)
    for recipient in plan.recipients:
        yield recipient.location, recipient.text
    signature = plan.signature
    if signature is not None:
        parts = [
            signature.authority,
            signature.on_behalf_of,
            signature.deputy_authority,
            signature.deputy_for,
            signature.title,
            signature.signer,
        ]
        yield signature.location, " ".join(filter(None, parts))
        if signature.digital is not None:
            end = (
                signature.location.end_line or signature.location.line if signature.location else 0
            )
            yield Location(end, end + 1), signature.digital.text
    for footnote in plan.footnotes:
        yield footnote.location, f"{footnote.marker} {footnote.text}"
    for fragment in plan.unparsed:
        yield fragment.location, fragment.text


def plan_words(plan: Plan) -> list[str]:
    """Every word of the plan's text fields, ordered by where each element was read."""
    pieces = list(_pieces(plan))

    def key(pair: tuple[int, tuple[Location | None, str]]) -> tuple[float, float, int]:
        index, (location, _) = pair
        if location is None:
            return (0, 0, index)
        return (location.line, location.column or 0, index)

    ordered = sorted(enumerate(pieces), key=key)
    return [word for _, (_, text) in ordered for word in words(text)]


def is_subsequence(needle: list[str], haystack: list[str]) -> tuple[bool, int]:
    """Whether ``needle`` appears in order in ``haystack``; and how far it got."""
    position = 0
    for index, word in enumerate(needle):
        try:
            position = haystack.index(word, position) + 1
        except ValueError:
            return False, index
    return True, len(needle)


def missing(needle: list[str], haystack: list[str]) -> Counter[str]:
    """Words of ``needle`` the haystack does not hold as often (multiset difference)."""
    return Counter(needle) - Counter(haystack)


def is_subsequence_repaired(needle: list[str], haystack: list[str]) -> tuple[bool, int]:
    """As :func:`is_subsequence`, where the reader may have repaired spacing.

    A word of the input glued from several (``cửđại``) matches consecutive words
    of the model (``cử``, ``đại``); letter-spaced pieces (``T h a m``) match, in
    order, the letters of one model word (``Tham``).
    """
    position, inside = 0, 0
    for index, word in enumerate(needle):
        if inside:  # inside a model word matched piece by piece
            rest = haystack[position][inside:]
            if rest.startswith(word):
                inside += len(word)
                if inside == len(haystack[position]):
                    position, inside = position + 1, 0
                continue
            position, inside = position + 1, 0
        found = _find(word, haystack, position)
        if found is None:
            return False, index
        position, inside = found
    return True, len(needle)


def _find(word: str, haystack: list[str], start: int) -> tuple[int, int] | None:
    """Where ``word`` is matched from ``start`` on: (next position, letters used inside it)."""
    try:
        return haystack.index(word, start) + 1, 0
    except ValueError:
        pass
    for j in range(start, len(haystack)):
        joined = ""
        k = j
        while (
            k < len(haystack) and len(joined) < len(word) and word.startswith(joined + haystack[k])
        ):
            joined += haystack[k]
            k += 1
        if joined == word and k - j > 1:
            return k, 0
        if haystack[j].startswith(word) and len(word) < len(haystack[j]):
            return j, len(word)
    return None
