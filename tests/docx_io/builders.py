"""Builders of docx fixtures shaped like real office files.

Two ways to make a document:

* :func:`docx_from_lines` starts from python-docx's default template (Word's
  own styles, settings, theme and numbering parts) and writes the body, the
  numbering definitions and a footnotes part as raw WordprocessingML, the way
  Word stores them. Use it to turn any plan (one paragraph per line) into a
  docx::

      data = docx_from_lines(
          ["KẾ HOẠCH", "Tuyên truyền[^1]", "Mục đích", "Yêu cầu"],
          header=(["ĐẢNG ỦY XÃ KIÊN MỘC", "*", "Số 06-KH/ĐU"],
                  ["ĐẢNG CỘNG SẢN VIỆT NAM", "Kiên Mộc, ngày 10 tháng 7 năm 2025"]),
          footnotes={1: "Text of the footnote."},
          numbered={2: 1, 3: 1},      # lines 2 and 3: level 1 of the plan outline ("1.", "2.")
      )

* :func:`word_package` zips parts written by hand, as Word 2016 lays out a
  package (``[Content_Types].xml``, ``_rels``, ``docProps``, ``word/…``), with
  the markup Word adds: rsid attributes, ``w14`` ids, proofing marks,
  bookmarks, run properties on every run. :func:`paragraph` and :func:`table`
  make the body XML for it.

Expected values in tests come from what the test put into the fixture.
"""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W_NS}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'mc:Ignorable="w14 w15"'
)
_RUN_PROPS = (
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/>'
)
_FOOTNOTE_MARK = re.compile(r"\[\^(\d+)\]")
_ids = itertools.count(0x1A2B3C00)


def _rsid() -> str:
    return f"00{next(_ids) % 0xFFFFFF:06X}"


# -- paragraphs and tables as Word writes them ----------------------------------------


def run(text: str, *, bold: bool = False, props: str = "") -> str:
    """One ``w:r`` with Word's usual run properties; ``props`` adds raw ``w:rPr`` children."""
    bold_xml = "<w:b/><w:bCs/>" if bold else ""
    return (
        f'<w:r w:rsidRPr="{_rsid()}"><w:rPr>{_RUN_PROPS}{bold_xml}{props}</w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def footnote_reference(note_id: int) -> str:
    """A run referencing footnote ``note_id``, superscript as Word makes it."""
    return (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/>'
        f'</w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def paragraph(
    text: str = "",
    *,
    runs: Sequence[str] | None = None,
    bold: bool = False,
    center: bool = False,
    style: str | None = None,
    num: tuple[int, int] | None = None,
    split: int = 0,
    raw: str = "",
    align: str | None = None,
) -> str:
    """A ``w:p`` as Word writes it.

    ``text`` may hold footnote references as ``[^N]``. ``runs`` gives the runs'
    texts explicitly; ``split`` cuts ``text`` into runs of that many characters
    (Word splits text at every editing session). ``num`` is ``(numId, ilvl)``;
    ``raw`` is appended inside the paragraph unchanged; ``align`` sets ``w:jc``
    (``center=True`` is ``align="center"``).
    """
    props = []
    if style:
        props.append(f'<w:pStyle w:val="{style}"/>')
    if num is not None:
        props.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
    props.append('<w:spacing w:before="120" w:after="120" w:line="288" w:lineRule="auto"/>')
    if center or align:
        props.append(f'<w:jc w:val="{"center" if center else align}"/>')
    body: list[str] = []
    if runs is not None:
        body.extend(run(part, bold=bold) for part in runs)
    else:
        pieces = _FOOTNOTE_MARK.split(text)
        for index, piece in enumerate(pieces):
            if index % 2:
                body.append(footnote_reference(int(piece)))
                continue
            if not piece:
                continue
            size = split or len(piece)
            for start in range(0, len(piece), size):
                body.append(run(piece[start : start + size], bold=bold))
        if body:
            body.insert(1, '<w:proofErr w:type="spellStart"/>')
            body.insert(2, '<w:proofErr w:type="spellEnd"/>')
    return (
        f'<w:p w14:paraId="{next(_ids):08X}" w14:textId="77777777" '
        f'w:rsidR="{_rsid()}" w:rsidRDefault="{_rsid()}">'
        f"<w:pPr>{''.join(props)}<w:rPr>{_RUN_PROPS}</w:rPr></w:pPr>{''.join(body)}{raw}</w:p>"
    )


def table(rows: Sequence[Sequence[str]], *, widths: Sequence[int] | None = None) -> str:
    """A borderless ``w:tbl``; each cell is raw body XML (paragraphs, even a nested table)."""
    columns = max(len(row) for row in rows)
    widths = widths or [9000 // columns] * columns
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    xml_rows = []
    for row in rows:
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[index]}" w:type="dxa"/></w:tcPr>{cell}</w:tc>'
            for index, cell in enumerate(row)
        )
        xml_rows.append(f'<w:tr w:rsidR="{_rsid()}">{cells}</w:tr>')
    return (
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
        '<w:top w:val="none" w:sz="0" w:space="0" w:color="auto"/></w:tblBorders>'
        '<w:tblLook w:val="04A0"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(xml_rows)}</w:tbl>"
    )


def cell(lines: Sequence[str], *, bold: bool = False) -> str:
    """The paragraphs of one table cell, centred as in a header."""
    return "".join(paragraph(line, bold=bold, center=True) for line in lines) or paragraph()


# -- numbering ------------------------------------------------------------------------


def level(
    ilvl: int,
    fmt: str,
    text: str,
    *,
    start: int = 1,
    restart: int | None = None,
    legal: bool = False,
    style: str | None = None,
    font: str | None = None,
) -> str:
    """One ``w:lvl`` of an abstract list definition."""
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    extra += f'<w:pStyle w:val="{style}"/>' if style else ""
    extra += "<w:isLgl/>" if legal else ""
    fonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>'
    return (
        f'<w:lvl w:ilvl="{ilvl}" w:tplc="042A000F"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/>{extra}<w:lvlText w:val="{escape(text)}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (ilvl + 1)}" w:hanging="360"/>'
        f"</w:pPr>{fonts if font else ''}</w:lvl>"
    )


def abstract_num(abstract_id: int, levels: Sequence[str]) -> str:
    """A ``w:abstractNum`` holding ``levels`` (from :func:`level`)."""
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}" w15:restartNumberingAfterBreak="0">'
        f'<w:nsid w:val="{next(_ids):08X}"/><w:multiLevelType w:val="hybridMultilevel"/>'
        f"{''.join(levels)}</w:abstractNum>"
    )


def num(num_id: int, abstract_id: int, *, overrides: Mapping[int, int] | None = None) -> str:
    """A ``w:num`` instance; ``overrides`` maps a level to its ``w:startOverride``."""
    inner = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (overrides or {}).items()
    )
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{inner}</w:num>'


PLAN_OUTLINE = abstract_num(
    10,
    [
        level(0, "upperRoman", "%1."),
        level(1, "decimal", "%2."),
        level(2, "decimal", "%2.%3."),
        level(3, "lowerLetter", "%4)"),
        level(4, "bullet", "\uf02d", font="Symbol"),
        level(5, "bullet", "+", font="Times New Roman"),
    ],
) + num(1, 10)
"""numId 1: a plan outline, ``I.`` ``1.`` ``1.1.`` ``a)`` ``-`` ``+`` (levels 0-5)."""


def numbering_xml(definitions: str) -> str:
    """A whole ``word/numbering.xml`` around abstractNum and num elements."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:numbering {NAMESPACES}>{definitions}</w:numbering>"
    )


# -- footnotes ------------------------------------------------------------------------


def footnotes_xml(notes: Mapping[int, str]) -> str:
    """``word/footnotes.xml`` as Word writes it: two separators (ids -1, 0), then the notes."""
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    body = "".join(
        f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        for note_id, text in notes.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {NAMESPACES}>{separators}{body}</w:footnotes>"
    )


# -- whole documents ------------------------------------------------------------------


def docx_from_lines(
    lines: Sequence[str],
    *,
    header: tuple[Sequence[str], Sequence[str]] | None = None,
    signature: tuple[Sequence[str], Sequence[str]] | None = None,
    footnotes: Mapping[int, str] | None = None,
    numbered: Mapping[int, int | tuple[int, int]] | None = None,
    numbering: str | None = None,
    bold: Sequence[int] = (),
    centered: Sequence[int] = (),
    split: int = 0,
    nfd: bool = False,
) -> bytes:
    """A docx with one paragraph per entry of ``lines``, made on python-docx's template.

    * ``header``: (left cell lines, right cell lines) of a two-column table put
      before the lines, as the header of an official document;
    * ``signature``: (recipients, signature) lines of a two-column table put
      after the lines;
    * ``footnotes``: footnote id → text; reference them in a line as ``[^id]``;
    * ``numbered``: line index → level of :data:`PLAN_OUTLINE` (numId 1), or
      (numId, ilvl) for definitions given in ``numbering`` (abstractNum and num
      XML, see :func:`abstract_num`, :func:`num`); the label is not written in
      the text, Word numbers the paragraph;
    * ``bold``, ``centered``: indexes of lines to format;
    * ``split``: cut each line into runs of that many characters;
    * ``nfd``: write the text in decomposed Unicode (NFD), as some tools do.
    """
    normal = (lambda text: unicodedata.normalize("NFD", text)) if nfd else (lambda text: text)
    body: list[str] = []
    if header is not None:
        left, right = header
        body.append(table([[cell([normal(x) for x in left]), cell([normal(x) for x in right])]]))
    numbered = numbered or {}
    for index, line in enumerate(lines):
        where = numbered.get(index)
        num_ref = (1, where) if isinstance(where, int) else where
        body.append(
            paragraph(
                normal(line),
                bold=index in bold,
                center=index in centered,
                num=num_ref,
                split=split,
            )
        )
    if signature is not None:
        left, right = signature
        body.append(
            table([[cell([normal(x) for x in left]), cell([normal(x) for x in right], bold=True)]])
        )
    document = docx.Document()
    root = document.element.body
    for child in list(root):
        if child.tag != f"{{{W_NS}}}sectPr":
            root.remove(child)
    wrapper = parse_xml(f"<w:body {NAMESPACES}>{''.join(body)}</w:body>")
    section = root[0] if len(root) else None
    for child in list(wrapper):
        if section is not None:
            section.addprevious(child)
        else:
            root.append(child)
    definitions = PLAN_OUTLINE + (numbering or "")
    numbering_root = document.part.numbering_part.element
    for child in list(numbering_root):
        numbering_root.remove(child)
    for child in parse_xml(numbering_xml(definitions).encode("utf-8")):
        numbering_root.append(child)
    if footnotes:
        blob = footnotes_xml(footnotes).encode("utf-8")
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_OOXML = "application/vnd.openxmlformats-officedocument"
_OVERRIDES = {
    "/word/document.xml": f"{_OOXML}.wordprocessingml.document.main+xml",
    "/word/styles.xml": f"{_OOXML}.wordprocessingml.styles+xml",
    "/word/settings.xml": f"{_OOXML}.wordprocessingml.settings+xml",
    "/word/numbering.xml": f"{_OOXML}.wordprocessingml.numbering+xml",
    "/word/footnotes.xml": f"{_OOXML}.wordprocessingml.footnotes+xml",
    "/word/header1.xml": f"{_OOXML}.wordprocessingml.header+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml": f"{_OOXML}.extended-properties+xml",
}
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    + "".join(
        f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in _OVERRIDES.items()
    )
    + "</Types>"
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
    f'<Relationship Id="rId2" Type="{_CORE}" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/numbering" Target="numbering.xml"/>'
    f'<Relationship Id="rId4" Type="{_REL}/footnotes" Target="footnotes.xml"/>'
    f'<Relationship Id="rId5" Type="{_REL}/header" Target="header1.xml"/>'
    "</Relationships>"
)  # fmt: skip
BASE_STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
    'w:hAnsi="Times New Roman"/><w:sz w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
    '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
    '<w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
)  # fmt: skip
"""Word's base styles (Normal, footnote styles); :func:`word_package` adds ``styles`` to them."""


def word_package(
    body: str,
    *,
    styles: str = "",
    numbering: str = "",
    footnotes: Mapping[int, str] | None = None,
    document_xml: str | None = None,
) -> bytes:
    """A docx zipped part by part as Word lays it out, around the body XML ``body``.

    ``styles`` adds ``w:style`` elements to :data:`BASE_STYLES`; ``numbering``
    holds abstractNum/num XML; the package always has a page header with a
    page number field (which is not part of the plan). ``document_xml``
    replaces the whole ``word/document.xml`` (for hostile inputs).
    """
    section = (
        f'<w:sectPr w:rsidR="{_rsid()}"><w:headerReference w:type="default" r:id="rId5"/>'
        '<w:pgSz w:w="11907" w:h="16840" w:code="9"/><w:pgMar w:top="1134" w:right="1134" '
        'w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>'
        "<w:titlePg/></w:sectPr>"
    )
    document = document_xml or (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:document {NAMESPACES}><w:body>{body}{section}</w:body></w:document>"
    )
    header = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:hdr {NAMESPACES}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
        '</w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>'
    )
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "word/document.xml": document,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:styles {NAMESPACES}>{BASE_STYLES}{styles}</w:styles>",
        "word/settings.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:settings {NAMESPACES}><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="720"/></w:settings>',
        "word/numbering.xml": numbering_xml(numbering),
        "word/footnotes.xml": footnotes_xml(footnotes or {}),
        "word/header1.xml": header,
        "docProps/core.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:creator>Văn phòng</dc:creator></cp:coreProperties>",
        "docProps/app.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties"><Application>Microsoft Office Word</Application></Properties>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()
