"""The tail of a plan: recipients (*Nơi nhận*), the signature, the e-signature trailer, annexes.

In a PDF the recipients and the signature sit side by side, so extraction can
interleave their lines; each line is classified on its own:

* ``T/M BAN THƯỜNG VỤ`` (``TM.``, ``K/T``, ``KT.``, ``T/L``, ``TL.``, ``TUQ.``,
  ``Q.``): the authority and the body it signs for (a title glued on the same
  line, as in ``T/M BAN THƯỜNG VỤ BÍ THƯ``, is split off; a body wrapped onto
  the next line, ``TM. ỦY BAN NHÂN`` / ``DÂN``, is joined); a second marker line
  (``TM. ỦY BAN NHÂN DÂN`` / ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH``) is the second
  tier, the head the signer signs for;
* other upper-case lines: the signer's title;
* ``- Name (để b/c);``, ``Lưu VT``, template blanks, a line ending in ``;``:
  recipients; several packed on one line (``- Như trên; - Lưu VT.``) are split;
  a line without a bullet continues the recipient before it unless that one was
  closed; a purpose printed alone in a column beside the list (``(để b/cáo)``)
  goes to a recipient (see :func:`_place_purposes`);
* a short line of capitalised words after the title: the signer.

The digital-signature stamp (a timestamp ``2024-11-25T09:13:50+0700`` or
``13-10-2025 11:04:17 +07:00``, the signing body or person above it, its e-mail,
``... đã ký lên văn bản này!``) is read by :func:`read_trailer`, wherever the
zones left it. From an annex heading after the signature (*Phụ lục*, *Mẫu biểu*,
*Đề cương*, *Khẩu hiệu*, or a line in capitals after the signer's name) on,
lines are notes of :attr:`Part.SIGNATURE`, the last part of the plan (the model
has no annex part); web-page footnotes (``[1] ...``) and other lines after the
name stay fragments, read neither as recipients nor as the signature. Markdown
emphasis (``**``) and table borders (``|``) are markup, not text.

>>> purpose_of("- Thành ủy Cần Thơ (để b/c);").value, purpose_of("- Lưu Văn phòng Quận ủy.").value
('report', 'archive')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

import attrs

from .._elements import Location, Note, Part, SectionHeading
from .._model import DigitalSignature, Recipient, RecipientPurpose, Signature
from .context import Context
from .lines import is_upper_heading
from .source import SourceLine, join_locations
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
# A line naming an office (folded): a title, not the body a tier signs for.
_TITLE_WORDS_RE = re.compile(
    r"^phó\s|(?<!\w)(?:trưởng|bí\s+thư|chủ\s+tịch|giám\s+đốc|chánh|chủ\s+nhiệm|ủy\s+viên)(?!\w)"
)
_RECIPIENTS_RE = re.compile(r"Nơi\s+nhận\s*:?\s*")
_NAME_RE = re.compile(r"[A-ZĐÀ-Ỹ][^\s\d;:,()]*(?:\s+[A-ZĐÀ-Ỹ][^\s\d;:,()]*){1,5}")
_PURPOSE_WORDS = (
    (("b/c", "báo cáo", "để bc"), RecipientPurpose.REPORT),
    (("thực hiện", "t/h", "t/hiện"), RecipientPurpose.IMPLEMENT),
    (("phối hợp", "p/h"), RecipientPurpose.COORDINATE),
    (("để biết", "theo dõi", "để b/"), RecipientPurpose.INFORM),
)
_STATED_RE = re.compile(r"\(([^()]{1,40})\)\s*[,;.]?\s*$|(?:^|[\s,])(để\s.{1,30})$")
_BULLETS = "-–+•"
# Several recipients on one line: a bullet after a recipient's closing punctuation.
_PACKED_RE = re.compile(r"(?<=[;,.])\s+(?=[-–•]\s*\S)")
_PURPOSE_ONLY_RE = re.compile(r"\(\s*(?:để\s+)?[^()]{1,20}\)\s*[,;.]?")
# Annexes, forms, outlines and slogans printed after the signature.
_ANNEX_RE = re.compile(
    r"(?:PHỤ\s+LỤC|Phụ\s+lục|MẪU|Mẫu|BIỂU\s+MẪU|Biểu\s+mẫu|BIỂU|Biểu\s+số|ĐỀ\s+CƯƠNG|Đề\s+cương"
    r"|KHẨU\s+HIỆU|Khẩu\s+hiệu|DANH\s+SÁCH|DANH\s+MỤC|BẢNG|\(?\s*Kèm\s+theo)(?!\w)"
)
_WEB_NOTE_RE = re.compile(r"\[\d{1,3}\](?!\()")
# The docx writer puts fragments with this reason back in the tail.
_NOT_UNDERSTOOD = "not understood in the recipients and signature block"

_OFFSET = r"(Z|[+-]\d{2}:?\d{2}|GMT\s*[+-]\d{1,2}(?::?\d{2})?)"
_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*" + _OFFSET + "?"
)
_DMY_RE = re.compile(
    r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*" + _OFFSET + "?"
)
_STAMP_LABEL_RE = re.compile(
    r"(?:thời\s+gian\s+ký|ngày\s+giờ\s+ký|ngày\s+ký|ký\s+ngày|signed\s+at|date)\s*:?\s*", re.I
)
_SIGNED_BY_RE = re.compile(
    r"(?:ký\s+bởi|người\s+ký|cơ\s+quan|tổ\s+chức|signed\s+by|signer)\s*:\s*(?P<who>.+)$", re.I
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_SIGNER_RE = re.compile(r"(?P<signer>[^<]*?)\s*<(?P<email>[^>\s]+@[^>\s]+)>")
_EMAIL_LABEL_RE = re.compile(r"e-?mail\s*:\s*", re.I)
_SIGNED_RE = re.compile(r"đã\s+ký|ký\s+lên|@")


def purpose_of(text: str) -> RecipientPurpose:
    """Why a recipient line sends the plan.

    ``Như trên`` / ``Như Mục IV`` / ``Như Điều 3`` name the bodies the plan addresses
    (those assigned tasks): they receive it to carry it out.

    >>> purpose_of("- Như Mục IV;").value, purpose_of("(để t/h)").value
    ('implement', 'implement')
    """
    folded = fold(text.replace("*", ""))
    if re.match(r"[-–+•\s]*lưu\b", folded):
        return RecipientPurpose.ARCHIVE
    if re.match(r"[-–+•\s]*như\s+(?:trên|mục|điều|phần|khoản|điểm)\b", folded):
        return RecipientPurpose.IMPLEMENT
    stated = _STATED_RE.search(folded)
    scope = (stated.group(1) or stated.group(2)) if stated else ""
    for words, purpose in _PURPOSE_WORDS:
        if "b/c" in folded and purpose is RecipientPurpose.REPORT:
            return purpose
        if any(word in scope for word in words):
            return purpose
    return RecipientPurpose.UNSPECIFIED


def _states_purpose(text: str) -> bool:
    """Whether ``text`` (a parenthesis or a trailing ``để ...``) says why a recipient gets it."""
    return purpose_of(f"x {text}") not in (RecipientPurpose.UNSPECIFIED, RecipientPurpose.ARCHIVE)


def _recipient_name(text: str) -> str:
    """The recipient as printed, without bullet, stated purpose and closing punctuation."""
    name = re.sub(r"^[-–+•]\s*", "", text.replace("*", "")).strip()
    name = re.sub(r"[\s,;.]*(?:\./\.)?[\s,;.]*$", "", name)
    stated = re.search(r"\s*\(([^()]{1,40})\)$", name)
    if stated and _states_purpose(stated.group(0)):
        name = name[: stated.start()]
    name = re.sub(r",?\s+để\s+(?:b/c|biết|thực hiện|phối hợp|theo dõi)$", "", name, flags=re.I)
    return re.sub(r"[\s,;.]+$", "", name)


def _recipient(text: str, location: Location) -> Recipient:
    return Recipient(
        name=_recipient_name(text), purpose=purpose_of(text), text=text, location=location
    )


_INNER_AUTHORITY_RE = re.compile(r"\s(?=(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.)\s)")
_BOLD_RE = re.compile(r"(?<!\*)\*\*(?!\*)")
# Markdown emphasis; a ``*`` with a blank on each side is printed (``b/a * 100%``).
_EMPHASIS_RE = re.compile(r"(?<!\s)\*+|\*+(?!\s)")


def _unmarked(lines: Sequence[SourceLine]) -> Iterator[SourceLine]:
    """Lines without Markdown markup: a bold run wrapped over lines is joined first."""
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.label and line.label.strip():
            # a docx list label (Word's bullet before a recipient) is printed text here
            line = attrs.evolve(line, text=f"{line.label.strip()} {line.text}", label=None)
        text = line.text
        joined = 0
        # an unclosed ``**`` (``**TM. ỦY BAN NHÂN`` / ``DÂN**``): the bold run goes on
        while len(_BOLD_RE.findall(text)) % 2 and index < len(lines) and joined < 2:
            following = lines[index]
            joined += 1
            if not following.text.strip(" |*") or _AUTHORITY_RE.match(following.text.strip("* ")):
                break
            text = f"{text} {following.text}"
            end = following.end_line if following.end_line is not None else following.line
            line = attrs.evolve(line, end_line=end)
            index += 1
        if "*" not in text and text is line.text:
            if text.strip(" |_"):
                yield line  # nothing to take out: the line and its source map as they are
            continue
        plain = " ".join(_EMPHASIS_RE.sub("", text).split())
        if plain.strip(" |_*"):
            yield attrs.evolve(line, text=plain)


def _columns(lines: Sequence[SourceLine]) -> list[SourceLine]:
    """Undo side-by-side columns: split a line where the signature column starts."""
    out: list[SourceLine] = []
    for line in _unmarked(lines):
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


def _stamp_time(text: str) -> re.Match[str] | None:
    """The timestamp of a line that holds nothing else (after a label like *Thời gian ký:*)."""
    rest = _STAMP_LABEL_RE.sub("", text.strip(), count=1).strip(" .")
    for pattern in (_ISO_RE, _DMY_RE):
        match = pattern.fullmatch(rest)
        if match:
            return match
    return None


def _is_name(text: str) -> bool:
    """A person's name: two to six capitalised words, no digits, no closing punctuation."""
    return (
        _NAME_RE.fullmatch(text) is not None
        and all(word[0].isupper() for word in text.split())
        and not text.endswith(".")
    )


def _is_title(text: str) -> bool:
    return bool(_TITLE_WORDS_RE.search(fold(text)))


def _stamp_before(line: SourceLine, earlier: Sequence[SourceLine]) -> bool:
    """A line just above a timestamp that names who signed: a body in capitals, an e-mail."""
    text = line.text
    if _EMAIL_RE.search(text) or _SIGNED_BY_RE.match(text):
        return True
    named = any(_is_name(each.text) for each in earlier)
    return (
        named
        and is_upper_heading(text)
        and not _AUTHORITY_RE.match(text)
        and not _is_title(text)
        and not text.startswith(tuple(_BULLETS))
    )


def _take_stamps(lines: list[SourceLine]) -> tuple[list[SourceLine], list[SourceLine]]:
    """Split the digital-signature stamp (timestamp and the lines around it) off the tail."""
    at = next((i for i, line in enumerate(lines) if _stamp_time(line.text)), None)
    if at is None:
        return lines, []
    start = at
    while start > 0 and at - start < 2 and _stamp_before(lines[start - 1], lines[: start - 1]):
        start -= 1
    stop = at + 1
    for offset in range(at + 1, min(at + 4, len(lines))):
        if _SIGNED_RE.search(lines[offset].text):
            stop = offset + 1
            break
    return lines[:start] + lines[stop:], lines[start:stop]


@attrs.define
class _Block:
    """The signature block as it is read, tier by tier."""

    tiers: list[tuple[str, str | None]] = attrs.field(factory=list)
    title: str | None = None
    signer: str | None = None
    used: list[int] = attrs.field(factory=list)
    first: SourceLine | None = None
    """The line of the first authority marker."""

    @property
    def started(self) -> bool:
        return bool(self.tiers or self.title or self.signer)

    def marker(self, marker: str, rest: str) -> None:
        """A marker line: a tier, with the title glued after it split off."""
        glued = _TITLE_RE.search(" " + rest)
        if glued and glued.start() > 0:
            self.title = glued.group(1)
            rest = rest[: glued.start() - 1].strip()
        self.tiers.append((marker, rest or None))

    def upper(self, text: str, *, after_marker: bool) -> None:
        """An upper-case line: what the last tier signs for, else (part of) the title.

        Right after a marker line, a line that names no office continues the body
        the tier signs for (``TM. ỦY BAN NHÂN`` / ``DÂN``).
        """
        last = self.tiers[-1] if self.tiers else None
        if (
            last
            and self.title is None
            and (last[1] is None or (after_marker and not _is_title(text)))
        ):
            self.tiers[-1] = (last[0], text if last[1] is None else f"{last[1]} {text}")
        else:
            self.title = text if self.title is None else f"{self.title} {text}"

    def _location(self) -> Location | None:
        """From the first line of the block (with its column) to the last."""
        if not self.used:
            return None
        if self.first is None or self.first.line != min(self.used):
            return Location(min(self.used), max(self.used))
        return attrs.evolve(self.first.location(), end_line=max(self.used))

    def signature(self, digital: DigitalSignature | None) -> Signature | None:
        if not (self.started or digital):
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
            digital=digital,
            location=self._location(),
        )


def _closes(text: str, separator: str) -> bool:
    """Whether a recipient line is finished: ``.``, or the list's own separator."""
    return text.endswith((".", separator)) or (separator == "," and text.endswith(";"))


def _separator(recipients: Sequence[Recipient]) -> str:
    """The punctuation that ends each recipient in this list so far: ``;`` or ``,``."""
    ends = [r.text[-1] for r in recipients if r.text[-1:] in (";", ",")]
    return "," if ends.count(",") > ends.count(";") else ";"


def _place_purposes(
    recipients: list[Recipient], detached: list[tuple[str, Location]]
) -> list[tuple[str, Location]]:
    """Give the purposes printed alone beside the list to recipients without one.

    Extraction puts such a column (``(để b/cáo)``, ``(để t/h)``) after the list,
    so its rows are lost; their order is kept. Recipients run from the bodies
    reported to down to those that carry the plan out, so the first purpose goes
    to the first recipient without one, the last to the last, those between in
    order; a single one goes to the first for a report, else to the last.
    Returns the purposes no recipient could take (kept by the caller, not lost).
    """
    open_ = [
        i
        for i, r in enumerate(recipients)
        if r.purpose is RecipientPurpose.UNSPECIFIED and not r.name.startswith("…")
    ]
    if not open_ or not detached:
        return list(detached)
    if len(detached) == 1:
        report = purpose_of(detached[0][0]) is RecipientPurpose.REPORT
        targets = [open_[0] if report else open_[-1]]
    elif len(detached) >= len(open_):
        targets = open_
    else:
        targets = [*open_[: len(detached) - 1], open_[-1]]
    for index, (text, where) in zip(targets, detached, strict=False):
        was = recipients[index]
        joined = f"{was.text} {text}"
        location = join_locations(was.location, len(was.text), where)
        recipients[index] = attrs.evolve(
            was, purpose=purpose_of(joined), text=joined, location=location
        )
    return detached[len(targets) :]


def read_tail(
    lines: Sequence[SourceLine], ctx: Context
) -> tuple[list[Recipient], Signature | None]:
    """Recipients and the signature block (one or two tiers) from the tail lines.

    The digital-signature stamp found among the lines is the signature's ``digital``;
    annexes after the signature become notes of :attr:`Part.SIGNATURE`.
    """
    columns, stamp = _take_stamps(_columns(lines))
    recipients: list[Recipient] = []
    detached: list[tuple[str, Location]] = []
    block = _Block()
    in_recipients = False
    annex = footnotes = False
    previous = ""
    for index, line in enumerate(columns):
        text, where = line.text, _loc(line)
        kind, previous = previous, ""
        # the separator of the recipients just before (a bounded look: lists can be long)
        closed = not recipients or _closes(recipients[-1].text, _separator(recipients[-13:-1]))
        if footnotes or (block.started and _WEB_NOTE_RE.match(text)):
            footnotes = True
            ctx.fragment(text, _NOT_UNDERSTOOD, where)
            continue
        signed = block.signer is not None and index + 1 < len(columns)
        annex = annex or (block.started and _annex_heading(text, signed=signed))
        if annex:
            ctx.notes.append(Note(part=Part.SIGNATURE, text=text, location=where))
            continue
        unfinished = bool(recipients) and not recipients[-1].text.endswith(".")
        if block.signer is not None and not _after_signer(
            text, closed=closed, unfinished=unfinished
        ):
            ctx.fragment(text, _NOT_UNDERSTOOD, where)
            continue
        marker = _AUTHORITY_RE.match(text)
        if marker and (len(block.tiers) == 2 or (block.tiers and block.title is not None)):
            ctx.fragment(
                text, "a further signing authority in the recipients and signature block", where
            )
            continue
        if marker:
            block.marker(marker.group(1), text[marker.end() :].strip())
            block.used.append(line.line)
            block.first = block.first or line
            previous = "marker"
            continue
        head = _RECIPIENTS_RE.match(text)
        if head:
            in_recipients = True
            ctx.sections.append(
                SectionHeading(
                    part=Part.RECIPIENTS, title=text[: head.end()].strip(), location=where
                )
            )
            rest = text[head.end() :].strip()
            if rest:
                recipients += [_recipient(piece, where) for piece in _PACKED_RE.split(rest)]
            continue
        if _PURPOSE_ONLY_RE.fullmatch(text) and _states_purpose(text):
            detached.append((text, where))
            continue
        if is_upper_heading(text) and not text.startswith(tuple(_BULLETS)):
            block.upper(text, after_marker=kind == "marker")
            block.used.append(line.line)
            continue
        if text[0] in _BULLETS + "…." or _archive(
            text, naming=block.started and block.signer is None
        ):
            recipients += [_recipient(p, line.location_of(p)) for p in _PACKED_RE.split(text)]
            continue
        if block.started and block.signer is None and _is_name(text):
            block.signer = text
            block.used.append(line.line)
            continue
        if recipients and not closed:
            last = recipients.pop()
            joined = join_locations(last.location, len(last.text), where)
            recipients.append(_recipient(f"{last.text} {text}", joined or where))
            continue
        if (in_recipients or recipients) and (text.endswith((";", ",")) or _states_purpose(text)):
            recipients.append(_recipient(text, where))
            continue
        ctx.fragment(text, _NOT_UNDERSTOOD, where)
    for text, where in _place_purposes(recipients, detached):
        ctx.fragment(text, "a purpose printed apart that no recipient could take", where)
    return recipients, block.signature(read_trailer(stamp))


def _archive(text: str, *, naming: bool) -> bool:
    """``Lưu VT``, ``Lưu: Văn phòng``; not the signer *Lưu Quang Huy* (Lưu is a surname too)."""
    if not fold(text).startswith("lưu"):
        return False
    if naming and _is_name(text):
        return bool(re.match(r"Lưu\s+(?:VT|VP|HS)\b", text))
    return True


def _annex_heading(text: str, *, signed: bool) -> bool:
    """The heading of an annex, form, outline or slogans printed after the signature.

    *Phụ lục*, *Mẫu*, *Đề cương*, *Khẩu hiệu* ...; after the signer's name and with
    lines after it, any line in capitals that names no office (the last line alone is
    more likely the signing body of a stamp the zones took away). A heading does not
    end with a full stop.
    """
    if text.endswith("."):
        return False
    if _ANNEX_RE.match(text):
        return True
    return (
        signed
        and is_upper_heading(text)
        and not _is_title(text)
        and not _AUTHORITY_RE.match(text)
        and not _RECIPIENTS_RE.match(text)
    )


def _after_signer(text: str, *, closed: bool, unfinished: bool = False) -> bool:
    """Whether a line after the signer's name is still a signature or recipient line.

    An office printed under the name, a purpose, a recipient of a list still open
    (its last recipient unfinished, or the list not ended with a full stop: the
    rest of a list the page break carried over, as a PDF shows it after the
    signature), or a further signing authority; other lines are not read as either.
    """
    if is_upper_heading(text):
        return _is_title(text) or bool(_AUTHORITY_RE.match(text))
    if _PURPOSE_ONLY_RE.fullmatch(text):
        return _states_purpose(text)
    bullet = text[0] in _BULLETS
    if not closed and not bullet and (text[:1].islower() or text.endswith((";", ","))):
        return True  # the rest of a recipient the page break carried over
    recipient = bullet or _archive(text, naming=False)
    return recipient and (not closed or (unfinished and bullet))


def read_trailer(lines: Sequence[SourceLine]) -> DigitalSignature | None:
    """The digital-signature trailer: timestamp, place, signer and e-mail.

    The lines above the timestamp name who signed (``ĐẢNG UỶ XÃ CÔNG HẢI``); those
    below give the place and ``Name<e-mail> đã ký lên văn bản này!``.

    >>> stamp = read_trailer([SourceLine(text="ĐẢNG UỶ XÃ CÔNG HẢI", line=1),
    ...     SourceLine(text="13-10-2025 11:04:17 +07:00", line=2)])
    >>> stamp.signed_at.isoformat(), stamp.signer
    ('2025-10-13T11:04:17+07:00', 'ĐẢNG UỶ XÃ CÔNG HẢI')
    """
    if not lines:
        return None
    text = "\n".join(line.text for line in lines)
    at = next((i for i, line in enumerate(lines) if _stamp_time(line.text)), None)
    if at is not None:
        found_time = _stamp_time(lines[at].text)
    else:  # a timestamp inside a longer line
        found_time = _ISO_RE.search(text) or _DMY_RE.search(text)
    place = signer = email = None
    for index, line in enumerate(lines):
        value = line.text.strip()
        found = _SIGNER_RE.search(value)
        labelled = _SIGNED_BY_RE.match(value)
        address = _EMAIL_RE.search(value)
        if index == at:
            continue
        if found:
            signer = found.group("signer").strip() or signer
            email = found.group("email")
        elif labelled:
            signer = labelled.group("who").strip()
        elif address:
            email = address.group(0)
            rest = _EMAIL_LABEL_RE.sub("", value.replace(email, "")).strip(" :<>")
            signer = signer or (re.sub(r"\s*đã\s+ký.*$", "", rest) or None)
        elif at is not None and index < at:
            signer = signer or value
        elif place is None and not _SIGNED_RE.search(value) and not _has_time(value):
            place = value
    signed_at = _timestamp(found_time) if found_time else None
    return DigitalSignature(signed_at=signed_at, place=place, signer=signer, email=email, text=text)


def _has_time(text: str) -> bool:
    return bool(_ISO_RE.search(text) or _DMY_RE.search(text))


def _timestamp(match: re.Match[str]) -> dt.datetime | None:
    groups = match.groups()
    if match.re is _DMY_RE:
        day, month, year = groups[0], groups[1], groups[2]
    else:
        year, month, day = groups[0], groups[1], groups[2]
    zone = groups[6]
    if zone is None:
        tz = dt.timezone(dt.timedelta(hours=7))  # Vietnam: no offset printed means local time
    elif zone == "Z":
        tz = dt.UTC
    else:
        zone = re.sub(r"^GMT\s*", "", zone)
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
        offset = dt.timedelta(hours=int(hours), minutes=int(minutes))
        if offset >= dt.timedelta(hours=24):
            return None  # not a real UTC offset: keep the trailer text, no signing time
        tz = dt.timezone(sign * offset)
    try:
        return dt.datetime(
            int(year),
            int(month),
            int(day),
            int(groups[3]),
            int(groups[4]),
            int(groups[5] or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None
