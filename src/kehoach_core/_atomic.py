"""Safe file output: a reader of the destination sees the old file or the new, never half.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "plan.json"
>>> write_atomic(target, "{}\\n")
>>> target.read_text()
'{}\\n'

What the destination is decides how it is written:

* ``-``: standard output;
* a regular file, or a name not there yet: a new file in the same folder, then a
  rename over the destination (its mode kept); on Linux the new file has no name
  until it is complete (``O_TMPFILE``), so even a killed process leaves nothing
  behind; elsewhere a temporary name that a later run removes when the process
  that made it is gone;
* a symbolic link: the file it points to is replaced, the link stays;
* a device, a pipe (FIFO) or a socket: written through, never replaced
  (``-o /dev/null`` keeps ``/dev/null``);
* a folder, or one of the command's own inputs (``inputs=``): refused with an
  :class:`~kehoach_core.OutputError`.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ._errors import OutputError

__all__ = ["check_output", "write_atomic"]

_TMP_RE = re.compile(r"^\.(?P<name>.+)\.kehoach-(?P<pid>\d+)-[^.]+\.tmp$")


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write ``data`` (text is encoded as UTF-8) to ``path`` safely (see the module).

    ``inputs`` are the files the command read: writing over one of them is
    refused. Raises :class:`OutputError` naming the path when it cannot be written.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if os.fspath(path) == "-":
        _to_stdout(payload)
        return
    target = Path(path)
    _refuse_inputs(target, inputs)
    try:
        info = os.stat(target)  # follows a symbolic link
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", source=str(target)) from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError("is a directory", source=str(target))
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(target, payload)  # a device, a FIFO, a socket: never replaced
        return
    if target.is_symlink():
        target = Path(os.path.realpath(target))  # replace the file, keep the link
    mode = stat.S_IMODE(info.st_mode) if info is not None else _default_mode()
    _replace(target, payload, mode)


def _to_stdout(payload: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    try:
        if stream is not None:
            stream.write(payload)
            stream.flush()
        else:  # a text stream (tests capture it this way)
            sys.stdout.write(payload.decode("utf-8"))
            sys.stdout.flush()
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", source="<stdout>") from exc


def check_output(
    path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Refuse (:class:`OutputError`) an output that is a folder or one of ``inputs``.

    For writers that are not :func:`write_atomic` itself (the docx writers), to call
    before they start.
    """
    if os.fspath(path) == "-":
        return
    target = Path(path)
    _refuse_inputs(target, inputs)
    if target.is_dir():
        raise OutputError("is a directory", source=str(target))


def _refuse_inputs(target: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    for source in inputs:
        if os.fspath(source) == "-":
            continue
        try:
            same = os.path.samefile(source, target)
        except OSError:  # one of them is not there: not the same file
            same = False
        if same:
            raise OutputError(
                "is one of the inputs: refusing to write over it (give another -o)",
                source=str(target),
            )


def _write_through(target: Path, payload: bytes) -> None:
    try:
        with open(target, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", source=str(target)) from exc


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _replace(target: Path, payload: bytes, mode: int) -> None:
    _sweep(target.parent)
    try:
        if _replace_anonymous(target, payload, mode):
            return
        _replace_named(target, payload, mode)
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror}", source=str(target)) from exc


def _replace_anonymous(target: Path, payload: bytes, mode: int) -> bool:
    """Write through a file with no name until complete (Linux ``O_TMPFILE``).

    False where the system or the filesystem cannot: the caller falls back to a
    named temporary file.
    """
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(target.parent, flag | os.O_WRONLY, 0o600)
    except OSError:
        return False
    name: str | None = None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
            name = _link_anonymous(handle.fileno(), target)
        if name is None:
            return False
        os.replace(name, target)
    except BaseException:
        if name is not None:
            with contextlib.suppress(OSError):
                os.unlink(name)
        raise
    return True


def _link_anonymous(fd: int, target: Path) -> str | None:
    """Give the anonymous file ``fd`` a temporary name beside ``target`` (None: cannot)."""
    for attempt in range(100):
        name = str(target.parent / f".{target.name}.kehoach-{os.getpid()}-{attempt}.tmp")
        try:
            os.link(f"/proc/self/fd/{fd}", name, follow_symlinks=True)
        except FileExistsError:
            continue
        except OSError:
            return None  # linking from /proc is not allowed here
        return name
    return None


def _replace_named(target: Path, payload: bytes, mode: int) -> None:
    """Write a temporary file named after this process, then rename it over ``target``."""
    fd, name = tempfile.mkstemp(
        prefix=f".{target.name}.kehoach-{os.getpid()}-", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, mode)
        os.replace(name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise


def _sweep(folder: Path) -> None:
    """Remove temporary files an earlier run left behind when it was killed."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _TMP_RE.match(name)
        if match is None or _alive(int(match["pid"])):
            continue
        with contextlib.suppress(OSError):
            os.unlink(folder / name)


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows: os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but is not ours
    return True
