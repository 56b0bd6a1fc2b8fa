"""The Word (.docx) adapter: read a docx into the reader's form, write plans as docx.

Reading: :func:`docx_to_document` checks the bytes (:mod:`._safety`), reads the
parts it needs (document, styles, numbering, footnotes) with a hardened lxml
parser and returns a :class:`~kehoach_core._reading.source.SourceDocument`:
one line per paragraph, with Word's automatic numbering as ``label``, layout
hints (bold, centred, header table) and the footnotes by marker;
``kehoach_core.read`` turns it into a plan.

Writing: :func:`to_docx` / :func:`write_docx` write a plan in the Party
(HD 36-HD/VPTW) or State (NĐ 30/2020/NĐ-CP) format; what a docx cannot carry is
reported with an :class:`UnrepresentableWarning`. :func:`new_document` gives
the same styling to reports (comparison, validation).
"""

from .._reading.docx import docx_to_document
from ._styles import StyledDocument, new_document
from ._writer import UnrepresentableWarning, choose_format, to_docx, write_docx

__all__ = [
    "StyledDocument",
    "UnrepresentableWarning",
    "choose_format",
    "docx_to_document",
    "new_document",
    "to_docx",
    "write_docx",
]
