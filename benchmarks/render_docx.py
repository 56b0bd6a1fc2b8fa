"""Render a plan as docx, then PDF and page images, for a person to look at.

    python benchmarks/render_docx.py PLAN [--format party|state|auto] [--out DIR] [--dpi 60]
                                          [--pages N]

PLAN is a .json, .txt or .docx plan (a .docx is rendered as it is, without
rewriting). The script writes ``DIR/<name>-<format>.docx``, converts it to
PDF with LibreOffice (``soffice --headless --convert-to pdf``) and to PNG page
images with ``pdftoppm``, and prints the paths. Times New Roman is not free:
where it is missing LibreOffice substitutes a metric-compatible font
(Liberation Serif), and the script says which font the PDF really uses
(``pdffonts``).

Exit codes: 0 done, 2 a tool is missing or a conversion failed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 180


def tools() -> dict[str, str | None]:
    """The external programs this script uses, with their paths (``None`` when absent)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    return {
        "soffice": soffice,
        "pdftoppm": shutil.which("pdftoppm"),
        "pdffonts": shutil.which("pdffonts"),
    }


def docx_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice in a private profile (so parallel runs do not collide)."""
    soffice = tools()["soffice"]
    if soffice is None:
        raise RuntimeError("soffice (LibreOffice) not found")
    with tempfile.TemporaryDirectory(prefix="kehoach-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx_path),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    pdf = out_dir / (docx_path.stem + ".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"soffice failed ({done.returncode}): {done.stderr.strip()[:500]}")
    return pdf


def pdf_to_pngs(pdf: Path, out_dir: Path, *, dpi: int = 60, pages: int = 1) -> list[Path]:
    """Page images ``<stem>-<n>.png`` of the first ``pages`` pages."""
    pdftoppm = tools()["pdftoppm"]
    if pdftoppm is None:
        raise RuntimeError("pdftoppm (poppler-utils) not found")
    prefix = out_dir / pdf.stem
    command = [pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", str(pages), str(pdf), str(prefix)]
    subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"))


def pdf_fonts(pdf: Path) -> list[str]:
    """The font names embedded in ``pdf`` (empty when ``pdffonts`` is missing)."""
    pdffonts = tools()["pdffonts"]
    if pdffonts is None:
        return []
    done = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=False)
    return [line.split()[0] for line in done.stdout.splitlines()[2:] if line.strip()]


def render(plan_path: Path, out_dir: Path, *, format: str, dpi: int, pages: int) -> list[Path]:
    """Write (unless already a docx), convert and rasterise; the paths of all outputs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if plan_path.suffix.lower() == ".docx":
        docx_path = out_dir / plan_path.name
        if docx_path.resolve() != plan_path.resolve():
            shutil.copyfile(plan_path, docx_path)
    else:
        from kehoach_core import read
        from kehoach_core.docx_io._writer import choose_format, write_docx

        plan = read(plan_path)
        name = choose_format(plan, format)  # type: ignore[arg-type]
        docx_path = out_dir / f"{plan_path.stem}-{name}.docx"
        write_docx(plan, docx_path, format=name)
    pdf = docx_to_pdf(docx_path, out_dir)
    return [docx_path, pdf, *pdf_to_pngs(pdf, out_dir, dpi=dpi, pages=pages)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", type=Path)
    parser.add_argument("--format", choices=("party", "state", "auto"), default="auto")
    parser.add_argument("--out", type=Path, default=Path("rendered"))
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--pages", type=int, default=1)
    args = parser.parse_args(argv)
    missing = [name for name in ("soffice", "pdftoppm") if tools()[name] is None]
    if missing:
        print(f"render_docx: missing {', '.join(missing)} (install LibreOffice and poppler-utils)",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        paths = render(args.plan, args.out, format=args.format, dpi=args.dpi, pages=args.pages)
    except (RuntimeError, subprocess.SubprocessError) as exc:
        print(f"render_docx: {exc}", file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    pdf = next(path for path in paths if path.suffix == ".pdf")
    fonts = pdf_fonts(pdf)
    if fonts:
        used = ", ".join(sorted(set(fonts)))
        note = "" if any("TimesNewRoman" in f for f in fonts) else " (Times New Roman substituted)"
        print(f"fonts: {used}{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
