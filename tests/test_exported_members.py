"""The public namespace is curated: pin it so changes are deliberate."""

from __future__ import annotations

import kehoach_core


def _isort_style(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: the order ruff's RUF022 keeps."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_importable():
    names = kehoach_core.__all__
    assert list(names) == sorted(names, key=_isort_style)
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(kehoach_core, name), name


def test_no_private_module_leaks_into_all():
    assert not [n for n in kehoach_core.__all__ if n.startswith("_")]


def test_error_hierarchy_has_one_root():
    errors = [getattr(kehoach_core, n) for n in kehoach_core.__all__ if n.endswith("Error")]
    assert all(issubclass(e, kehoach_core.KehoachError) for e in errors)
    assert issubclass(kehoach_core.InputError, ValueError)
    assert issubclass(kehoach_core.OutputError, OSError)


def test_import_loads_no_heavy_dependency():
    """cattrs, python-docx, lxml, icalendar and rapidfuzz load on first use, not at import."""
    import subprocess
    import sys

    code = "import sys, kehoach_core; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    heavy = {"cattrs", "docx", "lxml", "icalendar", "rapidfuzz", "hypothesis", "jsonschema"}
    assert not heavy & loaded
