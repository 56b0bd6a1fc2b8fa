"""Raw WordprocessingML for the writer: the one module that builds XML elements by hand.

python-docx covers paragraphs, runs, styles, tables and sections; what it does
not cover lives here: fonts for every script (``w:rFonts``), the document
language, the ``PAGE`` field, paragraph borders (the rules under the issuing
body, the motto and the title), table borders and cell margins, rows that may
not break across pages (``w:cantSplit``), footnotes (the footnotes part and
``w:footnoteReference``) and the package's own properties (no template
thumbnail, an ``app.xml`` that names this library).

>>> import docx
>>> document = docx.Document()
>>> paragraph = document.add_paragraph()
>>> add_page_field(paragraph)
>>> paragraph._p.xml.count("PAGE")
1
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

__all__ = [
    "FOOTNOTES_CONTENT_TYPE",
    "add_footnote_reference",
    "add_footnotes_part",
    "add_page_field",
    "bottom_border",
    "clean_package",
    "keep_row_together",
    "set_cell_margins",
    "set_cell_shading",
    "set_document_defaults",
    "set_fonts",
    "set_language",
    "set_paragraph_style",
    "set_table_borders",
]


def _child(parent: Any, tag: str) -> Any:
    """The child ``tag`` of ``parent``, created at its place in the schema's order when missing.

    python-docx's element classes list their children's order in ``_tag_seq``;
    Word refuses a file whose property children are out of order.
    """
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        order: tuple[str, ...] = getattr(parent, "_tag_seq", ())
        if tag in order:
            parent.insert_element_before(found, *order[order.index(tag) + 1 :])
        else:
            parent.append(found)
    return found


def set_fonts(rpr: Any, name: str) -> None:
    """Use the font ``name`` for every script of the run properties ``rpr`` (``w:rPr``)."""
    fonts = _child(rpr, "w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def set_language(rpr: Any, tag: str) -> None:
    """Mark the run properties ``rpr`` as language ``tag`` (``"vi-VN"``) for spelling."""
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), tag)


def add_page_field(paragraph: Any) -> None:
    """Append a ``PAGE`` field (the current page number) to a python-docx paragraph."""
    p = paragraph._p
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2")):
        run = OxmlElement("w:r")
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run.append(instr)
        else:
            shown = OxmlElement("w:t")
            shown.text = text
            run.append(shown)
        p.append(run)
    end = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    end.append(char)
    p.append(end)


def bottom_border(paragraph: Any, *, size_eighths: int = 6, space_pt: int = 1) -> None:
    """A single solid rule under a python-docx paragraph.

    The rule spans the paragraph between its indents, so callers indent the
    paragraph to the rule's length. ``size_eighths`` is the line width in 1/8 pt.
    """
    borders = _child(paragraph._p.get_or_add_pPr(), "w:pBdr")
    bottom = _child(borders, "w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), str(space_pt))
    bottom.set(qn("w:color"), "000000")


def set_paragraph_style(paragraph: Any, style_id: str) -> None:
    """Give a python-docx paragraph the style ``style_id`` without a lookup by name.

    ``Paragraph.style = ...`` resolves the style through the styles part on
    every call; the writer sets thousands of paragraphs, so it sets the id.
    """
    paragraph._p.style = style_id


def set_table_borders(table: Any, *, visible: bool) -> None:
    """Every border of a python-docx table: single lines, or none at all."""
    tbl_pr = table._tbl.tblPr
    borders = _child(tbl_pr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = _child(borders, f"w:{edge}")
        element.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")


def set_cell_margins(table: Any, *, left_twips: int, right_twips: int) -> None:
    """The default left and right cell margins of a python-docx table, in twips."""
    tbl_pr = table._tbl.tblPr
    margins = _child(tbl_pr, "w:tblCellMar")
    for edge, value in (("left", left_twips), ("right", right_twips)):
        element = _child(margins, f"w:{edge}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")


def set_cell_shading(cell: Any, fill: str) -> None:
    """Fill a python-docx table cell with the colour ``fill`` (hex, e.g. ``"C6EFCE"``)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = _child(tc_pr, "w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)


def set_document_defaults(styles_element: Any, *, font: str, size_pt: float, lang: str) -> None:
    """Document-wide defaults: ``font`` for every script, ``size_pt``, ``lang``, no spacing.

    python-docx's template defaults to theme fonts (Calibri), 11 pt, en-US and
    10 pt after every paragraph; each of those would leak into any text whose
    style does not override it.
    """
    defaults = _child(styles_element, "w:docDefaults")
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(rpr, font)
    half_points = str(round(size_pt * 2))
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), half_points)
    lang_element = _child(rpr, "w:lang")
    lang_element.set(qn("w:val"), lang)
    lang_element.set(qn("w:eastAsia"), lang)
    ppr = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
    spacing = _child(ppr, "w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")


def keep_row_together(row: Any) -> None:
    """A python-docx table row that may not break across pages (``w:cantSplit``)."""
    tr_pr = row._tr.get_or_add_trPr()
    _child(tr_pr, "w:cantSplit")


FOOTNOTES_CONTENT_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
)
_RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def add_footnote_reference(paragraph: Any, note_id: int) -> None:
    """Append a superscript ``w:footnoteReference`` to footnote ``note_id`` to a paragraph."""
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    rpr.append(align)
    run.append(rpr)
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), str(note_id))
    run.append(reference)
    paragraph._p.append(run)


def _footnotes_xml(notes: list[str], style_id: str) -> bytes:
    from xml.sax.saxutils import escape, quoteattr

    body = [
        f'<w:footnotes xmlns:w="{_W_NS}">',
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"'
        ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing'
        ' w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>",
    ]
    for index, text in enumerate(notes, 1):
        body.append(
            f'<w:footnote w:id="{index}"><w:p><w:pPr><w:pStyle w:val={quoteattr(style_id)}/>'
            '</w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/>'
            f'</w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>'
        )
    body.append("</w:footnotes>")
    xml = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n" + "".join(body)
    return xml.encode("utf-8")


def add_footnotes_part(document: Any, notes: list[str], style_id: str) -> None:
    """Give a python-docx document a footnotes part holding ``notes`` (ids 1, 2, ...).

    The part has Word's two separator footnotes (ids -1 and 0) before the notes;
    each note is one paragraph of ``style_id`` opened by its ``w:footnoteRef`` mark.
    """
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    part = Part(
        PackURI("/word/footnotes.xml"),
        FOOTNOTES_CONTENT_TYPE,
        _footnotes_xml(notes, style_id),
        package,
    )
    document.part.relate_to(part, _RT_FOOTNOTES)


_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>kehoach_core</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "<AppVersion>1.0000</AppVersion></Properties>"
)


def clean_package(document: Any) -> None:
    """Take the python-docx template's leftovers out of a document's package.

    The template's thumbnail (a picture of someone else's page) and its
    relationship go; ``docProps/app.xml`` names ``kehoach_core`` instead of
    "Microsoft Macintosh Word" and carries no stale page or word counts.
    """
    package = document.part.package
    rels = package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == _RT_THUMBNAIL:
            rels.pop(r_id)
        elif rel.reltype.endswith("/extended-properties") and not rel.is_external:
            rel.target_part._blob = _APP_XML.encode("utf-8")
