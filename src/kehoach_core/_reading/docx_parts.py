"""Raw WordprocessingML: the only module of the adapter that touches lxml elements.

It turns the body, the styles, the numbering definitions and the footnotes
into plain records (:class:`Paragraph`, :class:`Table`, :class:`StyleInfo`,
:class:`~._numbering.NumberingDefs`) that the rest of the adapter reads
without knowing any XML. :func:`read_parts` finds and parses the parts it
needs straight from the package's zip (checked beforehand by :mod:`._safety`):
the main document, named by the package relationships and checked to be a
Word document by its content type, and, through the main document's own
relationships (their targets honoured, not assumed), the styles, numbering and
footnotes. Every part goes through one hardened parser: no entities resolved,
no DTD loaded, no network, no huge trees.

Text is read as Word displays it: ``w:t`` text; a tab, a line or page break
and a carriage return become a space; a non-breaking hyphen a ``-``; deleted
text (``w:del``, ``w:moveFrom``), field instructions and hidden text are left
out; runs inside hyperlinks, insertions, smart tags, content controls and
simple fields are kept.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from .docx_numbering import LevelDef, NumberingDefs, NumDef, clamp

__all__ = [
    "Block",
    "Cell",
    "NotAWordDocument",
    "Paragraph",
    "Run",
    "StyleInfo",
    "StyleTable",
    "Table",
    "WordParts",
    "body_blocks",
    "parse_part",
    "read_footnotes",
    "read_numbering",
    "read_parts",
]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
_ID = _W + "id"
_TYPE = _W + "type"

_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _CUSTOM_XML = (
    _W + name for name in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
_PPR, _RPR, _TCPR, _TRPR, _GRID_SPAN, _GRID_BEFORE = (
    _W + name for name in ("pPr", "rPr", "tcPr", "trPr", "gridSpan", "gridBefore")
)
_PSTYLE, _RSTYLE, _JC, _NUMPR, _ILVL, _NUMID = (
    _W + name for name in ("pStyle", "rStyle", "jc", "numPr", "ilvl", "numId")
)
_B, _CAPS, _VANISH = (_W + name for name in ("b", "caps", "vanish"))
_R, _T, _SYM, _FOOTNOTE_REF = (_W + name for name in ("r", "t", "sym", "footnoteReference"))
_CONTAINERS = frozenset(
    _W + name
    for name in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir", "bdo")
)
_SPACES = frozenset(_W + name for name in ("tab", "br", "cr", "ptab"))
_NO_BREAK_HYPHEN = _W + "noBreakHyphen"
_FALSE = frozenset(("0", "false", "off"))


@dataclass(slots=True)
class Run:
    """Text of one run (or part of it), its direct formatting, or a footnote reference."""

    text: str
    bold: bool | None = None
    caps: bool | None = None
    hidden: bool | None = None
    style: str | None = None
    footnote: int | None = None


@dataclass(slots=True)
class Paragraph:
    """A paragraph: its runs and direct paragraph properties."""

    runs: list[Run]
    style: str | None = None
    align: str | None = None
    num_id: int | None = None
    ilvl: int | None = None


@dataclass(slots=True)
class Cell:
    """A table cell: the grid column it starts in and its content."""

    column: int
    blocks: list[Block]


@dataclass(slots=True)
class Table:
    """A table as rows of cells."""

    rows: list[list[Cell]]


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """The properties of one style that the reader uses (``None``: not set here)."""

    kind: str = "paragraph"
    based_on: str | None = None
    bold: bool | None = None
    caps: bool | None = None
    hidden: bool | None = None
    align: str | None = None
    num_id: int | None = None
    ilvl: int | None = None


def _parser() -> etree.XMLParser:
    """A parser for untrusted parts (one per package read: lxml parsers are not shared
    between threads). Blank text between elements is dropped, as python-docx did."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        remove_blank_text=True,
    )


def parse_part(blob: bytes, parser: etree.XMLParser | None = None) -> Any:
    """The root element of an XML part (already checked by the safety layer)."""
    return etree.fromstring(blob, parser if parser is not None else _parser())


# -- package ----------------------------------------------------------------------------

_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RT_OFFICE_DOCUMENT = _RT + "officeDocument"
_RT_STYLES = _RT + "styles"
_RT_NUMBERING = _RT + "numbering"
_RT_FOOTNOTES = _RT + "footnotes"
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class NotAWordDocument(ValueError):
    """The main part of the package is not a Word document's (a .docm, a .dotx, ...)."""

    def __init__(self, content_type: str) -> None:
        self.content_type = content_type
        if "macroenabled" in content_type.lower():
            what = "a macro-enabled Word file (.docm/.dotm)"
        elif ".template." in content_type:
            what = "a Word template (.dotx)"
        else:
            what = "not a Word document"
        super().__init__(f"{what}, content type {content_type!r}; save it as .docx")


@dataclass(slots=True)
class WordParts:
    """The parsed parts the reader uses (``None``: the document has no such part)."""

    body: Any
    styles: Any | None
    numbering: Any | None
    footnotes: Any | None


@dataclass(frozen=True, slots=True)
class _Rel:
    reltype: str
    target: str
    external: bool


def read_parts(archive: zipfile.ZipFile) -> WordParts:
    """The body, styles, numbering and footnotes of the Word document in ``archive``.

    Raises :class:`NotAWordDocument` when the main part's content type is not a
    Word document's, ``KeyError`` when a part that a relationship names is missing,
    ``ValueError`` or an lxml error for anything else malformed.
    """
    parser = _parser()
    main = _main_part(_rels(archive, "/", parser))
    content_type = _content_type(parse_part(archive.read("[Content_Types].xml"), parser), main)
    if content_type != _WORD_MAIN:
        raise NotAWordDocument(content_type)
    root = parse_part(archive.read(main[1:]), parser)
    if root.tag != _W + "document":
        raise ValueError(f"the main part {main} is not a w:document")
    body = root.find(_W + "body")
    if body is None:
        raise ValueError(f"the main part {main} has no w:body")
    related = _rels(archive, main, parser)

    def part(reltype: str) -> Any | None:
        for rel in related:
            if rel.reltype == reltype and not rel.external:
                return parse_part(archive.read(rel.target[1:]), parser)
        return None

    return WordParts(body, part(_RT_STYLES), part(_RT_NUMBERING), part(_RT_FOOTNOTES))


def _rels(archive: zipfile.ZipFile, source: str, parser: etree.XMLParser) -> list[_Rel]:
    """The relationships of part ``source`` (``"/"``: the package), targets made absolute."""
    base, name = posixpath.split(source)
    try:
        blob = archive.read(posixpath.join(base, "_rels", name + ".rels")[1:])
    except KeyError:
        return []
    rels = []
    for element in parse_part(blob, parser):
        if element.tag != _PR + "Relationship":
            continue
        reltype, target = element.get("Type"), element.get("Target")
        if reltype is None or target is None:
            raise ValueError(f"a relationship of {source} without Type or Target")
        external = element.get("TargetMode") == "External"
        if not external:  # relative to the source's folder, like a URI reference
            target = posixpath.normpath(posixpath.join(base, target))
        rels.append(_Rel(reltype, target, external))
    return rels


def _main_part(package_rels: list[_Rel]) -> str:
    """The part name of the main document: the one target of type officeDocument."""
    matching = [rel for rel in package_rels if rel.reltype == _RT_OFFICE_DOCUMENT]
    if not matching:
        raise KeyError("no officeDocument relationship in the package")
    if len(matching) > 1 or matching[0].external:
        raise ValueError("not exactly one internal officeDocument relationship")
    return matching[0].target


def _content_type(types: Any, part_name: str) -> str:
    """The content type ``[Content_Types].xml`` gives ``part_name``: names and
    extensions compared without case, an override before a default, the last of
    duplicates winning (as python-docx and Word read it)."""
    wanted = part_name.lower()
    extension = posixpath.splitext(wanted)[1][1:]
    override = default = None
    for element in types:
        tag = element.tag
        if tag == _CT + "Override" and (element.get("PartName") or "").lower() == wanted:
            override = element.get("ContentType") or ""
        elif tag == _CT + "Default" and (element.get("Extension") or "").lower() == extension:
            default = element.get("ContentType") or ""
    found = override if override is not None else default
    if found is None:
        raise KeyError(f"no content type for {part_name} in [Content_Types].xml")
    return str(found)


def _int(value: str | None) -> int | None:
    if value is None or len(value) > 12:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _toggle(element: Any) -> bool:
    return element.get(_VAL) not in _FALSE


def _children(element: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tag)


# -- body -------------------------------------------------------------------------------


def body_blocks(container: Any) -> list[Block]:
    """The paragraphs and tables of a body or a cell, in document order."""
    blocks: list[Block] = []
    for child in container:
        tag = child.tag
        if tag == _P:
            blocks.append(_paragraph(child))
        elif tag == _TBL:
            blocks.append(_table(child))
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                blocks.extend(body_blocks(content))
        elif tag == _CUSTOM_XML:
            blocks.extend(body_blocks(child))
    return blocks


def _table(element: Any) -> Table:
    rows: list[list[Cell]] = []
    for row in _children(element, _TR):
        column = 0
        row_pr = row.find(_TRPR)
        if row_pr is not None:
            before = row_pr.find(_GRID_BEFORE)
            if before is not None:
                column = max(0, _int(before.get(_VAL)) or 0)
        cells: list[Cell] = []
        for cell in _children(row, _TC):
            cells.append(Cell(column=column, blocks=body_blocks(cell)))
            span = 1
            cell_pr = cell.find(_TCPR)
            if cell_pr is not None:
                grid_span = cell_pr.find(_GRID_SPAN)
                if grid_span is not None:
                    span = max(1, _int(grid_span.get(_VAL)) or 1)
            column += span
        rows.append(cells)
    return Table(rows=rows)


def _paragraph(element: Any) -> Paragraph:
    paragraph = Paragraph(runs=[])
    properties = element.find(_PPR)
    if properties is not None:
        _paragraph_properties(properties, paragraph)
    _collect(element, paragraph.runs)
    return paragraph


def _paragraph_properties(properties: Any, paragraph: Paragraph) -> None:
    for child in properties:
        tag = child.tag
        if tag == _PSTYLE:
            paragraph.style = child.get(_VAL)
        elif tag == _JC:
            paragraph.align = child.get(_VAL)
        elif tag == _NUMPR:
            ilvl = child.find(_ILVL)
            num_id = child.find(_NUMID)
            if ilvl is not None:
                paragraph.ilvl = _int(ilvl.get(_VAL))
            if num_id is not None:
                paragraph.num_id = _int(num_id.get(_VAL))


def _collect(element: Any, runs: list[Run]) -> None:
    for child in element:
        tag = child.tag
        if tag == _R:
            _run(child, runs)
        elif tag in _CONTAINERS:
            _collect(child, runs)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                _collect(content, runs)


def _run(element: Any, runs: list[Run]) -> None:
    bold = caps = hidden = None
    style = None
    parts: list[str] = []
    pending: list[Run] = []
    for child in element:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag in _SPACES:
            parts.append(" ")
        elif tag == _RPR:
            for prop in child:
                prop_tag = prop.tag
                if prop_tag == _B:
                    bold = _toggle(prop)
                elif prop_tag == _CAPS:
                    caps = _toggle(prop)
                elif prop_tag == _VANISH:
                    hidden = _toggle(prop)
                elif prop_tag == _RSTYLE:
                    style = prop.get(_VAL)
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _SYM:
            parts.append(_symbol(child.get(_W + "char")))
        elif tag == _FOOTNOTE_REF:
            pending.append(Run("".join(parts)))
            parts = []
            pending.append(Run("", footnote=_int(child.get(_ID))))
    if pending:
        pending.append(Run("".join(parts)))
        for run in pending:
            run.bold, run.caps, run.hidden, run.style = bold, caps, hidden, style
            if run.text or run.footnote is not None:
                runs.append(run)
    else:
        runs.append(Run("".join(parts), bold, caps, hidden, style))


def _symbol(code: str | None) -> str:
    """A ``w:sym`` character; symbol-font glyphs (U+F020-U+F07E) read as their ASCII letter."""
    try:
        value = int(code or "", 16)
    except ValueError:
        return ""
    if 0xF020 <= value <= 0xF07E:
        value -= 0xF000
    return chr(value) if 0 < value <= 0x10FFFF else ""


# -- styles -----------------------------------------------------------------------------


class StyleTable:
    """The styles of a document, parsed on first use; ``defaults`` from ``w:docDefaults``."""

    def __init__(self, root: Any | None) -> None:
        self._elements: dict[str, Any] = {}
        self._parsed: dict[str, StyleInfo | None] = {}
        self.default_paragraph: str | None = None
        self.defaults = StyleInfo()
        if root is None:
            return
        for element in root:
            if element.tag == _W + "style":
                style_id = element.get(_W + "styleId")
                if style_id is None:
                    continue
                self._elements.setdefault(style_id, element)
                if element.get(_TYPE) == "paragraph" and element.get(_W + "default") in (
                    "1",
                    "true",
                    "on",
                ):
                    self.default_paragraph = style_id
            elif element.tag == _W + "docDefaults":
                self.defaults = _style_info(element, "defaults", None, ("pPrDefault", "rPrDefault"))

    def get(self, style_id: str) -> StyleInfo | None:
        """The style ``style_id``, or ``None`` when the document does not define it."""
        if style_id not in self._parsed:
            element = self._elements.get(style_id)
            info = None
            if element is not None:
                based_on = element.find(_W + "basedOn")
                info = _style_info(
                    element,
                    element.get(_TYPE) or "paragraph",
                    based_on.get(_VAL) if based_on is not None else None,
                    (),
                )
            self._parsed[style_id] = info
        return self._parsed[style_id]


def _style_info(
    element: Any, kind: str, based_on: str | None, wrappers: Iterable[str]
) -> StyleInfo:
    holders = [element]
    for wrapper in wrappers:
        found = element.find(_W + wrapper)
        if found is not None:
            holders.append(found)
    values: dict[str, Any] = {}
    for holder in holders:
        paragraph_pr = holder.find(_PPR)
        if paragraph_pr is not None:
            probe = Paragraph(runs=[])
            _paragraph_properties(paragraph_pr, probe)
            values.update(align=probe.align, num_id=probe.num_id, ilvl=probe.ilvl)
        run_pr = holder.find(_RPR)
        if run_pr is not None:
            for prop in run_pr:
                if prop.tag == _B:
                    values["bold"] = _toggle(prop)
                elif prop.tag == _CAPS:
                    values["caps"] = _toggle(prop)
                elif prop.tag == _VANISH:
                    values["hidden"] = _toggle(prop)
    return StyleInfo(kind=kind, based_on=based_on, **values)


# -- numbering --------------------------------------------------------------------------


def read_numbering(root: Any | None) -> NumberingDefs:
    """The abstract definitions and instances of ``word/numbering.xml``."""
    defs = NumberingDefs()
    if root is None:
        return defs
    for element in root:
        if element.tag == _W + "abstractNum":
            abstract_id = _int(element.get(_W + "abstractNumId"))
            if abstract_id is None:
                continue
            levels: dict[int, LevelDef] = {}
            for child in element:
                if child.tag == _W + "lvl":
                    ilvl = _int(child.get(_W + "ilvl"))
                    if ilvl is not None:
                        levels[ilvl] = _level(child)
                elif child.tag == _W + "numStyleLink":
                    defs.style_links[abstract_id] = child.get(_VAL) or ""
            defs.abstracts.setdefault(abstract_id, levels)
        elif element.tag == _W + "num":
            num_id = _int(element.get(_W + "numId"))
            ref = element.find(_W + "abstractNumId")
            abstract = _int(ref.get(_VAL)) if ref is not None else None
            if num_id is None or abstract is None:
                continue
            num = NumDef(abstract=abstract)
            for override in element.iter(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"))
                if ilvl is None:
                    continue
                start = override.find(_W + "startOverride")
                value = _int(start.get(_VAL)) if start is not None else None
                if value is not None:
                    num.start_overrides[ilvl] = clamp(value)
                level = override.find(_W + "lvl")
                if level is not None:
                    num.level_overrides[ilvl] = _level(level)
            defs.nums[num_id] = num
    return defs


def _level(element: Any) -> LevelDef:
    fmt, text, start, restart, legal, style = "decimal", "", 1, None, False, None
    for child in element:
        tag = child.tag
        if tag == _W + "numFmt":
            fmt = child.get(_VAL) or "decimal"
        elif tag == _W + "lvlText":
            text = child.get(_VAL) or ""
        elif tag == _W + "start":
            start = clamp(_int(child.get(_VAL)) or 0)
        elif tag == _W + "lvlRestart":
            restart = _int(child.get(_VAL))
        elif tag == _W + "isLgl":
            legal = _toggle(child)
        elif tag == _PSTYLE:
            style = child.get(_VAL)
        elif tag == _W + "lvlPicBulletId":
            fmt = "bullet"
    return LevelDef(fmt=fmt, text=text, start=start, restart=restart, legal=legal, style=style)


# -- footnotes --------------------------------------------------------------------------


def read_footnotes(root: Any | None) -> dict[int, list[Paragraph]]:
    """The paragraphs of each real footnote, by id (separators left out)."""
    notes: dict[int, list[Paragraph]] = {}
    if root is None:
        return notes
    for element in root:
        if element.tag != _W + "footnote":
            continue
        note_id = _int(element.get(_ID))
        kind = element.get(_TYPE)
        if note_id is None or note_id in (-1, 0) or kind not in (None, "normal"):
            continue
        notes[note_id] = [_paragraph(p) for p in element.iter(_P)]
    return notes
