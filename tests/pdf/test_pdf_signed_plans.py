"""Signed PDFs of real plans, as an office signs them: read, checked, and caught when altered.

The PDFs are the fixtures of real plans (``tests/pdf/fixtures``), signed here with a
test certificate (``tests/pdf/signing.py``), offline.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import attrs
import pytest

pytest.importorskip("pypdfium2", reason="the 'pdf' extra (pypdfium2) is not installed")
pytest.importorskip("pyhanko", reason="the 'pdf' extra (pyhanko) is not installed")
pytest.importorskip("cryptography", reason="cryptography makes the test certificates")

sys.path.insert(0, str(Path(__file__).parent))

from signing import make_certificate, modify_after_signing, sign_pdf

import kehoach_core as kh
from kehoach_core.validate import validate

FIXTURES = Path(__file__).parent / "fixtures"


def _without_digital(plan: kh.Plan) -> kh.Plan:
    assert plan.signature is not None
    return attrs.evolve(plan, signature=attrs.evolve(plan.signature, digital=None))


@pytest.fixture(scope="module")
def signer() -> object:
    return make_certificate("Nông Đức Vượng", "Đảng ủy xã Kiên Mộc", "dangUyKienMoc@langson.gov.vn")


@pytest.mark.parametrize("name", ["kien-moc", "nghe-an"])
def test_a_signed_plan_reads_as_its_docx_with_the_signature_of_the_certificate(
    name: str, signer: object, tmp_path: Path
) -> None:
    before = dt.datetime.now(dt.UTC)
    signed = tmp_path / f"{name}-signed.pdf"
    signed.write_bytes(sign_pdf((FIXTURES / f"{name}.pdf").read_bytes(), signer))  # type: ignore[arg-type]
    plan = kh.read(signed)
    assert plan.signature is not None
    digital = plan.signature.digital
    assert digital is not None
    assert digital.origin == "pdf"
    assert digital.signer == "Nông Đức Vượng"
    assert digital.organization == "Đảng ủy xã Kiên Mộc"
    assert digital.signed_at is not None
    assert digital.signed_at.tzinfo is not None
    assert abs((digital.signed_at - before).total_seconds()) < 120
    assert (digital.intact, digital.valid, digital.covers_whole_file) == (True, True, True)
    assert digital.modified_after is False
    assert digital.trusted is None  # never claimed: trust roots are the user's business
    assert _without_digital(plan) == kh.read(FIXTURES / f"{name}.docx")
    codes = {f.code for f in validate(plan).findings}
    assert "KH606" not in codes
    assert "KH607" not in codes


def test_a_plan_altered_after_signing_is_reported(signer: object, tmp_path: Path) -> None:
    signed = sign_pdf((FIXTURES / "kien-moc.pdf").read_bytes(), signer)  # type: ignore[arg-type]
    altered = tmp_path / "kien-moc-altered.pdf"
    altered.write_bytes(modify_after_signing(signed))
    plan = kh.read(altered)
    assert plan.signature is not None
    assert plan.signature.digital is not None
    assert plan.signature.digital.modified_after is True
    assert plan.signature.digital.covers_whole_file is False
    report = validate(plan, lang="en")
    (error,) = [f for f in report.findings if f.code == "KH606"]
    assert "Nông Đức Vượng" in error.message
    assert error.page is not None


def test_an_unsigned_plan_pdf_gets_the_info() -> None:
    plan = kh.read(FIXTURES / "kien-moc.pdf")
    findings = [f for f in validate(plan).findings if f.code == "KH607"]
    assert len(findings) == 1
    assert findings[0].severity.value == "info"


def test_the_command_line_reports_the_alteration(
    signer: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from kehoach_core.cli import main

    signed = sign_pdf((FIXTURES / "nghe-an.pdf").read_bytes(), signer)  # type: ignore[arg-type]
    path = tmp_path / "altered.pdf"
    path.write_bytes(modify_after_signing(signed))
    code = main(["validate", str(path), "--select", "KH606", "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1
    assert "KH606" in out
    assert "(page " in out
