"""Render page 1 and the last page of a plan in each official format, for the docs.

    PYTHONPATH=src python docs/render_plans.py            # writes docs/images/sample-*.png
    PYTHONPATH=src python docs/render_plans.py --out /tmp/r --keep

The plan is the repository's example (``examples/superior-tinh-lang-son.json``),
so the pictures can be made again anywhere. Each format's docx is written by
the library, converted to PDF by LibreOffice (``soffice``) and its first and
last pages to PNG by poppler (``pdftoppm``) at 50 dpi: ``sample-party-page1.png``,
``sample-party-last.png``, ``sample-state-page1.png``, ``sample-state-last.png``
(``docs/docx.md`` shows them). Liberation Serif stands in for Times New Roman
where that is not installed (the same metrics).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import kehoach_core
from kehoach_core.docx_io import write_docx

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "superior-tinh-lang-son.json"
DPI = 50


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    return int(match.group(1)) if match else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--keep", action="store_true", help="keep the docx and PDF beside")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print("render_plans: needs LibreOffice (soffice) and poppler (pdftoppm)", file=sys.stderr)
        return 2
    plan = kehoach_core.read(PLAN)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for fmt in ("party", "state"):
            docx = folder / f"sample-{fmt}.docx"
            write_docx(plan, docx, format=fmt)
            subprocess.run(
                [soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
                 "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                check=True, capture_output=True, timeout=180,
            )  # fmt: skip
            pdf = docx.with_suffix(".pdf")
            last = _pages(pdf)
            for page, name in ((1, "page1"), (last, "last")):
                stem = args.out / f"sample-{fmt}-{name}"
                subprocess.run(
                    ["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page),
                     "-singlefile", str(pdf), str(stem)],
                    check=True, timeout=60,
                )  # fmt: skip
                print(f"{stem}.png (page {page} of {last})")
            if args.keep:
                shutil.copy(docx, args.out)
                shutil.copy(pdf, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
