"""The sample plans shipped with the package, reachable after ``pip install``.

>>> from kehoach_core import read
>>> from kehoach_core.samples import path
>>> read(path("superior.txt")).title is not None
True

``python -m kehoach_core.samples DIR`` copies them into ``DIR`` (the tutorial's
command-line examples use those copies).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["NAMES", "copy_to", "path"]

NAMES = ("superior.txt", "subordinate.txt", "schedule.toml")
"""The samples: a provincial plan, a commune plan carrying it out, a schedule of dates."""


def path(name: str) -> Path:
    """The file of sample ``name`` (one of :data:`NAMES`)."""
    if name not in NAMES:
        from .._errors import InputError

        raise InputError(f"no such sample (one of: {', '.join(NAMES)})", source=name)
    return Path(str(resources.files(__name__).joinpath(name)))


def copy_to(folder: str | Path) -> list[Path]:
    """Copy every sample into ``folder`` (made if needed); the paths written."""
    from .._atomic import write_atomic

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    out = []
    for name in NAMES:
        write_atomic(target / name, path(name).read_bytes())
        out.append(target / name)
    return out
