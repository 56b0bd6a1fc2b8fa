"""The Word (.docx) adapter: read a docx into the reader's intermediate form.

:func:`docx_to_document` checks the bytes (:mod:`._safety`), opens them with
python-docx and returns a :class:`~kehoach_core._source.SourceDocument`: one
line per paragraph, with Word's automatic numbering as ``label``, layout hints
(bold, centred, header table) and the footnotes by marker.
"""

from ._reader import docx_to_document

__all__ = ["docx_to_document"]
