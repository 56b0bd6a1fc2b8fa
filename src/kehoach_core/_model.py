"""The plan and its larger parts: phases, forms, assignments, recipients, signature.

A plan holds imperfect documents: a missing number, date or signature is a
validation finding, not a construction error.

>>> from kehoach_core import Plan, Phase, ContentItem
>>> plan = Plan(title="Tuyên truyền đại hội", phases=[Phase(label="1.", heading="Đợt 1")])
>>> plan.number is None and plan.signature is None
True
>>> [p.heading for p in plan.phases]
['Đợt 1']
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from attrs import validators as v

from ._anchors import Window
from ._elements import (
    Anniversary,
    Citation,
    ContentItem,
    Fragment,
    Location,
    Milestone,
    Note,
    SectionHeading,
    content_items,
    str_tuple,
    strs,
    tuple_of,
)
from ._numbers import DocumentNumber, NumberStyle

__all__ = [
    "Assignment",
    "DigitalSignature",
    "Footnote",
    "Form",
    "FormKind",
    "Phase",
    "Plan",
    "PlanText",
    "Recipient",
    "RecipientPurpose",
    "Role",
    "Signature",
]

_str = v.instance_of(str)
_opt_str = v.optional(_str)
_opt_int = v.optional(v.instance_of(int))
_opt_bool = v.optional(v.instance_of(bool))
_opt_loc = v.optional(v.instance_of(Location))


def _locations(values: dict[str, Location]) -> dict[str, Location]:
    return dict(values)


def _location_values(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    for key, each in value.items():
        if not isinstance(key, str) or not isinstance(each, Location):
            raise TypeError(f"{attribute.name} maps field names to Location values")


def _anniversaries(values: Iterable[Anniversary]) -> tuple[Anniversary, ...]:
    return tuple(values)


def _assignments(values: Iterable[Assignment]) -> tuple[Assignment, ...]:
    return tuple(values)


def _citations(values: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(values)


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _int_tuple(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(values)


def _footnotes(values: Iterable[Footnote]) -> tuple[Footnote, ...]:
    return tuple(values)


def _forms(values: Iterable[Form]) -> tuple[Form, ...]:
    return tuple(values)


def _form_kinds(values: Iterable[FormKind]) -> tuple[FormKind, ...]:
    return tuple(values)


def _fragments(values: Iterable[Fragment]) -> tuple[Fragment, ...]:
    return tuple(values)


def _milestones(values: Iterable[Milestone]) -> tuple[Milestone, ...]:
    return tuple(values)


def _notes(values: Iterable[Note]) -> tuple[Note, ...]:
    return tuple(values)


def _phases(values: Iterable[Phase]) -> tuple[Phase, ...]:
    return tuple(values)


def _recipients(values: Iterable[Recipient]) -> tuple[Recipient, ...]:
    return tuple(values)


def _section_headings(values: Iterable[SectionHeading]) -> tuple[SectionHeading, ...]:
    return tuple(values)


class Role(enum.Enum):
    """What an assignment asks of its bodies (DOMAIN.md section 6)."""

    LEAD = "lead"
    """*chủ trì*: the body in charge."""
    COORDINATE = "coordinate"
    """*phối hợp*: works with the lead."""
    ADVISE = "advise"
    """*tham mưu*: prepares and proposes for the committee."""
    REQUESTED = "requested"
    """*Đề nghị*: a request to a body outside the issuer's authority."""
    IMPLEMENT = "implement"
    """Named with tasks and no more specific verb."""


class FormKind(enum.Enum):
    """The controlled vocabulary of propaganda forms (DOMAIN.md section 6)."""

    MASS_MEDIA = "mass_media"
    """Báo chí, phát thanh, truyền hình, truyền thanh cơ sở."""
    INTERNET = "internet"
    """Cổng/trang thông tin điện tử, mạng xã hội."""
    ORAL = "oral"
    """Tuyên truyền miệng: hội nghị, sinh hoạt chi bộ, báo cáo viên."""
    VISUAL = "visual"
    """Cổ động trực quan: pa nô, áp phích, băng rôn, cờ, màn hình LED."""
    CULTURE = "culture"
    """Văn hóa, văn nghệ, thể thao, triển lãm."""
    PUBLICATION = "publication"
    """Ấn phẩm: đề cương, tờ gấp, sách."""
    CONTEST = "contest"
    """Cuộc thi, hội thi tìm hiểu."""
    EMULATION = "emulation"
    """Phong trào thi đua, tôn vinh điển hình."""
    SEMINAR = "seminar"
    """Hội thảo, tọa đàm."""
    OTHER = "other"


class RecipientPurpose(enum.Enum):
    """Why a recipient gets the plan (*Nơi nhận*)."""

    REPORT = "report"
    """*(để b/c)*: reported to a superior."""
    IMPLEMENT = "implement"
    """*(để thực hiện)*."""
    COORDINATE = "coordinate"
    """*(để phối hợp)*."""
    INFORM = "inform"
    """*(để biết)*, *(để theo dõi)*."""
    ARCHIVE = "archive"
    """*Lưu VT*, *Lưu Văn phòng*."""
    UNSPECIFIED = "unspecified"


@attrs.frozen(kw_only=True)
class Phase:
    """A phase (*Đợt*) or a sub-phase, with its window and content.

    ``label`` is the numbering as printed (``"1."``, ``"2.1."``, ``"Thứ nhất,"``,
    ``"-"``); ``heading`` the rest of the heading line; ``ordinal`` the phase
    number when the heading gives one (*Đợt 2* is 2).
    """

    id: str = attrs.field(default="", validator=_str)
    label: str = attrs.field(default="", validator=_str)
    heading: str = attrs.field(default="", validator=_str)
    ordinal: int | None = attrs.field(default=None, validator=_opt_int)
    window: Window | None = attrs.field(default=None, validator=v.optional(v.instance_of(Window)))
    content: tuple[ContentItem, ...] = attrs.field(
        default=(), converter=content_items, validator=tuple_of(ContentItem)
    )
    subphases: tuple[Phase, ...] = attrs.field(
        default=(), converter=_phases, validator=tuple_of(lambda: Phase)
    )
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)

    def walk(self) -> Iterator[Phase]:
        """This phase, then its sub-phases, depth first."""
        yield self
        for sub in self.subphases:
            yield from sub.walk()


@attrs.frozen(kw_only=True)
class Form:
    """A form (channel) of propaganda: a vocabulary kind plus the original wording.

    ``kind`` is the main kind; ``also`` lists further kinds one printed form
    covers (a single paragraph often names several channels).
    """

    id: str = attrs.field(default="", validator=_str)
    label: str = attrs.field(default="", validator=_str)
    kind: FormKind = attrs.field(default=FormKind.OTHER, validator=v.instance_of(FormKind))
    also: tuple[FormKind, ...] = attrs.field(
        default=(), converter=_form_kinds, validator=tuple_of(FormKind)
    )
    title: str = attrs.field(default="", validator=_str)
    content: tuple[ContentItem, ...] = attrs.field(
        default=(), converter=content_items, validator=tuple_of(ContentItem)
    )
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)


@attrs.frozen(kw_only=True)
class Assignment:
    """Bodies with a role and their tasks (*Tổ chức thực hiện*); may nest.

    ``bodies`` holds one name or several (a heading can name several bodies at
    once); ``heading`` keeps the heading as printed.
    """

    id: str = attrs.field(default="", validator=_str)
    label: str = attrs.field(default="", validator=_str)
    bodies: tuple[str, ...] = attrs.field(default=(), converter=str_tuple, validator=strs)
    role: Role = attrs.field(default=Role.IMPLEMENT, validator=v.instance_of(Role))
    heading: str = attrs.field(default="", validator=_str)
    tasks: tuple[ContentItem, ...] = attrs.field(
        default=(), converter=content_items, validator=tuple_of(ContentItem)
    )
    children: tuple[Assignment, ...] = attrs.field(
        default=(), converter=_assignments, validator=tuple_of(lambda: Assignment)
    )
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)

    def walk(self) -> Iterator[Assignment]:
        """This assignment, then the nested ones, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@attrs.frozen(kw_only=True)
class Recipient:
    """One line of *Nơi nhận*: who receives the plan and why; ``text`` as printed."""

    id: str = attrs.field(default="", validator=_str)
    name: str = attrs.field(default="", validator=_str)
    purpose: RecipientPurpose = attrs.field(
        default=RecipientPurpose.UNSPECIFIED, validator=v.instance_of(RecipientPurpose)
    )
    text: str = attrs.field(default="", validator=_str)
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)


@attrs.frozen(kw_only=True)
class DigitalSignature:
    """A digital signature: the trailer printed in text extracted from a signed PDF
    (``origin="trailer"``), or a signature read from the PDF itself (``origin="pdf"``).

    Both fill the same fields: ``signer`` (the certificate's or the trailer's
    name), ``organization``, ``signed_at``, ``place``, ``email``; ``text`` is the
    trailer as printed. Only a PDF signature can say more, and these stay
    ``None`` where nothing was checked: ``intact`` (the signed bytes hash to
    the digest the signature holds), ``valid`` (the signature verifies
    cryptographically with the signer's certificate), ``covers_whole_file``
    (the signed byte range is the whole file as read), ``modified_after``
    (the file was changed by a later revision beyond what signing workflows
    allow), ``trusted`` (the signer's certificate was checked against a trust
    list: the library never does that itself, so it is ``None`` unless a caller
    supplies the answer). ``field`` is the PDF signature field's name and
    ``certificate_issuer`` who issued the signer's certificate.
    """

    signed_at: dt.datetime | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(dt.datetime))
    )
    place: str | None = attrs.field(default=None, validator=_opt_str)
    signer: str | None = attrs.field(default=None, validator=_opt_str)
    email: str | None = attrs.field(default=None, validator=_opt_str)
    text: str = attrs.field(default="", validator=_str)
    origin: str = attrs.field(default="trailer", validator=v.in_(("trailer", "pdf")))
    organization: str | None = attrs.field(default=None, validator=_opt_str)
    certificate_issuer: str | None = attrs.field(default=None, validator=_opt_str)
    field: str | None = attrs.field(default=None, validator=_opt_str)
    intact: bool | None = attrs.field(default=None, validator=_opt_bool)
    valid: bool | None = attrs.field(default=None, validator=_opt_bool)
    covers_whole_file: bool | None = attrs.field(default=None, validator=_opt_bool)
    modified_after: bool | None = attrs.field(default=None, validator=_opt_bool)
    trusted: bool | None = attrs.field(default=None, validator=_opt_bool)


def _digital_tuple(values: Iterable[DigitalSignature]) -> tuple[DigitalSignature, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Signature:
    """The signature block (DOMAIN.md section 7).

    ``authority`` is the marker as printed (``"T/M"``, ``"TM."``, ``"K/T"``,
    ``"TL."``, ``"TUQ."``, ``"Q."``) or ``None``; ``on_behalf_of`` the body or
    head it signs for (``"BAN THƯỜNG VỤ"``, ``"GIÁM ĐỐC"``); ``title`` the
    signer's title (``"PHÓ BÍ THƯ"``); ``signer`` the name.

    A State committee signs in two tiers: ``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ
    TỊCH`` / ``PHÓ CHỦ TỊCH`` / name. The first tier (the collective) stays in
    ``authority`` and ``on_behalf_of``; the second, between it and the signer's
    title, is ``deputy_authority`` (its marker as printed, ``"KT."``, ``"K/T"``,
    ``"TL."``, ``"TUQ."``, ``"Q."``) and ``deputy_for`` (the head it signs for,
    ``"CHỦ TỊCH"``). Both are ``None`` for a one-tier block.

    >>> sig = Signature(authority="TM.", on_behalf_of="ỦY BAN NHÂN DÂN",
    ...     deputy_authority="KT.", deputy_for="CHỦ TỊCH", title="PHÓ CHỦ TỊCH")
    >>> sig.authority_code, sig.deputy_authority_code
    ('TM', 'KT')
    """

    authority: str | None = attrs.field(default=None, validator=_opt_str)
    on_behalf_of: str | None = attrs.field(default=None, validator=_opt_str)
    deputy_authority: str | None = attrs.field(default=None, validator=_opt_str)
    deputy_for: str | None = attrs.field(default=None, validator=_opt_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    signer: str | None = attrs.field(default=None, validator=_opt_str)
    digital: DigitalSignature | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(DigitalSignature))
    )
    other_digital: tuple[DigitalSignature, ...] = attrs.field(
        default=(), converter=_digital_tuple, validator=tuple_of(DigitalSignature)
    )
    """Further digital signatures of a PDF, in file order (``digital`` is the first)."""
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)

    @property
    def authority_code(self) -> str | None:
        """The marker without punctuation: ``"T/M"`` and ``"TM."`` are both ``"TM"``.

        >>> Signature(authority="T/M").authority_code, Signature(authority="KT.").authority_code
        ('TM', 'KT')
        """
        return _marker_code(self.authority)

    @property
    def deputy_authority_code(self) -> str | None:
        """The second tier's marker without punctuation (``"K/T"`` and ``"KT."`` are ``"KT"``)."""
        return _marker_code(self.deputy_authority)


def _marker_code(marker: str | None) -> str | None:
    if marker is None:
        return None
    return "".join(ch for ch in marker.upper() if ch.isalpha()) or None


@attrs.frozen(kw_only=True)
class Footnote:
    """A footnote: its marker, its text, and the id of the element holding the marker."""

    id: str = attrs.field(default="", validator=_str)
    marker: str = attrs.field(default="", validator=_str)
    text: str = attrs.field(default="", validator=_str)
    element: str | None = attrs.field(default=None, validator=_opt_str)
    location: Location | None = attrs.field(default=None, validator=_opt_loc, eq=False)


@attrs.frozen
class PlanText:
    """One text of a plan, as :meth:`Plan.texts` yields it.

    ``element`` is the id of the element holding it (``"title"`` for the title);
    ``part`` says which part of the plan it is in (``"preamble"``, ``"bases"``,
    ``"purposes"``, ``"requirements"``, ``"standing"``, ``"phase"``, ``"form"``,
    ``"assignment"``, ``"section"``, ``"note"``, ``"closing"``, ``"recipient"``,
    ``"signature"``, ``"trailer"``, ``"footnote"``, ``"unparsed"``, ``"title"``,
    ``"page"`` for page furniture (:attr:`Plan.furniture`),
    ``"header"`` for the issuer, superior body, number, place and kind);
    ``heading`` is true for the heading of a phase, form or assignment;
    ``location`` is where ``text`` was read (an item without its own location
    has its heading's).
    """

    element: str
    part: str
    text: str
    location: Location | None = attrs.field(eq=False)
    heading: bool = False


def _walk_items(
    items: Iterable[ContentItem], part: str, fallback: Location | None
) -> Iterator[PlanText]:
    for top in items:
        for item in top.walk():
            if item.text:
                yield PlanText(item.id, part, item.text, item.location or fallback)


@attrs.frozen(kw_only=True)
class Plan:
    """A plan (*Kế hoạch*): header, bases, purposes, content, forms, assignments, closing.

    Every field is optional or empty by default, so the model holds template
    plans with blanks and extractions that lost their header. ``style`` says
    whether the plan follows the Party (HD 36) or State (NĐ 30) format, when
    known. ``preamble`` keeps the opening paragraphs as printed; ``bases`` are
    the documents cited in them.
    """

    issuer: str | None = attrs.field(default=None, validator=_opt_str)
    superior_body: str | None = attrs.field(default=None, validator=_opt_str)
    number: DocumentNumber | str | None = attrs.field(
        default=None, validator=v.optional(v.instance_of((DocumentNumber, str)))
    )
    place: str | None = attrs.field(default=None, validator=_opt_str)
    issued_on: dt.date | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(dt.date))
    )
    style: NumberStyle | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(NumberStyle))
    )
    kind: str = attrs.field(default="KẾ HOẠCH", validator=_str)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    preamble: tuple[ContentItem, ...] = attrs.field(
        default=(), converter=content_items, validator=tuple_of(ContentItem)
    )
    bases: tuple[Citation, ...] = attrs.field(
        default=(), converter=_citations, validator=tuple_of(Citation)
    )
    purposes: tuple[ContentItem, ...] = attrs.field(
        default=(), converter=content_items, validator=tuple_of(ContentItem)
    )
    requirements: tuple[ContentItem, ...] = attrs.field(
        default=(), converter=content_items, validator=tuple_of(ContentItem)
    )
    milestones: tuple[Milestone, ...] = attrs.field(
        default=(), converter=_milestones, validator=tuple_of(Milestone)
    )
    anniversaries: tuple[Anniversary, ...] = attrs.field(
        default=(), converter=_anniversaries, validator=tuple_of(Anniversary)
    )
    phases: tuple[Phase, ...] = attrs.field(
        default=(), converter=_phases, validator=tuple_of(Phase)
    )
    standing_content: tuple[ContentItem, ...] = attrs.field(
        default=(), converter=content_items, validator=tuple_of(ContentItem)
    )
    forms: tuple[Form, ...] = attrs.field(default=(), converter=_forms, validator=tuple_of(Form))
    assignments: tuple[Assignment, ...] = attrs.field(
        default=(), converter=_assignments, validator=tuple_of(Assignment)
    )
    closing: tuple[ContentItem, ...] = attrs.field(
        default=(), converter=content_items, validator=tuple_of(ContentItem)
    )
    recipients: tuple[Recipient, ...] = attrs.field(
        default=(), converter=_recipients, validator=tuple_of(Recipient)
    )
    signature: Signature | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Signature))
    )
    footnotes: tuple[Footnote, ...] = attrs.field(
        default=(), converter=_footnotes, validator=tuple_of(Footnote)
    )
    sections: tuple[SectionHeading, ...] = attrs.field(
        default=(), converter=_section_headings, validator=tuple_of(SectionHeading)
    )
    notes: tuple[Note, ...] = attrs.field(default=(), converter=_notes, validator=tuple_of(Note))
    unparsed: tuple[Fragment, ...] = attrs.field(
        default=(), converter=_fragments, validator=tuple_of(Fragment)
    )
    source: str | None = attrs.field(default=None, validator=_opt_str, eq=False)
    """The file or stream the plan was read from (metadata: not part of equality)."""
    header_locations: dict[str, Location] = attrs.field(
        factory=dict, converter=_locations, validator=_location_values, eq=False
    )
    """Where the header fields were read, by field name (``"number"``, ``"issued_on"``, ...)."""
    furniture: tuple[Note, ...] = attrs.field(
        default=(), converter=_notes, validator=tuple_of(Note), eq=False
    )
    """Page furniture the reader took out of the body, with its place: page numbers,
    running heads and footers (``Part.PAGE`` notes). Metadata, like ``source``: the
    same plan paginated otherwise, or read from a docx (whose page numbers are
    fields, not text), is equal."""
    reader_notes: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=tuple_of(str), eq=False
    )
    """What the reader has to say about how it read the source (metadata, like ``source``):
    a ``.doc`` converted by LibreOffice, a PDF page with no text layer."""
    pages: tuple[int, ...] = attrs.field(
        default=(), converter=_int_tuple, validator=tuple_of(int), eq=False
    )
    """For a plan read from a PDF: the line (as :class:`Location` counts them) where
    each page starts, ``pages[0] == 1``; empty for other sources (see :meth:`page_of`)."""

    def page_of(self, line: int) -> tuple[int, int] | None:
        """The (page, line on that page) of document line ``line``; ``None`` without pages.

        >>> Plan(pages=(1, 40, 81)).page_of(45)
        (2, 6)
        >>> Plan().page_of(45) is None
        True
        """
        pages = self.pages
        if not pages or line < 1:
            return None
        index = max(bisect.bisect_right(pages, line) - 1, 0)
        return index + 1, line - pages[index] + 1

    def texts(self) -> Iterator[PlanText]:
        """Every non-empty text of the plan with its element id, part and location.

        The one walk over a plan's texts that validation, comparison, calendars
        and the readers use, in document order part by part.

        >>> plan = Plan(title="Tuyên truyền", purposes=[ContentItem(id="purposes/1", text="a")])
        >>> [(t.element, t.text) for t in plan.texts()]
        [('kind', 'KẾ HOẠCH'), ('title', 'Tuyên truyền'), ('purposes/1', 'a')]
        """
        where = self.header_locations.get
        for name in ("superior_body", "issuer", "number", "place"):
            value = getattr(self, name)
            if value:
                yield PlanText(name, "header", str(value), where(name))
        if self.kind:
            yield PlanText("kind", "header", self.kind, where("kind"))
        if self.title:
            yield PlanText("title", "title", self.title, where("title"))
        yield from _walk_items(self.preamble, "preamble", None)
        for basis in self.bases:
            if basis.text:
                yield PlanText(basis.id, "bases", basis.text, basis.location)
        yield from _walk_items(self.purposes, "purposes", None)
        yield from _walk_items(self.requirements, "requirements", None)
        yield from _walk_items(self.standing_content, "standing", None)
        for phase in self.all_phases():
            if phase.heading:
                yield PlanText(phase.id, "phase", phase.heading, phase.location, heading=True)
            yield from _walk_items(phase.content, "phase", phase.location)
        for form in self.forms:
            if form.title:
                yield PlanText(form.id, "form", form.title, form.location, heading=True)
            yield from _walk_items(form.content, "form", form.location)
        for assignment in self.all_assignments():
            if assignment.heading:
                yield PlanText(
                    assignment.id, "assignment", assignment.heading, assignment.location, True
                )
            yield from _walk_items(assignment.tasks, "assignment", assignment.location)
        for section in self.sections:
            text = f"{section.label} {section.title}".strip()
            if text:
                yield PlanText(section.id, "section", text, section.location)
        for note in self.notes:
            if note.text:
                yield PlanText(note.id, "note", note.text, note.location)
        yield from _walk_items(self.closing, "closing", None)
        for recipient in self.recipients:
            if recipient.text or recipient.name:
                text = recipient.text or recipient.name
                yield PlanText(recipient.id, "recipient", text, recipient.location)
        signature = self.signature
        if signature is not None:
            located = signature.location  # where the block starts: its first field
            for name in ("authority", "on_behalf_of", "deputy_authority", "deputy_for"):
                value = getattr(signature, name)
                if value:
                    yield PlanText(f"signature.{name}", "signature", value, located)
                    located = None
            for name in ("title", "signer"):
                value = getattr(signature, name)
                if value:
                    yield PlanText(f"signature.{name}", "signature", value, located)
                    located = None
            if signature.digital is not None and signature.digital.text:
                yield PlanText("signature.digital", "trailer", signature.digital.text, None)
        for footnote in self.footnotes:
            if footnote.text:
                yield PlanText(footnote.id, "footnote", footnote.text, footnote.location)
        for fragment in self.unparsed:
            if fragment.text:
                yield PlanText(fragment.id, "unparsed", fragment.text, fragment.location)
        for note in self.furniture:
            if note.text:
                yield PlanText(note.id, "page", note.text, note.location)

    def all_phases(self) -> Iterator[Phase]:
        """Every phase and sub-phase, depth first in document order."""
        for phase in self.phases:
            yield from phase.walk()

    def all_assignments(self) -> Iterator[Assignment]:
        """Every assignment, nested ones included, depth first."""
        for assignment in self.assignments:
            yield from assignment.walk()

    def milestone(self, milestone_id: str) -> Milestone | None:
        """The milestone with this id, or ``None``."""
        return next((m for m in self.milestones if m.id == milestone_id), None)
