"""The clerk's check of the printed pages: the signature block is never split.

Every corpus plan (the texts, the offices' Word files, the web pages) is
written in both formats and converted to PDF by LibreOffice in one ``soffice``
call (about 6 s for the 38 files on two cores; the page texts take a few
seconds more with ``pdftotext -f N -l N``). The test is skipped where
LibreOffice or poppler-utils is missing. It runs by default: the whole set is
fast enough; ``KEHOACH_RENDER_SUBSET=1`` keeps three plans (Cái Răng, Kiên Mộc,
one web plan) for a quick run.

What is checked, on the pages as printed:

* the signer's name is on the page of the signature's title and authority;
* the *Nơi nhận* label and the archive line are on that page too (the
  recipients and the signature side by side, not cut in two);
* no page holds only the archive line (*- Lưu Văn phòng Đảng ủy.*).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest

from kehoach_core import Plan, read
from kehoach_core.docx_io import UnrepresentableWarning, choose_format, to_docx
from kehoach_core.docx_io._convert import convert_format

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
SUBSET = (
    "quan-cai-rang-can-tho-2024.txt",
    "xa-kien-moc-lang-son-2025.txt",
    "web/62f25a030c183151.md",
)
TOOLS = ("soffice", "pdftotext", "pdfinfo")

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in TOOLS),
        reason="LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo) not installed",
    ),
]


def _names() -> list[str]:
    if not CORPUS.is_dir():
        return []
    found = sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.docx"), *CORPUS.glob("web/*.md")])
    names = [str(path.relative_to(CORPUS)) for path in found]
    if os.environ.get("KEHOACH_RENDER_SUBSET"):
        names = [name for name in names if name in SUBSET]
    return names


CASES = [(name, format) for name in _names() for format in ("party", "state")]


def _stem(name: str, format: str) -> str:
    return re.sub(r"[^\w-]", "_", name) + "-" + format


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[Plan, list[str]]]:
    """Every case written, converted in one soffice call, and its pages' texts."""
    out = tmp_path_factory.mktemp("pages")
    plans: dict[str, Plan] = {}
    for name, format in CASES:
        plan = read(CORPUS / name)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UnrepresentableWarning)
            data = to_docx(plan, format=format)  # type: ignore[arg-type]
        stem = _stem(name, format)
        (out / f"{stem}.docx").write_bytes(data)
        plans[stem] = convert_format(plan, choose_format(plan, format))  # type: ignore[arg-type]
    profile = out / "profile"
    command = [
        shutil.which("soffice") or "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *(str(out / f"{stem}.docx") for stem in plans),
    ]
    subprocess.run(command, capture_output=True, timeout=600, check=False)
    result = {}
    for stem, plan in plans.items():
        pdf = out / f"{stem}.pdf"
        result[stem] = (plan, _pages(pdf) if pdf.exists() else [])
    return result


def _pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    pages = []
    for number in range(1, count + 1):
        texts = []
        for mode in ([], ["-layout"]):
            command = ["pdftotext", *mode, "-f", str(number), "-l", str(number), str(pdf), "-"]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            texts.append(done.stdout)
        pages.append("\n\f\n".join(texts))
    return pages


def _flat(text: str) -> str:
    return " ".join(text.split())


def _bare(text: str) -> str:
    return "".join(text.split())


def _page_of(pages: list[str], text: str) -> int | None:
    """The last page (1-based) printing ``text`` in one column (line breaks ignored)."""
    wanted = _bare(text)
    hits = [
        index
        for index, page in enumerate(pages, 1)
        if any(wanted in _bare(part) for part in page.split("\f"))
    ]
    return hits[-1] if hits else None


def _tail_words(text: str, count: int = 3) -> str:
    return " ".join(text.split()[-count:])


@pytest.mark.parametrize(("name", "format"), CASES)
def test_signature_block_is_on_one_page(rendered, name, format):
    plan, pages = rendered[_stem(name, format)]
    assert pages, "LibreOffice did not convert the file"
    signature = plan.signature
    if signature is None or not signature.signer:
        pytest.skip("the plan has no signer")
    signer = _page_of(pages, signature.signer)
    assert signer is not None, "the signer's name is not printed"
    where = {"name": signer}
    if signature.title:
        where["title"] = _page_of(pages, " ".join(signature.title.split()[:3]))
    if signature.authority:
        where["authority"] = _page_of(pages, signature.authority)
    if plan.recipients:
        where["Nơi nhận"] = _page_of(pages, "Nơi nhận")
        where["archive line"] = _page_of(pages, _tail_words(plan.recipients[-1].text))
    assert {key: page for key, page in where.items() if page != signer} == {}, where


@pytest.mark.parametrize(("name", "format"), CASES)
def test_no_page_holds_only_the_archive_line(rendered, name, format):
    _, pages = rendered[_stem(name, format)]
    assert pages, "LibreOffice did not convert the file"
    for number, page in enumerate(pages, 1):
        text = _flat(page.split("\f")[0])
        text = re.sub(rf"^{number}\b\s*", "", text)  # the page number in the header
        assert len(text) > 40, f"page {number} holds only {text!r}"
