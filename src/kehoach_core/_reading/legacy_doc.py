"""Legacy Word ``.doc`` files: converted to ``.docx`` with LibreOffice, then read as docx.

Offices still send Word 97-2003 files (an OLE compound file, magic bytes
``D0 CF 11 E0``). Nothing in Python reads them well, so :func:`doc_to_docx`
hands them to LibreOffice (``soffice`` or ``libreoffice`` on ``PATH``), run
headless in a throw-away profile inside a temporary folder, with a time limit.
Without LibreOffice, or when it fails, the error is an
:class:`~kehoach_core.InputError` that says what to do ("LibreOffice is
needed to read it (install LibreOffice, or save the file as .docx in Word)").

:data:`CONVERTED_NOTE` is the text of the note that :func:`kehoach_core.read`
adds to a plan read from a ``.doc``, so the conversion stays on record.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .._errors import InputError

__all__ = [
    "CONVERSION_TIMEOUT",
    "CONVERTED_NOTE",
    "doc_to_docx",
    "find_libreoffice",
    "looks_like_word",
]

CONVERSION_TIMEOUT = 120.0
"""Seconds LibreOffice gets to convert one file before it is killed."""

CONVERTED_NOTE = "converted from a legacy Word .doc file to .docx with LibreOffice before reading"
"""The text of the header note a plan read from a ``.doc`` carries."""

_NEEDED = (
    "legacy Word .doc: LibreOffice is needed to read it "
    "(install LibreOffice, or save the file as .docx in Word)"
)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def looks_like_word(data: bytes) -> bool:
    """Whether the bytes can be a file Word saved as ``.doc``: Word 97-2003 (OLE), RTF or HTML.

    Anything else LibreOffice would open as plain text and convert anyway, so
    it is refused before LibreOffice runs.

    >>> looks_like_word(_OLE_MAGIC + bytes(504)), looks_like_word(b"{\\\\rtf1")
    (True, True)
    >>> looks_like_word(b"KE HOACH")
    False
    """
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return data.startswith(_OLE_MAGIC) or head.startswith((b"{\\rtf", b"<"))


def find_libreoffice() -> str | None:
    """The LibreOffice program on ``PATH`` (``soffice``, else ``libreoffice``), or ``None``."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice and whatever it started (it runs in its own process group)."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows has no process groups to kill
            process.kill()
    except ProcessLookupError:  # pragma: no cover - it ended in the meantime
        pass
    process.communicate()


def _last_line(output: bytes) -> str:
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line and "javaldx" not in line]
    return lines[-1][:200] if lines else ""


def doc_to_docx(data: bytes, *, source: str, timeout: float = CONVERSION_TIMEOUT) -> bytes:
    """The bytes of a legacy Word ``.doc`` converted to ``.docx`` by LibreOffice.

    ``source`` names the file in error messages. Raises :class:`InputError`
    when the bytes are not a Word file (see :func:`looks_like_word`), when
    LibreOffice is absent, fails, makes nothing, or takes longer than
    ``timeout`` seconds (it is then killed); the temporary folder is removed
    in every case.
    """
    if not looks_like_word(data):
        raise InputError(
            "not a Word .doc file (neither Word 97-2003, RTF nor HTML)",
            source=source,
            excerpt=data[:40].decode("latin-1"),
        )
    program = find_libreoffice()
    if program is None:
        raise InputError(_NEEDED, source=source)
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        folder = Path(tmp)
        document = folder / "plan.doc"
        document.write_bytes(data)
        out = folder / "out"
        out.mkdir()
        command = [
            program,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(document),
        ]
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError as exc:
            raise InputError(
                f"legacy Word .doc: LibreOffice could not be started ({exc.strerror or exc})",
                source=source,
            ) from exc
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            _stop(process)
            raise InputError(
                f"legacy Word .doc: LibreOffice did not convert it within {timeout:g} seconds",
                source=source,
            ) from exc
        result = out / "plan.docx"
        if process.returncode != 0 or not result.is_file():
            said = _last_line(output)
            detail = f": {said}" if said else f" (exit status {process.returncode})"
            raise InputError(
                f"legacy Word .doc: LibreOffice could not convert it{detail}", source=source
            )
        return result.read_bytes()
