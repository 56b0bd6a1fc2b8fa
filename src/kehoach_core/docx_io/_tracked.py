"""Write edits into an existing docx as Word's own tracked changes (``w:ins`` / ``w:del``).

:func:`track_changes` takes a docx (bytes or a path) and a list of :class:`Edit`
objects and returns the same document with every edit as a revision by
``author`` at ``date``, optionally with a comment. Only ``word/document.xml``
(the main part, wherever the package puts it) is rewritten; when comments are
added, also ``word/comments.xml`` (created or extended), the main part's
relationships and ``[Content_Types].xml``. Every other entry of the package is
copied unchanged.

Paragraphs are numbered as the reader numbers them (``line`` of a
:class:`~kehoach_core._reading.source.SourceLine` read from a docx): 1-based, in
body order, paragraphs inside tables (row by row, cell by cell, nested tables
in place) included, empty paragraphs counted. Character offsets are in the
paragraph's text as :func:`paragraph_texts` gives it: ``w:t`` text, a tab or
a break as one space, a non-breaking hyphen as ``-``; deleted text, field
instructions and footnote references take no place. (The reader then strips
the text and applies ``caps``; :func:`paragraph_texts` does neither.)

Runs are split at the edit's boundaries, each part keeping a copy of the run's
``w:rPr``; the inserted text takes the properties of the first run it
replaces (or of the run before it).

>>> from kehoach_core import Plan
>>> from kehoach_core.docx_io import to_docx
>>> data = to_docx(Plan(title="Tuyên truyền bầu cử", issuer="UBND XÃ A"))
>>> texts = paragraph_texts(data)
>>> index = texts.index("Tuyên truyền bầu cử") + 1
>>> out = track_changes(data, [Edit(index, 0, 11, "Vận động", old="Tuyên truyền")])
>>> paragraph_texts(out)[index - 1], paragraph_texts(out, accept=False)[index - 1]
('Vận động bầu cử', 'Tuyên truyền bầu cử')
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import itertools
import os
import posixpath
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
from lxml import etree

from .._errors import InputError
from .._reading.docx_parts import _main_part, _rels
from .._reading.docx_safety import check_package

__all__ = ["Edit", "TrackedEditError", "paragraph_texts", "track_changes"]

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + _W_NS + "}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_P, _R, _T, _TBL, _TR, _TC = (_W + n for n in ("p", "r", "t", "tbl", "tr", "tc"))
_SDT, _SDT_CONTENT, _CUSTOM_XML = (_W + n for n in ("sdt", "sdtContent", "customXml"))
_RPR, _PPR, _INS, _DEL = (_W + n for n in ("rPr", "pPr", "ins", "del"))
_DEL_TEXT, _INSTR, _DEL_INSTR = (_W + n for n in ("delText", "instrText", "delInstrText"))
_SYM, _NO_BREAK_HYPHEN = _W + "sym", _W + "noBreakHyphen"
_SPACES = frozenset(_W + n for n in ("tab", "br", "cr", "ptab"))
_CONTAINERS = frozenset(
    _W + n
    for n in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir", "bdo")
)
_RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


class TrackedEditError(InputError):
    """An edit that does not fit the document: no such paragraph, a span outside
    its text, text that differs from the expected ``old``, or overlapping edits."""


@attrs.frozen(kw_only=False)
class Edit:
    """Replace characters ``start`` to ``end`` of paragraph ``paragraph`` by ``text``.

    ``paragraph`` is 1-based in body order (the reader's ``line``); ``start`` and
    ``end`` are 0-based offsets in :func:`paragraph_texts`'s text, ``end``
    excluded (``start == end``: a pure insertion; ``text == ""``: a pure
    deletion). ``old``, when given, is the text the span must hold; when it
    does not, the occurrence of ``old`` in the paragraph nearest to ``start`` is
    used (a reader's stripped text shifts offsets), and a :class:`TrackedEditError`
    is raised when there is none. ``comment`` is attached to the revision; an
    edit whose ``text`` is what the span already holds, with a ``comment``,
    adds the comment alone, anchored on the span.

    ``reverse`` turns the edit around, for showing a *new* version's changes
    against the old one: the span already holds the new text and is marked as
    inserted, and ``text`` (the old text) is put back as deleted text.
    """

    paragraph: int
    start: int
    end: int
    text: str = ""
    old: str | None = attrs.field(default=None, kw_only=True)
    comment: str | None = attrs.field(default=None, kw_only=True)
    reverse: bool = attrs.field(default=False, kw_only=True)


# -- reading the body -------------------------------------------------------------------


def _children(element: Any, tag: str) -> Iterator[Any]:
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


def _paragraphs(container: Any) -> Iterator[Any]:
    """The ``w:p`` elements of a body or cell in the reader's order."""
    for child in container:
        tag = child.tag
        if tag == _P:
            yield child
        elif tag == _TBL:
            for row in _children(child, _TR):
                for cell in _children(row, _TC):
                    yield from _paragraphs(cell)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _paragraphs(content)
        elif tag == _CUSTOM_XML:
            yield from _paragraphs(child)


def _runs(element: Any) -> Iterator[Any]:
    """The runs of a paragraph whose text shows, through containers, in order."""
    for child in element:
        tag = child.tag
        if tag == _R:
            yield child
        elif tag in _CONTAINERS:
            yield from _runs(child)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _runs(content)


def _atom(child: Any) -> str:
    """The text one child of a run stands for."""
    tag = child.tag
    if tag == _T:
        return str(child.text or "")
    if tag in _SPACES:
        return " "
    if tag == _NO_BREAK_HYPHEN:
        return "-"
    if tag == _SYM:
        try:
            value = int(child.get(_W + "char") or "", 16)
        except ValueError:
            return ""
        if 0xF020 <= value <= 0xF07E:
            value -= 0xF000
        return chr(value) if 0 < value <= 0x10FFFF else ""
    return ""


def _run_text(run: Any) -> str:
    return "".join(_atom(child) for child in run)


def _paragraph_text(paragraph: Any) -> str:
    return "".join(_run_text(run) for run in _runs(paragraph))


# -- package ----------------------------------------------------------------------------


def _load(docx: bytes | str | os.PathLike[str]) -> tuple[bytes, str]:
    if isinstance(docx, bytes | bytearray):
        return bytes(docx), "<bytes>"
    with open(docx, "rb") as handle:
        return handle.read(), os.fspath(docx)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _main_name(archive: zipfile.ZipFile) -> str:
    return _main_part(_rels(archive, "/", _parser()))[1:]


def _serialize(root: Any) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


def paragraph_texts(docx: bytes | str | os.PathLike[str], *, accept: bool = True) -> list[str]:
    """The text of every paragraph of the body, in the reader's order (see the module).

    With ``accept`` (the default) tracked changes read as accepted (deleted text
    left out, inserted text kept), as the reader reads them; with
    ``accept=False`` as rejected (inserted text left out, deleted text kept).
    """
    data, source = _load(docx)
    archive = check_package(data, source=source)
    with archive:
        try:
            root = etree.fromstring(archive.read(_main_name(archive)), _parser())
        except (KeyError, ValueError, etree.XMLSyntaxError) as exc:
            raise TrackedEditError(f"cannot read the docx: {exc}", source=source) from exc
    if not accept:
        _reject_all(root)
    body = root.find(_W + "body")
    return [] if body is None else [_paragraph_text(p) for p in _paragraphs(body)]


def _unwrap(element: Any) -> None:
    parent = element.getparent()
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _reject_all(root: Any) -> None:
    """Reject every revision in place: drop insertions, restore deletions."""
    for ins in list(root.iter(_INS)):
        if ins.getparent() is not None and ins.getparent().tag != _RPR:
            ins.getparent().remove(ins)
    for deleted in list(root.iter(_DEL)):
        parent = deleted.getparent()
        if parent is None or parent.tag == _RPR:
            continue
        for text in deleted.iter(_DEL_TEXT):
            text.tag = _T
        for instr in deleted.iter(_DEL_INSTR):
            instr.tag = _INSTR
        _unwrap(deleted)


# -- editing ----------------------------------------------------------------------------


class _Stamp:
    """Author, date and the next free revision id."""

    def __init__(self, author: str, date: dt.datetime, first_id: int) -> None:
        self.author = author
        self.date = date.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = first_id

    def take(self) -> str:
        value = str(self.next_id)
        self.next_id += 1
        return value

    def mark(self, tag: str) -> Any:
        element = etree.Element(tag)
        element.set(_W + "id", self.take())
        element.set(_W + "author", self.author)
        element.set(_W + "date", self.date)
        return element


def _split_run(run: Any, at: int) -> Any:
    """Split ``run`` after ``at`` characters; the second half follows it. Returns it."""
    second = etree.Element(_R)
    for name, value in run.attrib.items():
        second.set(name, value)
    rpr = run.find(_RPR)
    if rpr is not None:
        second.append(copy.deepcopy(rpr))
    count = 0
    moving = False
    for child in list(run):
        if child.tag == _RPR:
            continue
        if moving:
            second.append(child)
            continue
        text = _atom(child)
        if count + len(text) <= at:
            count += len(text)
            if count == at and text:
                moving = True
            continue
        # the split falls inside this w:t
        keep = at - count
        tail = etree.SubElement(second, _T)
        tail.text = text[keep:]
        tail.set(_XML_SPACE, "preserve")
        child.text = text[:keep]
        child.set(_XML_SPACE, "preserve")
        moving = True
        count = at
    run.addnext(second)
    return second


def _boundary(paragraph: Any, offset: int) -> None:
    """Split the run that spans ``offset`` so that a run starts there."""
    position = 0
    for run in _runs(paragraph):
        length = len(_run_text(run))
        if position < offset < position + length:
            _split_run(run, offset - position)
            return
        position += length


def _span_runs(paragraph: Any, start: int, end: int) -> tuple[list[Any], Any | None]:
    """The runs inside ``[start, end)`` (boundaries already split) and the run before."""
    inside: list[Any] = []
    before = None
    position = 0
    for run in _runs(paragraph):
        length = len(_run_text(run))
        if length and start <= position and position + length <= end:
            inside.append(run)
        elif length and position + length <= start:
            before = run
        position += length
    return inside, before


def _new_run(text: str, like: Any | None, *, deleted: bool) -> Any:
    run = etree.Element(_R)
    rpr = None if like is None else like.find(_RPR)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    tag = _DEL_TEXT if deleted else _T
    for index, piece in enumerate(text.split("\t")):
        if index:
            etree.SubElement(run, _W + "tab")
        if piece:
            element = etree.SubElement(run, tag)
            element.text = piece
            element.set(_XML_SPACE, "preserve")
    return run


def _wrap(runs: list[Any], stamp: _Stamp, tag: str) -> list[Any]:
    """Wrap consecutive sibling runs in revision marks ``tag``; the marks, in order."""
    marks: list[Any] = []
    group: list[Any] = []

    def flush() -> None:
        if not group:
            return
        mark = stamp.mark(tag)
        group[0].addprevious(mark)
        for run in group:
            mark.append(run)
            if tag == _DEL:
                for text in run.iter(_T):
                    text.tag = _DEL_TEXT
                for instr in run.iter(_INSTR):
                    instr.tag = _DEL_INSTR
        marks.append(mark)
        group.clear()

    for run in runs:
        if group and group[-1].getnext() is not run:
            flush()
        group.append(run)
    flush()
    return marks


def _apply(paragraph: Any, edit: Edit, start: int, end: int, stamp: _Stamp) -> tuple[Any, Any]:
    """Apply one edit; the first and last element it placed (for a comment's range)."""
    _boundary(paragraph, end)
    _boundary(paragraph, start)
    inside, before = _span_runs(paragraph, start, end)
    if edit.comment and not edit.reverse and edit.text == _paragraph_text(paragraph)[start:end]:
        if not inside:
            raise TrackedEditError("a comment needs some text to anchor on", line=edit.paragraph)
        return inside[0], inside[-1]  # a comment alone, on the span
    like = inside[0] if inside else before
    placed = _wrap(inside, stamp, _INS if edit.reverse else _DEL)
    if edit.text:
        mark = stamp.mark(_DEL if edit.reverse else _INS)
        mark.append(_new_run(edit.text, like, deleted=edit.reverse))
        if edit.reverse and placed:
            placed[0].addprevious(mark)
            placed.insert(0, mark)
        elif placed:
            placed[-1].addnext(mark)
            placed.append(mark)
        elif before is not None:
            (before.getparent() if before.getparent().tag == _INS else before).addnext(mark)
            placed.append(mark)
        else:
            ppr = paragraph.find(_PPR)
            if ppr is not None:
                ppr.addnext(mark)
            else:
                paragraph.insert(0, mark)
            placed.append(mark)
    if not placed:
        raise TrackedEditError("an edit that changes nothing", line=edit.paragraph)
    return placed[0], placed[-1]


def _locate(edit: Edit, text: str) -> tuple[int, int]:
    """The span of ``edit`` in ``text``, checked (and moved to ``old`` if need be)."""
    start, end = edit.start, edit.end
    if not 0 <= start <= end:
        raise TrackedEditError(
            f"bad span {start}..{end} (start must be >= 0 and <= end)", line=edit.paragraph
        )
    if edit.old is None or text[start:end] == edit.old:
        if end > len(text):
            raise TrackedEditError(
                f"span {start}..{end} beyond the paragraph's {len(text)} characters",
                line=edit.paragraph,
                excerpt=text,
            )
        return start, end
    found = list(_occurrences(text, edit.old))
    if not found:
        raise TrackedEditError(
            f"the paragraph does not hold {edit.old!r} (at {start}..{end} it holds "
            f"{text[start:end]!r})",
            line=edit.paragraph,
            excerpt=text,
        )
    best = min(found, key=lambda i: abs(i - start))
    return best, best + len(edit.old)


def _occurrences(text: str, part: str) -> Iterator[int]:
    if not part:
        return
    index = text.find(part)
    while index >= 0:
        yield index
        index = text.find(part, index + 1)


def _max_id(*roots: Any) -> int:
    highest = 0
    key = _W + "id"
    for root in roots:
        if root is None:
            continue
        for element in root.iter(_INS, _DEL, _W + "comment", _W + "commentRangeStart"):
            try:
                highest = max(highest, int(element.get(key) or 0))
            except ValueError:
                continue
    return highest


def track_changes(
    docx: bytes | str | os.PathLike[str],
    edits: Sequence[Edit],
    *,
    author: str = "kehoach",
    date: dt.datetime | None = None,
) -> bytes:
    """The docx with ``edits`` as tracked changes by ``author`` at ``date`` (now by default).

    Raises :class:`TrackedEditError` (an :class:`~kehoach_core.InputError`) when
    an edit names no paragraph, falls outside its text, does not match its
    ``old`` text, or overlaps another edit; :class:`~kehoach_core.DocxError`
    when the input is not a safe, readable docx.
    """
    data, source = _load(docx)
    when = date if date is not None else dt.datetime.now(dt.UTC).replace(microsecond=0)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    archive = check_package(data, source=source)
    with archive:
        try:
            main = _main_name(archive)
            root = etree.fromstring(archive.read(main), _parser())
            rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main))
            rels_name += ".rels"
            names = set(archive.namelist())
            comments_name = _comments_part(archive, main, rels_name, names)
            comments = (
                etree.fromstring(archive.read(comments_name), _parser())
                if comments_name in names
                else None
            )
        except (KeyError, ValueError, etree.XMLSyntaxError) as exc:
            raise TrackedEditError(f"cannot read the docx: {exc}", source=source) from exc
        body = root.find(_W + "body")
        paragraphs = [] if body is None else list(_paragraphs(body))
        stamp = _Stamp(author, when, _max_id(root, comments) + 1)
        notes: list[tuple[str, str]] = []
        for index, group in _by_paragraph(edits, len(paragraphs), source).items():
            paragraph = paragraphs[index - 1]
            text = _paragraph_text(paragraph)
            spans = sorted(((_locate(e, text), e) for e in group), key=lambda x: x[0])
            for (a, _), (b, _) in itertools.pairwise(spans):
                if a[1] > b[0] or (a[0] == a[1] == b[0] == b[1]):
                    raise TrackedEditError(
                        f"edits {a[0]}..{a[1]} and {b[0]}..{b[1]} overlap",
                        source=source,
                        line=index,
                    )
            for (start, end), edit in reversed(spans):
                first, last = _apply(paragraph, edit, start, end, stamp)
                if edit.comment:
                    comment_id = stamp.take()
                    _anchor_comment(first, last, comment_id)
                    notes.append((comment_id, edit.comment))
        replaced = {main: _serialize(root)}
        if notes:
            replaced.update(
                _comment_parts(archive, main, rels_name, comments_name, comments, notes, stamp)
            )
        return _repack(archive, replaced)


def _by_paragraph(edits: Sequence[Edit], count: int, source: str) -> dict[int, list[Edit]]:
    groups: dict[int, list[Edit]] = {}
    for edit in edits:
        if not 1 <= edit.paragraph <= count:
            raise TrackedEditError(
                f"no paragraph {edit.paragraph} (the body has {count})", source=source
            )
        groups.setdefault(edit.paragraph, []).append(edit)
    return groups


# -- comments ---------------------------------------------------------------------------


def _comments_part(archive: zipfile.ZipFile, main: str, rels_name: str, names: set[str]) -> str:
    """The comments part of the main document, or where a new one goes."""
    for rel in _rels(archive, "/" + main, _parser()):
        if rel.reltype == _RT_COMMENTS and not rel.external:
            return rel.target[1:]
    name = posixpath.join(posixpath.dirname(main), "comments.xml")
    return name if name not in names else posixpath.join(posixpath.dirname(main), "kh-comments.xml")


def _anchor_comment(first: Any, last: Any, comment_id: str) -> None:
    start = etree.Element(_W + "commentRangeStart")
    start.set(_W + "id", comment_id)
    end = etree.Element(_W + "commentRangeEnd")
    end.set(_W + "id", comment_id)
    first.addprevious(start)
    last.addnext(end)
    reference = etree.Element(_R)
    etree.SubElement(reference, _W + "commentReference").set(_W + "id", comment_id)
    end.addnext(reference)


def _comment_parts(
    archive: zipfile.ZipFile,
    main: str,
    rels_name: str,
    comments_name: str,
    comments: Any | None,
    notes: list[tuple[str, str]],
    stamp: _Stamp,
) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    if comments is None:
        comments = etree.Element(_W + "comments", nsmap={"w": _W_NS})
        out.update(_register_comments(archive, main, rels_name, comments_name))
    initials = "".join(word[0] for word in stamp.author.split() if word)[:8].upper()
    for comment_id, text in notes:
        comment = etree.SubElement(comments, _W + "comment")
        comment.set(_W + "id", comment_id)
        comment.set(_W + "author", stamp.author)
        comment.set(_W + "date", stamp.date)
        if initials:
            comment.set(_W + "initials", initials)
        for index, line in enumerate(text.splitlines() or [""]):
            paragraph = etree.SubElement(comment, _P)
            if index == 0:
                etree.SubElement(etree.SubElement(paragraph, _R), _W + "annotationRef")
            run = etree.SubElement(paragraph, _R)
            element = etree.SubElement(run, _T)
            element.text = line
            element.set(_XML_SPACE, "preserve")
    out[comments_name] = _serialize(comments)
    return out


def _register_comments(
    archive: zipfile.ZipFile, main: str, rels_name: str, comments_name: str
) -> dict[str, bytes]:
    """A relationship from the main part to a new comments part, and its content type."""
    out: dict[str, bytes] = {}
    parser = _parser()
    try:
        rels = etree.fromstring(archive.read(rels_name), parser)
    except KeyError:
        rels = etree.Element("{" + _PR_NS + "}Relationships", nsmap={None: _PR_NS})
    taken = {element.get("Id") for element in rels}
    number = 1
    while f"rIdKh{number}" in taken:
        number += 1
    rel = etree.SubElement(rels, "{" + _PR_NS + "}Relationship")
    rel.set("Id", f"rIdKh{number}")
    rel.set("Type", _RT_COMMENTS)
    rel.set("Target", posixpath.relpath(comments_name, posixpath.dirname(main) or "."))
    out[rels_name] = _serialize(rels)
    types = etree.fromstring(archive.read("[Content_Types].xml"), parser)
    override = etree.SubElement(types, "{" + _CT_NS + "}Override")
    override.set("PartName", "/" + comments_name)
    override.set("ContentType", _CT_COMMENTS)
    out["[Content_Types].xml"] = _serialize(types)
    return out


def _repack(archive: zipfile.ZipFile, replaced: dict[str, bytes]) -> bytes:
    """The package with the ``replaced`` entries' new content, every other entry as it was."""
    buffer = io.BytesIO()
    pending = dict(replaced)
    with zipfile.ZipFile(buffer, "w") as out:
        for info in archive.infolist():
            content = pending.pop(info.filename, None)
            out.writestr(info, content if content is not None else archive.read(info))
        for name, content in pending.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, content)
    return buffer.getvalue()
