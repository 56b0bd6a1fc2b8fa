"""The structure stage: a :class:`SourceDocument` becomes a :class:`Plan`.

It works on text-produced and docx-produced documents alike (a docx line
carries its numbering in ``label``). Stages: cut the lines into zones, read the
header and title, the preamble and its citations, build the outline of the
body and map it onto the plan's parts, read recipients, signature and the
digital-signature trailer, then collect milestones, anniversaries and
footnotes, and number every element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import attrs

from .._elements import ContentItem, Location, Note, Part
from .._ids import number_elements
from .._model import Footnote, Plan, Signature
from .citations import find_citations
from .context import Context
from .events import find_anniversaries
from .header import header_notes, infer_issuer, read_header, style_from_signature
from .outline import build_outline
from .sections import map_body
from .source import SourceDocument, SourceLine, joined_location
from .tail import read_tail, read_trailer
from .zones import cut_zones

__all__ = ["build_plan"]

_KIND_RE = re.compile(r"KẾ\s+HOẠCH")


def _loc(line: SourceLine) -> Location:
    return line.location()


def _preamble(lines: tuple[SourceLine, ...]) -> list[ContentItem]:
    return [
        ContentItem(label=line.label or "", text=line.text, location=_loc(line)) for line in lines
    ]


_EVENT_PARTS = frozenset(
    {"preamble", "purposes", "requirements", "standing", "closing", "phase", "form", "assignment"}
)


def _texts(plan: Plan) -> Iterator[tuple[str, Location | None]]:
    """The statements anniversaries are read from (:meth:`Plan.texts`, bodies' headings aside)."""
    for each in plan.texts():
        if each.part in _EVENT_PARTS and not (each.part == "assignment" and each.heading):
            yield each.text, each.location


def _footnotes(
    plan: Plan, notes: dict[str, str], lines: dict[str, tuple[int, int]]
) -> list[Footnote]:
    out = []
    for marker, text in notes.items():
        glued = re.compile(rf"(?<=[^\W\d_]){re.escape(marker)}(?!\d)")
        holder = next(
            (element_id for element_id, body in _ids_and_texts(plan) if glued.search(body)), None
        )
        where = lines.get(marker)
        location = Location(where[0], where[1]) if where else None
        out.append(Footnote(marker=marker, text=text, element=holder, location=location))
    return out


_MARKER_PARTS = frozenset(
    {"preamble", "purposes", "requirements", "standing", "phase", "form", "assignment", "closing"}
)


def _ids_and_texts(plan: Plan) -> Iterator[tuple[str, str]]:
    """The items a footnote marker can sit in (:meth:`Plan.texts`, headings aside)."""
    for each in plan.texts():
        if each.part in _MARKER_PARTS and not each.heading:
            yield each.element, each.text


_FIELD_LINE_RES = {
    "number": re.compile(r"Số\b|\d+\s*[-/]\s*[A-ZĐ]+"),
    "issued_on": re.compile(r"ngày\b.*\bnăm\b", re.I),
    "place": re.compile(r",\s*ngày\b", re.I),
}


def _header_locations(lines: tuple[SourceLine, ...], values: dict[str, str]) -> dict[str, Location]:
    """Where each header field's text was read: the line holding it, at the text if found.

    A field with no value (a blank left in the number or the date) is placed on
    the line where it is printed blank, when there is one.
    """
    out: dict[str, Location] = {}
    for field, value in values.items():
        for line in lines:
            if value and value in line.text:
                out[field] = line.location_of(value)
                break
        else:
            pattern = _FIELD_LINE_RES.get(field)
            holder = next((x for x in lines if pattern and pattern.search(x.text)), None)
            if holder is not None and pattern is not None:
                found = pattern.search(holder.text)
                start = found.start() if found and field != "place" else 0
                out[field] = holder.location(start)
    return out


def _typed_case(name: str | None, lines: Sequence[SourceLine]) -> str | None:
    """``name`` in the case it was typed, where the docx shows it in capitals by formatting.

    A header line set in ``w:caps`` reads as capitals (what is printed); the
    issuer and the superior body are names, so they keep the case typed.
    """
    if not name:
        return name
    for line in lines:
        if line.cased is None:
            continue
        shown, typed = " ".join(line.text.split()), " ".join(line.cased.split())
        if len(shown) == len(typed) and shown and shown in name:
            name = name.replace(shown, typed)
    return name


def build_plan(doc: SourceDocument) -> Plan:
    """Read the structure of a plan from its lines; never loses a word of them."""
    ctx = Context()
    for line in doc.lines:
        ctx.milestones.find_all(line.text)
    zones = cut_zones(doc.lines)
    header = read_header([line.text for line in zones.header])
    for index, text in header.leftovers:
        where = zones.header[index].location_of(text) if zones.header else None
        ctx.fragment(text, "header text not understood", where)
    ctx.notes.extend(header_notes(header, zones.header, zones.rules))
    kind = "KẾ HOẠCH"
    title_parts = [line.text for line in zones.title]
    if zones.kind is not None:
        kind_match = _KIND_RE.match(zones.kind.text)
        kind = kind_match.group(0) if kind_match else zones.kind.text
        extra = zones.kind.text[len(kind) :].strip()
        if extra:
            title_parts.insert(0, extra)
    title = " ".join(title_parts) or None
    preamble = _preamble(zones.preamble)
    bases = [c for item in preamble for c in find_citations(item.text, item.location)]
    body = map_body(build_outline(zones.body), ctx)
    recipients, signature = read_tail(zones.tail, ctx)
    digital = read_trailer(zones.trailer)
    if digital is not None:
        signature = (
            attrs.evolve(signature, digital=digital) if signature else Signature(digital=digital)
        )
    style = header.style
    if style is None and signature is not None:
        above = " ".join(p for p in (signature.on_behalf_of, signature.deputy_for) if p)
        style = style_from_signature(above or None, signature.title)
    plan = Plan(
        issuer=_typed_case(header.issuer, zones.header)
        or infer_issuer([item.text for item in preamble]),
        superior_body=_typed_case(header.superior_body, zones.header),
        number=header.number,
        place=header.place,
        issued_on=header.issued_on,
        style=style,
        kind=kind,
        title=title,
        preamble=preamble,
        bases=bases,
        purposes=body.purposes,
        requirements=body.requirements,
        phases=body.phases,
        standing_content=ctx.standing,
        forms=body.forms,
        assignments=body.assignments,
        closing=body.closing,
        recipients=recipients,
        signature=signature,
        sections=ctx.sections,
        notes=ctx.notes,
        furniture=[
            Note(part=Part.PAGE, text=x.text, location=x.location()) for x in doc.page_furniture
        ],
        unparsed=ctx.unparsed,
        source=doc.source,
    )
    printed = {
        "superior_body": header.superior_body or "",
        "issuer": header.issuer or "",
        "number": str(header.number) if header.number else "",
        "place": header.place or "",
        "issued_on": "" if header.issued_on is None else "ngày",
    }
    read_at = _header_locations(zones.header, printed)
    if zones.kind is not None:
        read_at["kind"] = zones.kind.location()
    title_at = joined_location(zones.title)
    if title_at is not None:
        read_at["title"] = title_at
    plan = attrs.evolve(plan, header_locations=read_at)
    anniversaries = [a for text, loc in _texts(plan) for a in find_anniversaries(text, loc)]
    plan = attrs.evolve(plan, milestones=ctx.milestones.milestones(), anniversaries=anniversaries)
    plan = number_elements(plan)
    if doc.footnotes:
        plan = number_elements(
            attrs.evolve(plan, footnotes=_footnotes(plan, doc.footnotes, doc.footnote_lines))
        )
    return plan
