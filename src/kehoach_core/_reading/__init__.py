"""The reading wing: ``read``, one entry point for plans as ``.txt``, ``.docx``, ``.doc``,
``.pdf`` and ``.json``.

The format comes from the file name's suffix, or from the bytes themselves
(a zip is a docx, an OLE compound file is a legacy Word ``.doc``, ``%PDF-`` a
PDF, a JSON object is a payload, anything else is text). Readers load lazily,
so ``import kehoach_core`` stays light. Each stage is a module of this package,
usable and tested alone:

* the source lines both front ends produce: :mod:`.source` (``SourceDocument``,
  ``SourceLine`` with its source map);
* the text front end: :mod:`.decode` (bytes to text), :mod:`.clean`,
  :mod:`.markdown`, :mod:`.repair`, :mod:`.footnotes`, :mod:`.lines`
  (physical lines to logical ``SourceLine`` s: :func:`.lines.text_to_document`);
* the docx front end: :mod:`.docx_safety`, :mod:`.docx_parts`,
  :mod:`.docx_numbering`, :mod:`.docx` (:func:`.docx.docx_to_document`);
  legacy ``.doc`` files are converted to docx by LibreOffice first
  (:func:`.legacy_doc.doc_to_docx`), and the plan's ``reader_notes`` say so;
* the PDF front end (the optional ``pdf`` extra): :mod:`.pdf` (the text layer
  laid out from coordinates, then the text pipeline: :func:`.pdf.pdf_to_document`)
  and :mod:`.pdf_signatures` (the digital signatures);
* the structure stage both share: :mod:`.labels`, :mod:`.outline`,
  :mod:`.zones`, :mod:`.header`, :mod:`.citations`, :mod:`.sections`,
  :mod:`.phases`, :mod:`.forms`, :mod:`.assignments`, :mod:`.tail`,
  :mod:`.events`, :mod:`.context`, :mod:`.vocab`, and :func:`.build.build_plan`.

>>> plan = read(b'{"schema": "kehoach/1", "title": "Tuy\\xc3\\xaan truy\\xe1\\xbb\\x81n"}')
>>> plan.title
'Tuyên truyền'
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Literal

from .._errors import InputError
from .._model import Plan

__all__ = ["MAX_INPUT_BYTES", "read", "read_pdf", "read_text", "source_text"]

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""Inputs larger than this (50 MiB) are refused: no real plan comes near it."""

Format = Literal["txt", "docx", "doc", "json", "pdf"]
_SUFFIXES: dict[str, Format] = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".doc": "doc",
    ".json": "json",
    ".pdf": "pdf",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def _sniff(data: bytes) -> Format:
    if data[:1024].lstrip(b"\x00\t\r\n \xef\xbb\xbf").startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(_OLE_MAGIC):
        # an encrypted docx is an OLE file too: the docx reader names it as encrypted
        return "docx" if "EncryptedPackage".encode("utf-16-le") in data else "doc"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "json"
    return "txt"


def _load(source: str | os.PathLike[str] | bytes | BinaryIO) -> tuple[bytes, str, Format | None]:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source), "<bytes>", None
    if isinstance(source, str | os.PathLike) and os.fspath(source) == "-":
        import sys

        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        return data, "<stdin>", None
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            if path.is_dir():
                raise InputError("is a directory, not a plan", source=str(path))
            size = path.stat().st_size
            if size > MAX_INPUT_BYTES:
                raise InputError(f"file too large ({size} bytes)", source=str(path))
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise InputError("no such file", source=str(path)) from exc
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", source=str(path)) from exc
        return data, str(path), _SUFFIXES.get(path.suffix.lower())
    name = str(getattr(source, "name", "<stream>"))
    data = source.read(MAX_INPUT_BYTES + 1)
    if not isinstance(data, bytes):
        raise InputError("expected a binary file object (open it with 'rb')", source=name)
    return data, name, _SUFFIXES.get(Path(name).suffix.lower())


def read(
    source: str | os.PathLike[str] | bytes | BinaryIO, *, format: Format | None = None
) -> Plan:
    """Read a plan from a path (``"-"``: standard input), bytes or a binary file object.

    ``format`` forces ``"txt"``, ``"docx"``, ``"doc"``, ``"json"`` or ``"pdf"``;
    otherwise the suffix decides, and for bytes and unnamed streams the content
    does. A legacy Word ``"doc"`` is converted to docx by LibreOffice (which must
    be installed) and the plan's ``reader_notes`` say so; a docx named ``.doc``
    is read directly, RTF or HTML saved as ``.doc`` go through LibreOffice too.
    A PDF needs the ``pdf`` extra (see :func:`read_pdf`). Raises an
    :class:`InputError` subclass (with the source name) for unusable input.
    """
    data, name, guessed = _load(source)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"input too large (over {MAX_INPUT_BYTES} bytes)", source=name)
    kind = format or guessed or _sniff(data)
    if kind == "json":
        from .._converter import from_json

        plan = from_json(data, source=name)
        return plan
    if kind == "doc" and data.startswith(b"PK\x03\x04"):
        kind = "docx"  # a docx named .doc: no conversion needed
    if kind == "docx":
        from .build import build_plan
        from .docx import docx_to_document

        return build_plan(docx_to_document(data, source=name))
    if kind == "doc":
        return _read_doc(data, name)
    if kind == "pdf" or (kind == "txt" and _sniff(data) == "pdf"):
        return read_pdf(data, source=name)
    from .build import build_plan
    from .decode import decode_text
    from .lines import text_to_document

    return build_plan(text_to_document(decode_text(data, source=name), source=name))


def source_text(
    source: str | os.PathLike[str] | bytes | BinaryIO, *, format: Format | None = None
) -> str:
    """The text whose lines and columns a plan's locations count, one line per line.

    For a text file, the text itself; for a docx, one paragraph per line (tables
    included, in body order); for a PDF, its lines in reading order, page
    furniture and footnotes included (what ``kehoach read plan.pdf --text``
    prints). A JSON payload has none: :class:`InputError`.
    """
    data, name, guessed = _load(source)
    kind = format or guessed or _sniff(data)
    if kind == "pdf" or (kind == "txt" and _sniff(data) == "pdf"):
        from .pdf import pdf_text

        return pdf_text(data, source=name).text() + "\n"
    if kind in ("docx", "doc"):
        from .docx import docx_to_document

        if kind == "doc" and not data.startswith(b"PK\x03\x04"):
            from .legacy_doc import doc_to_docx

            data = doc_to_docx(data, source=name)
        lines = docx_to_document(data, source=name).lines
        count = max((line.end_line or line.line for line in lines), default=0)
        out = [""] * count
        for line in lines:
            label = f"{line.label} " if line.label else ""
            out[line.line - 1] = label + line.text
        return "\n".join(out) + "\n"
    if kind == "json":
        raise InputError("a JSON payload has no source text", source=name)
    from .decode import decode_text

    return decode_text(data, source=name)


def read_pdf(data: bytes, *, source: str = "<pdf>", signatures: bool = True) -> Plan:
    """Read a plan from the bytes of a PDF: its text layer laid out from coordinates
    (:mod:`.pdf`), every location with its page, and the PDF's digital signatures.

    ``signatures=False`` skips reading the signatures (faster; the plan's
    signature then holds only what the printed trailer says).
    Needs the ``pdf`` extra (``pip install 'kehoach-core[pdf]'``).
    """
    from .build import build_plan
    from .pdf import paginate, pdf_to_document

    document, layout = pdf_to_document(data, source=source)
    plan = build_plan(document)
    if signatures:
        plan = _with_signatures(plan, data, source)
    return paginate(plan, layout.pages)


def _with_signatures(plan: Plan, data: bytes, source: str) -> Plan:
    import attrs

    from .pdf_signatures import merge_signatures, read_signatures

    found = read_signatures(data, source=source)
    return attrs.evolve(plan, signature=merge_signatures(plan.signature, found))


def _read_doc(data: bytes, name: str) -> Plan:
    import attrs

    from .build import build_plan
    from .docx import docx_to_document
    from .legacy_doc import CONVERTED_NOTE, doc_to_docx

    plan = build_plan(docx_to_document(doc_to_docx(data, source=name), source=name))
    return attrs.evolve(plan, reader_notes=(*plan.reader_notes, CONVERTED_NOTE))


def read_text(text: str, *, source: str = "<text>") -> Plan:
    """Read a plan from text already in memory (for example extracted from a PDF)."""
    if len(text) > MAX_INPUT_BYTES:
        raise InputError("input too large", source=source)
    from .build import build_plan
    from .lines import text_to_document

    return build_plan(text_to_document(text, source=source))
