"""Draft a subordinate plan from its superior's: ``derive(superior, issuer=...)``.

A body below the top writes its plan by taking the plan above and rewriting it
for its own level. :func:`derive` does the first draft: the superior cited first
among the bases; purposes, requirements, phases (with their windows), forms and
items carried down with the level's words rewritten (*tỉnh* to *xã*, *Tỉnh ủy*
to *Đảng ủy xã*, *tỉnh Lạng Sơn* to *xã Hoàng Văn Thụ*, the superior's congress
to the subordinate's own with its ordinal left blank); every item linked by
``implements`` to the superior's; the tasks the superior gives the subordinate's
level turned into the draft's own assignments; and blanks ``…`` for what only the
office knows (the number, the day, the signer), which validation reports as
template blanks.

>>> from kehoach_core import Plan, ContentItem
>>> superior = Plan(issuer="Ban Thường vụ Tỉnh ủy", place="Lạng Sơn", number="06-KH/TU",
...     purposes=[ContentItem(id="purposes/1", text="Nhân dân trong tỉnh đồng thuận.")])
>>> draft = derive(superior, issuer="Đảng ủy xã Hoàng Văn Thụ")
>>> draft.purposes[0].text, draft.purposes[0].implements, draft.number
('Nhân dân trong xã đồng thuận.', 'purposes/1', '…-KH/ĐU')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Literal

import attrs

from .._elements import Citation, ContentItem, Level, Milestone, Note, SectionHeading
from .._errors import InputError
from .._model import (
    Assignment,
    Form,
    Phase,
    Plan,
    Recipient,
    RecipientPurpose,
    Role,
    Signature,
)
from .._numbers import NumberStyle
from .._reading.vocab import fold
from ._rewrite import BLANK, Rewriter
from ._vocabulary import (
    ADVISORY_BOARDS,
    DEFAULT_VOCABULARY,
    UNITS,
    Unit,
    Vocabulary,
    default_vocabulary,
)

__all__ = [
    "ADVISORY_BOARDS",
    "DEFAULT_VOCABULARY",
    "UNITS",
    "Unit",
    "Vocabulary",
    "default_vocabulary",
    "derive",
    "level_of",
]

FormatName = Literal["party", "state"]

_STATE_BODY = re.compile(r"(?<!\w)ủy\s+ban\s+nhân\s+dân(?!\w)")
_PLACE_WORD = r"[^\W\d_][\w]*"


def _finds(text: str, vocabulary: Vocabulary) -> Iterator[tuple[int, Unit]]:
    """Where ``text`` names a unit (by its word or its committee), in text order."""
    folded = fold(text)
    for unit in vocabulary.units:
        for name in (unit.committee, unit.word):
            for m in re.finditer(rf"(?<!\w){re.escape(fold(name))}(?!\w)", folded):
                after = folded[m.end() :].lstrip()
                if any(
                    after.startswith(fold(w)) and not after[len(w) : len(w) + 1].isalnum()
                    for w in unit.not_before
                ):
                    continue
                yield m.start(), unit


def _first_unit(text: str | None, vocabulary: Vocabulary) -> Unit | None:
    if not text:
        return None
    found = sorted(_finds(text, vocabulary), key=lambda f: (f[0], -len(f[1].word)))
    return found[0][1] if found else None


def level_of(name: str, vocabulary: Vocabulary | None = None) -> Level:
    """The level of a body from its name: the first unit word or committee it holds.

    >>> level_of("Đảng ủy xã Hoàng Văn Thụ"), level_of("Ban Thường vụ Quận ủy")
    (<Level.COMMUNE: 'commune'>, <Level.DISTRICT: 'district'>)
    >>> level_of("Mặt trận Tổ quốc")
    <Level.UNKNOWN: 'unknown'>
    """
    unit = _first_unit(name, vocabulary or default_vocabulary())
    return Level.UNKNOWN if unit is None else unit.level


def _place_after(text: str | None, unit: Unit) -> str | None:
    """The proper name after the unit's word in ``text``: *tỉnh Lạng Sơn* gives *Lạng Sơn*."""
    if not text:
        return None
    folded = fold(text)
    names = "|".join(re.escape(fold(n)) for n in (unit.committee, unit.word))
    for m in re.finditer(rf"(?<!\w)(?:{names})\s+", folded):
        words: list[str] = []
        for printed in text[m.end() :].split():
            word = printed.rstrip(",.;:)")
            if not re.fullmatch(_PLACE_WORD, word) or not word[0].isupper():
                break
            if fold(word) in {"lần", "nhiệm", "khóa"}:
                break
            words.append(word)
            if word != printed:
                break
        if words:
            return " ".join(words)
    return None


def _superior_unit(plan: Plan, vocabulary: Vocabulary) -> tuple[Unit, str | None]:
    """The superior's own unit and place name, from its issuer, its congress, its header."""
    unit = _first_unit(plan.issuer, vocabulary)
    if unit is None:
        ranked = sorted(
            (m for m in plan.milestones if vocabulary.units_of(m.level)),
            key=lambda m: m.level.rank,
        )
        for milestone in ranked:
            unit = _first_unit(milestone.body, vocabulary) or _first_unit(
                milestone.name, vocabulary
            )
            if unit is not None:
                break
    if unit is None:
        unit = _first_unit(plan.superior_body, vocabulary)
    if unit is None:
        raise InputError(
            "cannot tell the superior plan's level: its issuer names no unit "
            "(tỉnh, huyện, xã ...) the vocabulary knows"
        )
    place = plan.place
    if not place:
        texts = [plan.issuer, plan.superior_body]
        texts += [m.body for m in plan.milestones if m.level is unit.level]
        place = next((p for p in (_place_after(t, unit) for t in texts) if p), None)
    return unit, place


def derive(
    superior: Plan,
    *,
    issuer: str,
    level: Level | str | None = None,
    place: str | None = None,
    issued_on: dt.date | None = None,
    format: FormatName | None = None,
    vocabulary: Vocabulary | None = None,
) -> Plan:
    """Draft the plan of ``issuer``, a body below the superior, from the superior's plan.

    ``level`` is inferred from the issuer's words (*Đảng ủy xã ...* is a commune)
    when not given; ``place`` from the words after the unit in the issuer;
    ``format`` (``"party"`` or ``"state"``) from the issuer (*Ủy ban nhân dân* is
    State) and else the superior's style. ``vocabulary`` defaults to
    :data:`UNITS` as it is at the call.

    Raises :class:`~kehoach_core.InputError` when the level cannot be told or is
    not below the superior's.
    """
    vocab = vocabulary or default_vocabulary()
    if not issuer or not issuer.strip():
        raise InputError("the draft needs an issuer (Đảng ủy xã ..., Ủy ban nhân dân xã ...)")
    issuer = issuer.strip()
    target_level = _level(level)
    unit = _first_unit(issuer, vocab)
    if target_level is None:
        if unit is None:
            raise InputError(
                f"cannot tell the level of “{issuer}”: give the level "
                "(commune, district, province) or name the unit (xã, huyện, tỉnh ...)"
            )
        target_level = unit.level
    if unit is None or unit.level is not target_level:
        units = vocab.units_of(target_level)
        if not units:
            raise InputError(f"the vocabulary has no unit of level {target_level.value}")
        unit = units[0]
    source_unit, source_place = _superior_unit(superior, vocab)
    if target_level.rank >= source_unit.level.rank:
        raise InputError(
            f"the level {target_level.value} of “{issuer}” is not below the superior's "
            f"({source_unit.level.value})"
        )
    own_place = (place or "").strip() or _place_after(issuer, unit)
    style = _style(format, issuer, superior)
    source = [source_unit] + [
        u for u in vocab.units_of(source_unit.level) if u is not source_unit and not u.ambiguous
    ]
    protected = [a.name for a in superior.anniversaries if a.name]
    protected += [a.text for a in superior.anniversaries if a.text]
    rewrite = Rewriter(
        source=source,
        target=unit,
        source_place=source_place,
        target_place=own_place,
        protected=protected,
    )
    return _Drafter(superior, rewrite, vocab, unit, issuer, own_place, style, issued_on).plan()


def _level(level: Level | str | None) -> Level | None:
    if level is None or isinstance(level, Level):
        return level
    try:
        return Level(level)
    except ValueError:
        names = ", ".join(lv.value for lv in Level if lv is not Level.UNKNOWN)
        raise InputError(f"unknown level {level!r}: one of {names}") from None


def _style(format: FormatName | None, issuer: str, superior: Plan) -> NumberStyle:
    if format is not None:
        if format not in ("party", "state"):
            raise InputError(f"unknown format {format!r}: party or state")
        return NumberStyle(format)
    if _STATE_BODY.search(fold(issuer)):
        return NumberStyle.STATE
    if fold(issuer).startswith(("đảng ủy", "ban ", "tiểu ban", "chi bộ")):
        return NumberStyle.PARTY
    return superior.style or NumberStyle.PARTY


@attrs.define
class _Drafter:
    superior: Plan
    rewrite: Rewriter
    vocab: Vocabulary
    unit: Unit
    issuer: str
    place: str | None
    style: NumberStyle
    issued_on: dt.date | None

    def items(self, items: Iterable[ContentItem]) -> list[ContentItem]:
        return [self.item(item) for item in items]

    def item(self, item: ContentItem, new_id: str | None = None) -> ContentItem:
        return ContentItem(
            id=new_id or item.id,
            label=item.label,
            text=self.rewrite(item.text),
            children=self.items(item.children),
            implements=item.id or None,
            due=item.due,
        )

    def phase(self, phase: Phase) -> Phase:
        window = phase.window
        if window is not None and window.text:
            window = attrs.evolve(window, text=self.rewrite(window.text))
        return Phase(
            id=phase.id,
            label=phase.label,
            heading=self.rewrite(phase.heading),
            ordinal=phase.ordinal,
            window=window,
            content=self.items(phase.content),
            subphases=[self.phase(sub) for sub in phase.subphases],
        )

    def milestone(self, milestone: Milestone) -> Milestone:
        if milestone.level is not self.rewrite.source[0].level:
            return milestone
        body = milestone.body and self.rewrite(milestone.body)
        return Milestone(
            id=milestone.id,
            name=self.rewrite(milestone.name),
            body=body,
            level=self.unit.level,
            ordinal=None,
            term=milestone.term,
            aliases=[self.rewrite(a) for a in milestone.aliases],
        )

    def plan(self) -> Plan:
        sup = self.superior
        party = self.style is NumberStyle.PARTY
        basis = self.citation()
        others = [
            attrs.evolve(b, id=f"basis{n}", location=None) for n, b in enumerate(sup.bases, 2)
        ]
        bases = [basis, *others]
        title = self.rewrite(sup.title) if sup.title else None
        lead = "; ".join(b.text for b in bases if b.text)
        subject = f" {title[0].lower()}{title[1:]}" if title else ""
        preamble = ContentItem(
            id="preamble/1",
            text=f"Thực hiện {lead}, {self.issuer} xây dựng Kế hoạch{subject} như sau:",
        )
        assignments = self.assignments()
        return Plan(
            issuer=self.issuer,
            superior_body=self.superior_body() if party else None,
            number=self.number(),
            place=self.place or BLANK * 2,
            issued_on=self.issued_on,
            style=self.style,
            kind=sup.kind or "KẾ HOẠCH",
            title=title,
            preamble=[preamble],
            bases=bases,
            purposes=self.items(sup.purposes),
            requirements=self.items(sup.requirements),
            milestones=[self.milestone(m) for m in sup.milestones],
            anniversaries=sup.anniversaries,
            phases=[self.phase(p) for p in sup.phases],
            standing_content=self.items(sup.standing_content),
            forms=[
                Form(
                    id=f.id,
                    label=f.label,
                    kind=f.kind,
                    also=f.also,
                    title=self.rewrite(f.title),
                    content=self.items(f.content),
                )
                for f in sup.forms
            ],
            assignments=assignments,
            closing=self.items(sup.closing),
            recipients=self.recipients(assignments),
            signature=self.signature(),
            sections=[
                SectionHeading(
                    id=s.id, part=s.part, label=s.label, title=self.rewrite(s.title), level=s.level
                )
                for s in sup.sections
            ],
            notes=[Note(id=n.id, part=n.part, text=self.rewrite(n.text)) for n in sup.notes],
        )

    def citation(self) -> Citation:
        sup = self.superior
        kind = sup.kind.strip().capitalize() if sup.kind else "Kế hoạch"
        parts = [kind]
        if sup.number is not None:
            parts.append(f"số {sup.number}")
        text = " ".join(parts)
        if sup.issued_on is not None:
            text += f", ngày {sup.issued_on.day:02d}/{sup.issued_on.month}/{sup.issued_on.year}"
        if sup.issuer:
            text += f" của {sup.issuer}"
        if sup.title:
            text += f" về {sup.title[0].lower()}{sup.title[1:]}"
        return Citation(
            id="basis1",
            kind=kind,
            number=sup.number,
            issued_on=sup.issued_on,
            issuer=sup.issuer,
            title=sup.title,
            text=text,
        )

    def source_unit(self) -> Unit:
        return self.rewrite.source[0]

    def superior_body(self) -> str | None:
        sup = self.superior
        if (
            sup.superior_body
            and level_of(sup.superior_body, self.vocab) is self.source_unit().level
        ):
            return sup.superior_body
        place = self.rewrite.source_place
        if place:
            return f"Đảng bộ {self.source_unit().word} {place}"
        return sup.superior_body

    def number(self) -> str:
        if self.style is NumberStyle.STATE:
            return f"{BLANK}/KH-UBND"
        return f"{BLANK}-KH/{self.unit.code}"

    def own_bodies(self, body: str) -> str | None:
        """What the draft calls a body the superior names for every unit of its level."""
        folded = fold(body)
        words = _alternatives_re(u.word for u in self.vocab.units_of(self.unit.level))
        every_unit = re.search(
            rf"(?<!\w)(?:các|cấp)(?!\w)[^;]*?(?<!\w)(?:{words})(?!\w)(?!\s+hội)", folded
        )
        directly_under = re.search(r"(?<!\w)(?:đảng\s+bộ|đảng\s+ủy)[^;]*?trực\s+thuộc", folded)
        if not every_unit and not directly_under:
            every_level = re.search(r"(?<!\w)các\s+cấp(?!\w)", folded)
            if every_level is None:
                return None  # a body of the superior's own: its tasks stay with it
            start, end = every_level.span()  # "Hội đồng Thi đua - Khen thưởng các cấp"
            return f"{body[:start]}{self.unit.word}{body[end:]}".strip()
        if _STATE_BODY.search(folded):
            return self.vocab.peoples_committee.format(unit=self.unit.word)
        if re.search(r"(?<!\w)(?:đảng\s+ủy|cấp\s+ủy|đảng\s+bộ)(?!\w)", folded):
            return self.vocab.board(self.unit)
        return None

    def assignments(self) -> list[Assignment]:
        out: list[Assignment] = []
        by_body: dict[str, list[ContentItem]] = {}
        roles: dict[str, Role] = {}
        for assignment in self.superior.all_assignments():
            names = [self.own_bodies(b) for b in assignment.bodies]
            name = next((n for n in names if n), None)
            if name is None or not assignment.tasks:
                continue
            by_body.setdefault(name, []).extend(assignment.tasks)
            board = name == self.vocab.board(self.unit)
            roles[name] = Role.ADVISE if board else Role.IMPLEMENT
        for n, (name, tasks) in enumerate(by_body.items(), 1):
            aid = f"assignment{n}"
            out.append(
                Assignment(
                    id=aid,
                    label=f"{n}.",
                    bodies=[name],
                    role=roles[name],
                    heading=name,
                    tasks=[self.item(t, f"{aid}/{k}") for k, t in enumerate(tasks, 1)],
                )
            )
        if not out:  # the superior gives this level nothing by name: the office fills it in
            out.append(
                Assignment(
                    id="assignment1",
                    label="1.",
                    heading=BLANK * 2,
                    tasks=[ContentItem(id="assignment1/1", label="-", text=BLANK * 2)],
                )
            )
        return out

    def recipients(self, assignments: list[Assignment]) -> list[Recipient]:
        sup = self.superior
        lines: list[tuple[str, RecipientPurpose, str]] = []
        if sup.issuer:
            lines.append((sup.issuer, RecipientPurpose.REPORT, "b/c"))
        committee = self.source_unit().committee
        party = self.style is NumberStyle.PARTY
        if party and (not sup.issuer or fold(committee) not in fold(sup.issuer)):
            name = committee
            if self.rewrite.source_place:
                name = f"{committee} {self.rewrite.source_place}"
            lines.append((name, RecipientPurpose.REPORT, "b/c"))
        for a in assignments:
            if a.bodies:
                lines.append((a.heading, RecipientPurpose.IMPLEMENT, "để thực hiện"))
        out = [
            Recipient(id=f"recipient{n}", name=name, purpose=purpose, text=f"- {name} ({why});")
            for n, (name, purpose, why) in enumerate(lines, 1)
        ]
        out.append(
            Recipient(
                id=f"recipient{len(out) + 1}",
                name="Lưu VT",
                purpose=RecipientPurpose.ARCHIVE,
                text="- Lưu VT.",
            )
        )
        return out

    def signature(self) -> Signature:
        if self.style is NumberStyle.STATE:
            return Signature(
                authority="TM.",
                on_behalf_of="ỦY BAN NHÂN DÂN",
                title=BLANK * 2,
                signer=BLANK * 2,
            )
        body = _collective(self.issuer, self.vocab) or self.issuer.upper()
        return Signature(authority="T/M", on_behalf_of=body, title=BLANK * 2, signer=BLANK * 2)


def _collective(issuer: str, vocabulary: Vocabulary) -> str | None:
    """The body a signature signs for: the issuer's words before its unit, upper case.

    >>> _collective("Ban Thường vụ Huyện ủy Cao Lộc", DEFAULT_VOCABULARY)
    'BAN THƯỜNG VỤ'
    >>> _collective("Đảng ủy xã Hoàng Văn Thụ", DEFAULT_VOCABULARY)
    'ĐẢNG ỦY'
    """
    found = sorted(_finds(issuer, vocabulary), key=lambda f: (f[0], -len(f[1].committee)))
    if not found:
        return None
    at, unit = found[0]
    head = issuer[:at].strip(" ,-")
    if not head:
        committee = issuer[at : at + len(unit.committee)]
        if fold(committee) == fold(unit.committee) and fold(committee).endswith(fold(unit.word)):
            head = committee[: len(committee) - len(unit.word)].strip()
    return head.upper() or None


def _alternatives_re(words: Iterable[str]) -> str:
    return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
