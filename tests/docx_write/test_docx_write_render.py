"""The rendering check: LibreOffice converts a written plan to PDF and page images."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "superior-tinh-lang-son.json"


def _render_module():
    spec = importlib.util.spec_from_file_location(
        "render_docx", ROOT / "benchmarks" / "render_docx.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


needs_tools = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftoppm"),
    reason="LibreOffice (soffice) or pdftoppm not installed",
)


@needs_tools
@pytest.mark.parametrize("format", ["party", "state"])
def test_written_plan_converts_to_pdf_and_page_images(tmp_path, format):
    paths = _render_module().render(EXAMPLE, tmp_path, format=format, dpi=30, pages=2)
    suffixes = [p.suffix for p in paths]
    assert suffixes[:2] == [".docx", ".pdf"]
    pngs = [p for p in paths if p.suffix == ".png"]
    assert len(pngs) == 2  # the example runs to more than one page
    assert all(p.stat().st_size > 1000 for p in pngs)
    pdf = paths[1].read_bytes()
    assert pdf.startswith(b"%PDF")


def test_render_script_reports_missing_tools(monkeypatch, capsys):
    module = _render_module()
    monkeypatch.setattr(
        module, "tools", lambda: {"soffice": None, "pdftoppm": None, "pdffonts": None}
    )
    assert module.main([str(EXAMPLE), "--out", "unused"]) == 2
    assert "missing soffice, pdftoppm" in capsys.readouterr().err
