"""The tail of a plan: recipients (*Nơi nhận*), the signature and the e-signature trailer.

In a PDF the recipients and the signature sit side by side, so extraction can
interleave their lines; each line is classified on its own:

* ``T/M BAN THƯỜNG VỤ`` (``TM.``, ``K/T``, ``KT.``, ``T/L``, ``TL.``, ``TUQ.``,
  ``Q.``): the authority and the body it signs for (a title glued on the same
  line, as in ``T/M BAN THƯỜNG VỤ BÍ THƯ``, is split off); a second marker line
  (``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``) is the second
  tier, the head the signer signs for;
* other upper-case lines: the signer's title;
* ``- Name (để b/c);``, ``Lưu VT``, template blanks: recipients;
* a short line of capitalised words after the title: the signer.

>>> purpose_of("- Thành ủy Cần Thơ (để b/c);").value, purpose_of("- Lưu Văn phòng Quận ủy.").value
('report', 'archive')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs

from .._elements import Location, Part, SectionHeading
from .._model import DigitalSignature, Recipient, RecipientPurpose, Signature
from .._source import SourceLine
from .context import Context
from .lines import is_upper_heading
from .vocab import fold

__all__ = ["purpose_of", "read_tail", "read_trailer"]

_AUTHORITY_RE = re.compile(r"(T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.(?=\s*[A-ZĐ]))\s*")
_TITLES = (
    "PHÓ BÍ THƯ THƯỜNG TRỰC",
    "PHÓ BÍ THƯ",
    "BÍ THƯ",
    "PHÓ CHỦ TỊCH",
    "CHỦ TỊCH",
    "PHÓ GIÁM ĐỐC",
    "GIÁM ĐỐC",
    "PHÓ TRƯỞNG BAN",
    "TRƯỞNG BAN",
    "PHÓ TRƯỞNG PHÒNG",
    "TRƯỞNG PHÒNG",
    "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG",
)
_TITLE_RE = re.compile(r"\s(" + "|".join(t.replace(" ", r"\s+") for t in _TITLES) + r")$")
_RECIPIENTS_RE = re.compile(r"Nơi\s+nhận\s*:?\s*")
_NAME_RE = re.compile(r"[A-ZĐÀ-Ỹ][^\s\d]*(?:\s+[A-ZĐÀ-Ỹ][^\s\d]*){1,5}")
_PURPOSE_WORDS = (
    (("b/c", "báo cáo", "để bc"), RecipientPurpose.REPORT),
    (("thực hiện", "t/h", "t/hiện"), RecipientPurpose.IMPLEMENT),
    (("phối hợp", "p/h"), RecipientPurpose.COORDINATE),
    (("để biết", "theo dõi", "để b/"), RecipientPurpose.INFORM),
)
_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?"
)
_SIGNER_RE = re.compile(r"(?P<signer>[^<]*?)\s*<(?P<email>[^>\s]+@[^>\s]+)>")


def purpose_of(text: str) -> RecipientPurpose:
    """Why a recipient line sends the plan.

    ``Như trên`` / ``Như Mục IV`` / ``Như Điều 3`` name the bodies the plan addresses
    (those assigned tasks): they receive it to carry it out.

    >>> purpose_of("- Như Mục IV;").value
    'implement'
    """
    folded = fold(text)
    if re.match(r"[-–+•\s]*lưu\b", folded):
        return RecipientPurpose.ARCHIVE
    if re.match(r"[-–+•\s]*như\s+(?:trên|mục|điều|phần|khoản|điểm)\b", folded):
        return RecipientPurpose.IMPLEMENT
    stated = re.search(r"\(([^()]{1,40})\)\s*[,;.]?\s*$|(?:^|[\s,])(để\s.{1,30})$", folded)
    scope = (stated.group(1) or stated.group(2)) if stated else ""
    for words, purpose in _PURPOSE_WORDS:
        if "b/c" in folded and purpose is RecipientPurpose.REPORT:
            return purpose
        if any(word in scope for word in words):
            return purpose
    return RecipientPurpose.UNSPECIFIED


def _recipient(text: str, location: Location) -> Recipient:
    name = re.sub(r"^[-–+•]\s*", "", text).strip()
    name = re.sub(r"\s*\((?:để\s+)?[^()]{1,40}\)\s*[,;.]?$", "", name)
    name = re.sub(r"\s*[,;.]\s*$", "", name)
    name = re.sub(r",?\s+để\s+(?:b/c|biết|thực hiện|phối hợp|theo dõi)\s*$", "", name, flags=re.I)
    return Recipient(name=name, purpose=purpose_of(text), text=text, location=location)


_INNER_AUTHORITY_RE = re.compile(r"\s(?=(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.)\s)")


def _columns(lines: Sequence[SourceLine]) -> list[SourceLine]:
    """Undo side-by-side columns: split a line where the signature column starts."""
    out: list[SourceLine] = []
    for line in lines:
        if line.label and line.label.strip():
            # a docx list label (Word's bullet before a recipient) is printed text here
            line = attrs.evolve(line, text=f"{line.label.strip()} {line.text}", label=None)
        text = line.text
        inner = _INNER_AUTHORITY_RE.search(text)
        title = _TITLE_RE.search(text) if not is_upper_heading(text) else None
        cut = inner.start() if inner else (title.start() if title else None)
        if cut is None or cut == 0:
            out.append(line)
            continue
        out.append(line.sub(0, cut))
        out.append(line.sub(cut))
    return out


def _loc(line: SourceLine) -> Location:
    return line.location()


@attrs.define
class _Block:
    """The signature block as it is read, tier by tier."""

    tiers: list[tuple[str, str | None]] = attrs.field(factory=list)
    title: str | None = None
    signer: str | None = None
    used: list[int] = attrs.field(factory=list)
    first: SourceLine | None = None
    """The line of the first authority marker."""

    def marker(self, marker: str, rest: str) -> None:
        """A marker line: a tier, with the title glued after it split off."""
        glued = _TITLE_RE.search(" " + rest)
        if glued and glued.start() > 0:
            self.title = glued.group(1)
            rest = rest[: glued.start() - 1].strip()
        self.tiers.append((marker, rest or None))

    def upper(self, text: str) -> None:
        """An upper-case line: what the last tier signs for, else (part of) the title."""
        if self.tiers and self.tiers[-1][1] is None and self.title is None:
            self.tiers[-1] = (self.tiers[-1][0], text)
        else:
            self.title = text if self.title is None else f"{self.title} {text}"

    def _location(self) -> Location | None:
        """From the first line of the block (with its column) to the last."""
        if not self.used:
            return None
        if self.first is None or self.first.line != min(self.used):
            return Location(min(self.used), max(self.used))
        return attrs.evolve(self.first.location(), end_line=max(self.used))

    def signature(self) -> Signature | None:
        if not (self.tiers or self.title or self.signer):
            return None
        first = self.tiers[0] if self.tiers else (None, None)
        second = self.tiers[1] if len(self.tiers) > 1 else (None, None)
        return Signature(
            authority=first[0],
            on_behalf_of=first[1],
            deputy_authority=second[0],
            deputy_for=second[1],
            title=self.title,
            signer=self.signer,
            location=self._location(),
        )


def read_tail(
    lines: Sequence[SourceLine], ctx: Context
) -> tuple[list[Recipient], Signature | None]:
    """Recipients and the signature block (one or two tiers) from the tail lines."""
    recipients: list[Recipient] = []
    block = _Block()
    in_recipients = False
    for line in _columns(lines):
        text = line.text
        marker = _AUTHORITY_RE.match(text)
        if marker and (len(block.tiers) == 2 or (block.tiers and block.title is not None)):
            ctx.fragment(
                text,
                "a further signing authority in the recipients and signature block",
                _loc(line),
            )
            continue
        if marker:
            block.marker(marker.group(1), text[marker.end() :].strip())
            block.used.append(line.line)
            block.first = block.first or line
            continue
        head = _RECIPIENTS_RE.match(text)
        if head:
            in_recipients = True
            ctx.sections.append(
                SectionHeading(
                    part=Part.RECIPIENTS, title=text[: head.end()].strip(), location=_loc(line)
                )
            )
            rest = text[head.end() :].strip()
            if rest:
                recipients.append(_recipient(rest, _loc(line)))
            continue
        if is_upper_heading(text) and not text.startswith(("-", "–")):
            block.upper(text)
            block.used.append(line.line)
            continue
        if in_recipients and (text[0] in "-–+•…." or fold(text).startswith("lưu")):
            recipients.append(_recipient(text, _loc(line)))
            continue
        if (block.tiers or block.title) and block.signer is None and _NAME_RE.fullmatch(text):
            block.signer = text
            block.used.append(line.line)
            continue
        if in_recipients and recipients and not recipients[-1].text.endswith((",", ";", ".")):
            last = recipients.pop()
            joined = f"{last.text} {text}"
            start = last.location.line if last.location else line.line
            recipients.append(_recipient(joined, Location(start, line.line)))
            continue
        ctx.fragment(text, "not understood in the recipients and signature block", _loc(line))
    return recipients, block.signature()


def read_trailer(lines: Sequence[SourceLine]) -> DigitalSignature | None:
    """The digital-signature trailer: timestamp, place, signer and e-mail."""
    if not lines:
        return None
    text = "\n".join(line.text for line in lines)
    signed_at = None
    match = _ISO_RE.search(text)
    if match:
        signed_at = _timestamp(match)
    place = None
    signer = email = None
    for line in lines[1:]:
        found = _SIGNER_RE.search(line.text)
        if found:
            signer = found.group("signer").strip() or None
            email = found.group("email")
        elif place is None and not _ISO_RE.search(line.text):
            place = line.text
    return DigitalSignature(signed_at=signed_at, place=place, signer=signer, email=email, text=text)


def _timestamp(match: re.Match[str]) -> dt.datetime | None:
    zone = match.group(7)
    if zone is None:
        tz = dt.timezone(dt.timedelta(hours=7))  # Vietnam: no offset printed means local time
    elif zone == "Z":
        tz = dt.UTC
    else:
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
        if offset >= dt.timedelta(hours=24):
            return None  # not a real UTC offset: keep the trailer text, no signing time
        tz = dt.timezone(sign * offset)
    try:
        return dt.datetime(
            int(match.group(1)),
            int(match.group(2)),
            int(match.group(3)),
            int(match.group(4)),
            int(match.group(5)),
            int(match.group(6) or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None
