"""Checks on the raw bytes of a docx, made before any XML parser sees them.

:func:`check_package` refuses, with a :class:`~kehoach_core.DocxError` that
names the source, everything that is not a plain, reasonably sized Word
document: empty input, other formats (legacy ``.doc``, encrypted documents,
RTF, PDF, other Office packages), broken or truncated zips, zip bombs and XML
with a document type declaration (the door to entity-expansion attacks).

The zip bomb check reads only the central directory: the declared sizes are
trusted for the decision and then enforced while reading, because
:mod:`zipfile` never returns more than a member's declared size (a member that
lies about it fails its CRC check). Nothing is decompressed before the sizes
have been accepted. Then the prolog of every XML part (at most 64 KiB of it)
is read: a ``<!DOCTYPE`` or any other ``<!`` declaration before the root
element is refused; declarations can appear nowhere else in well-formed XML.

>>> check_package(b"", source="plan.docx")
Traceback (most recent call last):
...
kehoach_core._errors.DocxError: plan.docx: empty input, not a docx
"""

from __future__ import annotations

import io
import zipfile
import zlib

from .._errors import DocxError

__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_UNCOMPRESSED_BYTES",
    "check_package",
]

MAX_INPUT_BYTES = 64 * 1024 * 1024
"""Compressed inputs larger than this (64 MiB) are refused."""
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
"""The sum of the members' declared uncompressed sizes may not pass 200 MiB."""
MAX_MEMBERS = 2000
"""A Word document holds a few dozen parts; more than this is refused."""
MAX_RATIO = 100
"""A member larger than :data:`_RATIO_FLOOR` may not compress better than 1:100."""
_RATIO_FLOOR = 4 * 1024 * 1024
_PROLOG_LIMIT = 64 * 1024
_FIRST_READ = 1024
_MARGIN = 8

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_OTHER_PACKAGES = {
    "xl/workbook.xml": "an Excel workbook (.xlsx), not a Word document",
    "ppt/presentation.xml": "a PowerPoint presentation (.pptx), not a Word document",
    "content.xml": "an OpenDocument file (.odt), save it as .docx",
}


def check_package(data: bytes, *, source: str) -> zipfile.ZipFile:
    """Raise :class:`DocxError` unless ``data`` looks like a safe, plain docx package.

    Returns the package's zip, open, for the caller to read the parts it needs
    from (and close); its members' declared sizes have been accepted and are
    enforced by :mod:`zipfile` while reading.
    """
    _check_signature(data, source)
    archive = None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
        _check_members(infos, source)
        for info in infos:
            if info.filename.lower().endswith(_XML_SUFFIXES):
                _scan_xml(archive, info, source)
    except DocxError:
        _close(archive)
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error) as exc:
        _close(archive)
        raise DocxError(f"corrupt or truncated docx ({exc})", source=source) from exc
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        _close(archive)
        raise DocxError(f"corrupt docx ({type(exc).__name__}: {exc})", source=source) from exc
    except BaseException:
        _close(archive)
        raise
    return archive


def _close(archive: zipfile.ZipFile | None) -> None:
    if archive is not None:
        archive.close()


def _check_signature(data: bytes, source: str) -> None:
    if not data:
        raise DocxError("empty input, not a docx", source=source)
    if len(data) > MAX_INPUT_BYTES:
        raise DocxError(f"input too large ({len(data)} bytes)", source=source)
    if data.startswith(_OLE_MAGIC[:4]):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise DocxError(
                "encrypted (password-protected) document; remove the password and save again",
                source=source,
            )
        raise DocxError("legacy Word .doc (OLE compound file), save as .docx", source=source)
    if data.startswith(b"{\\rtf"):
        raise DocxError("an RTF document, save as .docx", source=source)
    if data.startswith(b"%PDF"):
        raise DocxError("a PDF, not a docx", source=source)
    if not data.startswith(b"PK"):
        raise DocxError("not a docx (not a zip archive)", source=source)


def _check_members(infos: list[zipfile.ZipInfo], source: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise DocxError(f"too many parts in the package ({len(infos)})", source=source)
    total = 0
    names: set[str] = set()
    for info in infos:
        name = info.filename.lower()
        if name in names:
            raise DocxError(f"duplicate part {info.filename!r} in the package", source=source)
        names.add(name)
        if info.flag_bits & 0x1:
            raise DocxError(f"encrypted zip member {info.filename!r}", source=source)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DocxError(
                f"unsupported compression in {info.filename!r} (method {info.compress_type})",
                source=source,
            )
        size = info.file_size
        total += size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise DocxError(
                f"too large once decompressed (over {MAX_UNCOMPRESSED_BYTES} bytes; zip bomb?)",
                source=source,
            )
        if size > _RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            raise DocxError(
                f"part {info.filename!r} compresses {size // max(info.compress_size, 1)}:1"
                " (zip bomb?)",
                source=source,
            )
    if "word/document.xml" not in names or "[content_types].xml" not in names:
        for member, what in _OTHER_PACKAGES.items():
            if member in names:
                raise DocxError(what, source=source)
        missing = "word/document.xml" if "word/document.xml" not in names else "[Content_Types].xml"
        raise DocxError(f"a zip but not a Word document (no {missing})", source=source)


def _scan_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str) -> None:
    """Refuse a part whose prolog holds a document type declaration (or anything but
    comments and processing instructions before the root element).

    A DTD, and so any entity declaration, may only appear in the prolog; one
    placed anywhere else is a well-formedness error the parser reports itself.
    The first :data:`_FIRST_READ` bytes usually settle it; only a longer prolog
    has up to :data:`_PROLOG_LIMIT` bytes decompressed.
    """
    with archive.open(info) as stream:
        head = stream.read(_FIRST_READ)
        if len(head) == _FIRST_READ:
            if _scan_prolog(head, info, source, final=False):
                return
            head += stream.read(_PROLOG_LIMIT - len(head))
    _scan_prolog(head, info, source, final=True)


def _scan_prolog(head: bytes, info: zipfile.ZipInfo, source: str, *, final: bool) -> bool:
    """Accept (``True``) or refuse (:class:`DocxError`) the prolog at the start of ``head``;
    ``False`` when more bytes are needed to decide (never when ``final``)."""
    prolog = _decode_head(head)
    # Short of the whole head, decide nothing within a few characters of its end
    # (a character cut in two there reads as U+FFFD).
    horizon = len(prolog) if final else len(prolog) - _MARGIN
    position = 0
    while True:
        while position < len(prolog) and prolog[position] in " \t\r\n":
            position += 1
        if position >= horizon and not final:
            return False
        if prolog.startswith("<?", position):
            closing = "?>"
        elif prolog.startswith("<!--", position):
            closing = "-->"
        elif prolog.startswith("<!", position):
            raise DocxError(
                f"unsafe XML in {info.filename!r}: document type or entity declaration",
                source=source,
            )
        else:
            following = prolog[position + 1 : position + 2]
            if position < len(prolog) and not (
                prolog[position] == "<" and (following.isalpha() or following in ("_", ":"))
            ):
                # Not UTF-8 or UTF-16 markup (UTF-32, EBCDIC...): nothing a docx holds.
                raise DocxError(
                    f"unreadable XML in {info.filename!r} (encoding or content)", source=source
                )
            return True  # the root element, or an empty part: for the parser to judge
        end = prolog.find(closing, position + 2)
        if end < 0 or (end + len(closing) > horizon and not final):
            if not final:
                return False
            if len(head) < _PROLOG_LIMIT:
                return True  # an unterminated prolog: malformed, the parser refuses it
            raise DocxError(f"XML prolog too long in {info.filename!r}", source=source)
        position = end + len(closing)


def _decode_head(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return head.decode("utf-16-le", errors="replace").lstrip("\ufeff")
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return head.decode("utf-16-be", errors="replace").lstrip("\ufeff")
    return head.decode("utf-8", errors="replace").lstrip("\ufeff")
