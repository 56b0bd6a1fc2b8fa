"""Render page 1 of each docx report to PNG for the docs (``docs/reports.md``).

    PYTHONPATH=src python docs/render_reports.py            # writes docs/images/report-*.png
    PYTHONPATH=src python docs/render_reports.py --out /tmp/r --keep-docx

The plans are the repository's examples, so the pictures can be made again
anywhere: the validation report of ``examples/subordinate-xa-hoang-van-thu.json``,
its comparison with ``examples/superior-tinh-lang-son.json``, and the diff of
that plan against a revised copy (one item reworded, one removed, one added),
written as Word's own tracked changes. Needs LibreOffice (``soffice``) and
poppler (``pdftoppm``); pages are rendered at 40 dpi to keep each PNG small.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs

import kehoach_core
from kehoach_core.compare import compare, coverage_docx, tracked_diff_docx
from kehoach_core.validate import to_docx, validate

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SUPERIOR = EXAMPLES / "superior-tinh-lang-son.json"
SUBORDINATE = EXAMPLES / "subordinate-xa-hoang-van-thu.json"
MAX_BYTES = 100_000


def revised(plan: kehoach_core.Plan) -> kehoach_core.Plan:
    """A second version of ``plan``: first item of phase 1 reworded, second removed, one added."""
    phase = plan.phases[0]
    items = list(phase.content)
    items[0] = attrs.evolve(
        items[0], text=items[0].text.replace("Tuyên truyền", "Đẩy mạnh tuyên truyền", 1)
    )
    if len(items) > 2:
        items.pop(1)
    items.append(
        kehoach_core.ContentItem(label="-", text="Tuyên truyền gương người tốt, việc tốt.")
    )
    return attrs.evolve(plan, phases=[attrs.evolve(phase, content=items), *plan.phases[1:]])


def reports() -> dict[str, bytes]:
    """The three reports as docx bytes, by name."""
    superior, subordinate = kehoach_core.read(SUPERIOR), kehoach_core.read(SUBORDINATE)
    return {
        "report-validation": to_docx(validate(subordinate)),
        "report-comparison": coverage_docx(
            compare(superior, subordinate), superior=superior, subordinate=subordinate
        ),
        "report-diff": tracked_diff_docx(subordinate, revised(subordinate)),
    }


def render(name: str, data: bytes, out: Path, work: Path, dpi: int) -> Path:
    """Page 1 of ``data`` as ``out/name.png``."""
    source = work / f"{name}.docx"
    source.write_bytes(data)
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{work / 'lo'}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    stem = work / name
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(work / f"{name}.pdf"),
            str(stem),
        ],
        check=True,
        capture_output=True,
    )
    target = out / f"{name}.png"
    shutil.copyfile(stem.with_suffix(".png"), target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--dpi", type=int, default=40)
    parser.add_argument("--keep-docx", action="store_true", help="also copy the .docx files")
    args = parser.parse_args(argv)
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        print(f"render_reports: missing {', '.join(missing)}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kh-reports-") as tmp:
        work = Path(tmp)
        for name, data in reports().items():
            png = render(name, data, args.out, work, args.dpi)
            if args.keep_docx:
                (args.out / f"{name}.docx").write_bytes(data)
            size = png.stat().st_size
            flag = "" if size <= MAX_BYTES else f"  (over {MAX_BYTES} bytes: lower --dpi)"
            print(f"{png}: {size} bytes{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
