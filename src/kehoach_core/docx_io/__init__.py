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

Revising: :func:`track_changes` writes edits into an existing docx as Word's
own tracked changes (``w:ins`` / ``w:del``, optional comments), every other
part of the package kept as it was; :func:`paragraph_texts` gives the
paragraph texts its offsets count in.
"""

from .._reading.docx import docx_to_document
from ._styles import StyledDocument, new_document
from ._tracked import Edit, TrackedEditError, paragraph_texts, track_changes
from ._writer import UnrepresentableWarning, choose_format, to_docx, write_docx

__all__ = [
    "Edit",
    "StyledDocument",
    "TrackedEditError",
    "UnrepresentableWarning",
    "choose_format",
    "docx_to_document",
    "new_document",
    "paragraph_texts",
    "to_docx",
    "track_changes",
    "write_docx",
]
