"""The digital signatures of a PDF: read with pyHanko, merged with the trailer, validated.

The PDFs and certificates are made here (``tests/pdf/signing.py``), offline:
a self-signed test CA, so ``trusted`` stays ``None`` while the signature is
intact and valid.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import socket
import subprocess
import sys

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("pyhanko", reason="the 'pdf' extra (pyhanko) is not installed")
pytest.importorskip("cryptography", reason="cryptography makes the test certificates")

from kehoach_core import DigitalSignature, InputError, Location, Plan, Signature
from kehoach_core._errors import MissingExtraError
from kehoach_core._reading.pdf_signatures import (
    PDF_EXTRA_MESSAGE,
    _in_zone_of,
    merge_signatures,
    read_signatures,
)
from kehoach_core.validate import validate

from .signing import make_certificate, make_pdf, modify_after_signing, sign_pdf, timestamp_pdf

SOURCE = "plan.pdf"


@pytest.fixture(scope="module")
def unsigned() -> bytes:
    return make_pdf()


@pytest.fixture(scope="module")
def signed(unsigned: bytes) -> tuple[bytes, dt.datetime]:
    before = dt.datetime.now(dt.UTC)
    return sign_pdf(unsigned, field="Sig1", location="Cần Thơ"), before


@pytest.fixture(scope="module")
def signed_twice(signed: tuple[bytes, dt.datetime]) -> bytes:
    other = make_certificate("Trần Thị B", "Văn phòng Đảng ủy", None, "Test CA 2")
    return sign_pdf(signed[0], other, field="Sig2", location=None)


# -- reading ------------------------------------------------------------------------------


def test_a_signed_pdf_gives_the_certificate_and_all_checks(
    signed: tuple[bytes, dt.datetime],
) -> None:
    data, before = signed
    (sig,) = read_signatures(data, source=SOURCE)
    assert sig.origin == "pdf"
    assert sig.signer == "Nguyễn Văn A"
    assert sig.organization == "Đảng ủy xã Test"
    assert sig.email == "nguyenvana@test.gov.vn"
    assert sig.certificate_issuer == "Test CA Kế hoạch"
    assert sig.field == "Sig1"
    assert sig.place == "Cần Thơ"
    assert sig.signed_at is not None
    assert sig.signed_at.tzinfo is not None
    assert abs(sig.signed_at - before) < dt.timedelta(minutes=1)
    assert (sig.intact, sig.valid, sig.covers_whole_file, sig.modified_after) == (
        True,
        True,
        True,
        False,
    )
    assert sig.trusted is None, "a self-signed test CA is never claimed trusted"
    assert sig.text == ""


def test_two_signatures_in_signing_order_and_the_second_is_no_modification(
    signed_twice: bytes,
) -> None:
    first, second = read_signatures(signed_twice, source=SOURCE)
    assert (first.field, second.field) == ("Sig1", "Sig2")
    assert (first.signer, second.signer) == ("Nguyễn Văn A", "Trần Thị B")
    assert second.organization == "Văn phòng Đảng ủy"
    assert second.email is None
    assert second.place is None
    assert second.certificate_issuer == "Test CA 2"
    # the first no longer covers the whole file, but a later signature is allowed
    assert (first.intact, first.valid, first.covers_whole_file, first.modified_after) == (
        True,
        True,
        False,
        False,
    )
    assert (second.intact, second.valid, second.covers_whole_file, second.modified_after) == (
        True,
        True,
        True,
        False,
    )


def test_page_content_added_after_signing_is_a_modification(
    signed: tuple[bytes, dt.datetime],
) -> None:
    (sig,) = read_signatures(modify_after_signing(signed[0]), source=SOURCE)
    assert sig.modified_after is True
    assert sig.covers_whole_file is False
    assert (sig.intact, sig.valid) == (True, True), "the signed revision itself is untouched"


def test_a_byte_changed_inside_the_signed_range_breaks_the_digest(
    signed: tuple[bytes, dt.datetime],
) -> None:
    data = signed[0]
    at = data.index(b"KE HOACH")
    tampered = data[:at] + b"KE HOACX" + data[at + 8 :]
    (sig,) = read_signatures(tampered, source=SOURCE)
    assert sig.intact is False
    assert sig.valid is True, "the CMS still verifies: only the digest of the file differs"
    assert sig.signer == "Nguyễn Văn A"


def test_a_garbled_cms_gives_the_field_with_failed_checks(
    signed: tuple[bytes, dt.datetime],
) -> None:
    data = signed[0]
    match = re.search(rb"/Contents\s*<([0-9a-fA-F]{16})", data)
    assert match is not None
    garbled = data[: match.start(1)] + b"00" * 8 + data[match.end(1) :]
    (sig,) = read_signatures(garbled, source=SOURCE)
    assert (sig.origin, sig.field, sig.place) == ("pdf", "Sig1", "Cần Thơ")
    assert (sig.intact, sig.valid) == (False, False)
    assert sig.signed_at is not None, "the /M entry of the signature dictionary"
    assert sig.signer is None


def test_a_signature_dictionary_that_does_not_parse_still_gives_its_field(
    signed: tuple[bytes, dt.datetime],
) -> None:
    data = signed[0]
    match = re.search(rb"/Contents\s*<([0-9a-fA-F]{16})", data)
    assert match is not None
    broken = data[: match.start(1)] + b"zz" * 8 + data[match.end(1) :]
    assert read_signatures(broken, source=SOURCE) == (
        DigitalSignature(origin="pdf", field="Sig1", intact=False, valid=False),
    )


def test_a_signed_file_pyhanko_cannot_open_is_not_taken_for_unsigned(
    signed: tuple[bytes, dt.datetime],
) -> None:
    broken = signed[0].replace(b"startxref", b"startxrfe")
    assert read_signatures(broken, source=SOURCE) == (
        DigitalSignature(origin="pdf", intact=False, valid=False),
    )


def test_a_document_timestamp_is_no_signature_and_no_modification(
    signed: tuple[bytes, dt.datetime],
) -> None:
    (sig,) = read_signatures(timestamp_pdf(signed[0]), source=SOURCE)
    assert sig.field == "Sig1"
    assert (sig.intact, sig.valid, sig.covers_whole_file, sig.modified_after) == (
        True,
        True,
        False,
        False,
    )


def test_a_certification_signature_then_new_content_is_a_modification() -> None:
    certified = sign_pdf(make_pdf(), field="Author", certify=True)
    (sig,) = read_signatures(certified, source=SOURCE)
    assert sig.modified_after is False
    (sig,) = read_signatures(modify_after_signing(certified), source=SOURCE)
    assert sig.modified_after is True


def test_the_signing_time_is_shown_in_the_zone_of_the_signature_dictionary() -> None:
    utc = dt.datetime(2024, 11, 25, 2, 13, 50, tzinfo=dt.UTC)
    local = dt.datetime(2024, 11, 25, 9, 13, 51, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    shown = _in_zone_of(utc, local)
    assert shown == utc
    assert shown.isoformat() == "2024-11-25T09:13:50+07:00"
    assert _in_zone_of(utc, None) is utc
    assert _in_zone_of(utc, local.replace(tzinfo=None)) is utc


def test_nothing_goes_online(
    monkeypatch: pytest.MonkeyPatch, signed_twice: bytes, signed: tuple[bytes, dt.datetime]
) -> None:
    """No OCSP, CRL or certificate fetching: any attempt to connect fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("read_signatures tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for data in (signed_twice, modify_after_signing(signed[0])):
        assert all(s.valid for s in read_signatures(data, source=SOURCE))


def test_importing_the_library_does_not_import_pyhanko() -> None:
    code = (
        "import sys, kehoach_core, kehoach_core._reading.pdf_signatures; "
        "print('pyhanko' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_an_unsigned_pdf_has_no_signature(unsigned: bytes) -> None:
    assert read_signatures(unsigned, source=SOURCE) == ()


@pytest.mark.parametrize(
    "data", [b"", b"not a pdf at all", b"%PDF-1.7\n%%EOF\n", b"%PDF-1.4\n1 0 obj <<"]
)
def test_garbage_gives_no_signature(data: bytes) -> None:
    assert read_signatures(data, source=SOURCE) == ()


def test_truncated_signed_pdf_never_raises_a_foreign_error(
    signed: tuple[bytes, dt.datetime],
) -> None:
    data = signed[0]
    for cut in range(0, len(data), max(1, len(data) // 40)):
        assert isinstance(read_signatures(data[:cut], source=SOURCE), tuple)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=8),
    cut=st.none() | st.floats(0.2, 1),
)
def test_mutated_signed_pdfs_give_a_tuple_or_our_error(
    edits: list[tuple[float, int]], cut: float | None
) -> None:
    data = bytearray(_signed_twice())
    for where, value in edits:
        data[min(int(where * len(data)), len(data) - 1)] = value
    if cut is not None:
        del data[int(cut * len(data)) :]
    try:
        found = read_signatures(bytes(data), source=SOURCE)
    except InputError:
        return
    assert isinstance(found, tuple)
    assert all(isinstance(s, DigitalSignature) and s.origin == "pdf" for s in found)
    assert all(s.trusted is None for s in found)


@functools.cache
def _signed_twice() -> bytes:
    """Two signatures by two signers (built once: Hypothesis cannot take fixtures)."""
    once = sign_pdf(make_pdf(), field="Sig1")
    return sign_pdf(once, make_certificate("Trần Thị B"), field="Sig2")


def test_without_pyhanko_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, unsigned: bytes
) -> None:
    monkeypatch.setitem(sys.modules, "pyhanko.sign.validation.pdf_embedded", None)
    with pytest.raises(MissingExtraError) as caught:
        read_signatures(unsigned, source=SOURCE)
    assert caught.value.message == PDF_EXTRA_MESSAGE
    assert str(caught.value).startswith("plan.pdf: reading PDF signatures needs the 'pdf' extra")
    assert isinstance(caught.value, InputError)


# -- merging with the trailer --------------------------------------------------------------

TRAILER = DigitalSignature(
    signed_at=dt.datetime(2024, 11, 25, 9, 13, 50, tzinfo=dt.timezone(dt.timedelta(hours=7))),
    place="Việt Nam",
    signer="Quận ủy Cái Răng",
    email="quanuycairang@cantho.gov.vn",
    text="2024-11-25T09:13:50+0700 / Việt Nam / Quận ủy Cái Răng<quanuycairang@cantho.gov.vn> "
    "đã ký lên văn bản này!",
)


def test_the_first_pdf_signature_replaces_the_trailer_keeping_its_text() -> None:
    block = Signature(title="BÍ THƯ", signer="Nguyễn Văn A", digital=TRAILER)
    first = DigitalSignature(origin="pdf", signer="Nguyễn Văn A", field="Sig1", valid=True)
    second = DigitalSignature(origin="pdf", signer="Trần Thị B", field="Sig2")
    merged = merge_signatures(block, (first, second))
    assert merged is not None
    assert merged.digital is not None
    assert merged.digital.origin == "pdf"
    assert merged.digital.signer == "Nguyễn Văn A"
    assert merged.digital.text == TRAILER.text
    assert (merged.digital.place, merged.digital.email) == (TRAILER.place, TRAILER.email)
    assert merged.other_digital == (second,)
    assert (merged.title, merged.signer) == ("BÍ THƯ", "Nguyễn Văn A")


def test_the_pdf_wins_where_it_has_a_value() -> None:
    block = Signature(digital=TRAILER)
    pdf = DigitalSignature(origin="pdf", place="Cần Thơ", email="a@b.vn")
    merged = merge_signatures(block, (pdf,))
    assert merged is not None
    assert merged.digital == DigitalSignature(
        origin="pdf", place="Cần Thơ", email="a@b.vn", text=TRAILER.text
    )


def test_no_pdf_signature_leaves_the_signature_unchanged() -> None:
    block = Signature(signer="Nguyễn Văn A", digital=TRAILER)
    assert merge_signatures(block, ()) is block
    assert merge_signatures(None, ()) is None


def test_a_plan_without_a_signature_block_gets_one_holding_the_pdf_signatures() -> None:
    pdf = DigitalSignature(origin="pdf", signer="Nguyễn Văn A")
    assert merge_signatures(None, (pdf,)) == Signature(digital=pdf)


def test_merging_twice_is_merging_once(signed_twice: bytes) -> None:
    found = read_signatures(signed_twice, source=SOURCE)
    once = merge_signatures(Signature(digital=TRAILER), found)
    assert merge_signatures(once, found) == once


# -- validation rules ---------------------------------------------------------------------

PDF_SIGNER = DigitalSignature(origin="pdf", signer="Nguyễn Văn A", intact=True, valid=True)


def _pdf_plan(*digital: DigitalSignature) -> Plan:
    """A plan read from a two-page PDF, its signature block on line 40."""
    signature = merge_signatures(Signature(title="BÍ THƯ", signer="Nguyễn Văn A"), digital)
    assert signature is not None
    return Plan(
        title="Kế hoạch thử",
        pages=(1, 30),
        signature=attrs.evolve(signature, location=Location(40)),
    )


@pytest.mark.parametrize(
    ("broken", "says"),
    [
        ({"modified_after": True}, "modified after signing"),
        ({"intact": False}, "signed content has changed"),
        ({"valid": False}, "does not verify"),
    ],
)
def test_a_pdf_changed_after_signing_is_an_error_at_the_signature(
    broken: dict[str, bool], says: str
) -> None:
    plan = _pdf_plan(attrs.evolve(PDF_SIGNER, **broken))
    (finding,) = (f for f in validate(plan, lang="en").findings if f.code == "KH606")
    assert finding.severity.value == "error"
    assert finding.line == 40
    assert "Nguyễn Văn A" in finding.message
    assert says in finding.message
    assert "KH607" not in validate(plan).codes()


def test_every_broken_signature_is_reported_the_later_ones_too() -> None:
    later = attrs.evolve(PDF_SIGNER, signer="Trần Thị B", modified_after=True)
    plan = _pdf_plan(PDF_SIGNER, later)
    findings = [f for f in validate(plan, lang="vi").findings if f.code == "KH606"]
    assert len(findings) == 1
    assert "Trần Thị B" in findings[0].message


def test_a_sound_pdf_signature_is_no_finding() -> None:
    plan = _pdf_plan(PDF_SIGNER)
    assert not {"KH606", "KH607"} & set(validate(plan).codes())


def test_an_unsigned_pdf_is_an_info() -> None:
    plan = Plan(title="Kế hoạch thử", pages=(1, 30))
    (finding,) = (f for f in validate(plan, lang="en").findings if f.code == "KH607")
    assert finding.severity.value == "info"
    trailer_only = _pdf_plan()
    assert trailer_only.signature is not None
    trailer_only = attrs.evolve(
        trailer_only, signature=attrs.evolve(trailer_only.signature, digital=TRAILER)
    )
    assert "KH607" in validate(trailer_only).codes(), "a printed trailer is not a PDF signature"


def test_text_plans_get_neither_rule() -> None:
    for plan in (
        Plan(title="Kế hoạch thử"),
        Plan(title="Kế hoạch thử", signature=Signature(digital=TRAILER)),
    ):
        assert not {"KH606", "KH607"} & set(validate(plan).codes())


def test_a_signed_pdf_read_end_to_end_passes_and_its_edit_fails(
    signed: tuple[bytes, dt.datetime],
) -> None:
    good = _pdf_plan(*read_signatures(signed[0], source=SOURCE))
    assert not {"KH606", "KH607"} & set(validate(good).codes())
    edited = _pdf_plan(*read_signatures(modify_after_signing(signed[0]), source=SOURCE))
    assert "KH606" in validate(edited).codes()
