"""How often a plan read from a PDF equals the plan read from the Word file it was printed from.

Run ``python benchmarks/accuracy_pdf.py [OUTDIR]`` on a machine with LibreOffice
(``soffice``). Every real plan of ``../shared/corpus`` (text, Word and web pages)
is written as a docx in both official formats by the library's writer, each docx
exported to PDF by LibreOffice in one call, and then both are read: the report
counts the PDFs whose plan equals the docx's (``==``: content, locations aside)
and lists, for the others, the first differing fields.

This is a held-out check: the reader was tuned on the offices' own Word files
and three of these plans (``tests/pdf``), not on this set as a whole. The PDFs
are LibreOffice's, not Word's; a signed office PDF may differ in ways these do not.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"

import kehoach_core as kh  # noqa: E402
from kehoach_core.docx_io import write_docx  # noqa: E402

_META = ("location", "header_locations", "source", "pages", "furniture", "reader_notes")


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _META}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _differences(path: str, a: Any, b: Any, out: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            _differences(f"{path}.{key}", a.get(key), b.get(key), out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            _differences(f"{path}[{index}]", x, y, out)
    elif a != b:
        out.append(
            f"{path}: pdf {json.dumps(a, ensure_ascii=False)[:90]} "
            f"| docx {json.dumps(b, ensure_ascii=False)[:90]}"
        )


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("accuracy_pdf: LibreOffice (soffice) is needed to make the PDFs")
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="kh-pdf-"))
    out.mkdir(parents=True, exist_ok=True)
    warnings.simplefilter("ignore")
    sources = sorted(CORPUS.glob("*.txt")) + sorted((CORPUS / "web").glob("*.md"))
    for source in sources:
        text = source.read_text(encoding="utf-8")
        plan = kh.read_text(text, source=source.name) if source.suffix == ".md" else kh.read(source)
        for fmt in ("party", "state"):
            write_docx(plan, out / f"{source.stem}.{fmt}.docx", format=fmt)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{profile}",
             "--convert-to", "pdf", "--outdir", str(out), *map(str, sorted(out.glob("*.docx")))],
            check=True, capture_output=True, timeout=1800,
        )  # fmt: skip
    equal = cased = 0
    pdfs = sorted(out.glob("*.pdf"))
    for pdf in pdfs:
        from_pdf, from_docx = kh.read(pdf), kh.read(pdf.with_suffix(".docx"))
        if from_pdf == from_docx:
            equal += 1
            continue
        if _upper_names(from_pdf) == _upper_names(from_docx):
            cased += 1  # the writer types names in their case under w:caps; the PDF shows capitals
            continue
        found: list[str] = []
        _differences("", _strip(kh.to_dict(from_pdf)), _strip(kh.to_dict(from_docx)), found)
        print(f"{pdf.name}: {len(found)} differences")
        for line in found[:3]:
            print(f"    {line}")
    print(
        f"{equal}/{len(pdfs)} PDFs read to the plan of their docx, {cased} more but for the "
        f"letter case of the issuer (caps formatting in the docx) (files in {out})"
    )


def _upper_names(plan: kh.Plan) -> kh.Plan:
    import attrs

    def up(value: str | None) -> str | None:
        return value.upper() if value else value

    return attrs.evolve(plan, issuer=up(plan.issuer), superior_body=up(plan.superior_body))


if __name__ == "__main__":
    main()
