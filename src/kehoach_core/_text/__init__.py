"""The plain-text reader: bytes → text → lines → outline → :class:`~kehoach_core.Plan`.

Each stage is a module that can be used and tested alone:

* :mod:`.decode` — bytes to text (UTF-8/16/32, Windows-1258, TCVN3);
* :mod:`.clean`, :mod:`.lines`, :mod:`.footnotes` — physical lines to logical
  :class:`~kehoach_core._source.SourceLine` s (:func:`text_to_document`);
* :mod:`.outline` — the numbering tree;
* :mod:`.zones`, :mod:`.header`, :mod:`.citations`, :mod:`.sections`,
  :mod:`.phases`, :mod:`.forms`, :mod:`.assignments`, :mod:`.tail`,
  :mod:`.events` — the structure stage (:func:`build_plan`), shared with the
  docx reader.
"""

from __future__ import annotations

from .._model import Plan
from .build import build_plan
from .decode import decode_text
from .lines import text_to_document

__all__ = ["build_plan", "decode_text", "read_text", "text_to_document"]


def read_text(text: str, *, source: str = "<text>") -> Plan:
    """Read a plan from text: ``build_plan(text_to_document(text, source=source))``."""
    return build_plan(text_to_document(text, source=source))
