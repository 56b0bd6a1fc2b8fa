"""Atomic file output: a reader of the destination sees the old file or the new, never half.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "plan.json"
>>> write_atomic(target, "{}\\n")
>>> target.read_text()
'{}\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ._errors import OutputError

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write ``data`` (text is encoded as UTF-8) to ``path`` through a temporary file and rename.

    Raises :class:`OutputError` naming the path when the directory is missing or
    not writable.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", source=str(target)) from exc
    try:
        # mkstemp makes the file owner-only; give it the mode a plain open() would
        # (keeping the mode of a file it replaces).
        try:
            mode = os.stat(target).st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write: {exc.strerror}", source=str(target)) from exc
        raise
