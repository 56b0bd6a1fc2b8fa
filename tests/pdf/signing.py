"""Sign PDFs in tests: a throwaway CA and signer, pyHanko signing, a later edit.

Reusable by any test that needs a signed PDF (the reader's fixtures of real
plans included)::

    from tests.pdf.signing import make_certificate, sign_pdf
    signed = sign_pdf(pdf_bytes, make_certificate(), field="Sig1")

Everything is offline: the certificates are made here with ``cryptography``
and the signatures carry no timestamp from a TSA. Needs the ``pdf`` extra;
callers should ``pytest.importorskip("pyhanko")`` first.
"""

from __future__ import annotations

import datetime as dt
import functools
import io

import attrs
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

__all__ = [
    "TestCertificate",
    "make_certificate",
    "make_pdf",
    "modify_after_signing",
    "sign_pdf",
    "timestamp_pdf",
]


@attrs.frozen
class TestCertificate:
    """A signer's key and certificate, and the CA that issued it (DER, asn1crypto)."""

    __test__ = False  # not a pytest test class

    key: asn1_keys.PrivateKeyInfo
    certificate: asn1_x509.Certificate
    ca: asn1_x509.Certificate


def _name(common_name: str, organization: str | None, email: str | None) -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organization:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    if email:
        parts.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email))
    return x509.Name(parts)


@functools.cache
def make_certificate(
    common_name: str = "Nguyễn Văn A",
    organization: str | None = "Đảng ủy xã Test",
    email: str | None = "nguyenvana@test.gov.vn",
    issuer: str = "Test CA Kế hoạch",
    *,
    time_stamping: bool = False,
) -> TestCertificate:
    """A self-signed CA and a signer certificate it issued (EC P-256, valid 2020-2040).

    ``time_stamping`` makes it a time-stamping authority's certificate instead
    (for :func:`timestamp_pdf`). Cached: the same arguments give the same keys
    within a test run.
    """
    start = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    end = dt.datetime(2040, 1, 1, tzinfo=dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    # pyHanko's offline test TSA signs with RSA only
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        if time_stamping
        else ec.generate_private_key(ec.SECP256R1())
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name, organization, email))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    )
    if time_stamping:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    cert = builder.sign(ca_key, hashes.SHA256())
    der_key = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return TestCertificate(
        key=asn1_keys.PrivateKeyInfo.load(der_key),
        certificate=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        ca=asn1_x509.Certificate.load(ca.public_bytes(serialization.Encoding.DER)),
    )


def make_pdf(
    lines: tuple[str, ...] = ("KE HOACH", "Thuc hien Nghi quyet"), pages: int = 1
) -> bytes:
    """A small unsigned PDF: ``pages`` A4 pages, each printing ``lines`` in Helvetica."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

    writer = PdfFileWriter(stream_xrefs=False)
    font = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Font"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
            generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
        }
    )
    font_ref = writer.add_object(font)
    for number in range(1, pages + 1):
        ops = ["BT", "/F1 12 Tf", "72 770 Td", "14 TL"]
        for line in (*lines, f"Trang {number}"):
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*")
        ops.append("ET")
        stream = generic.StreamObject(stream_data="\n".join(ops).encode("latin-1"))
        resources = generic.DictionaryObject(
            {
                generic.pdf_name("/Font"): generic.DictionaryObject(
                    {generic.pdf_name("/F1"): font_ref}
                )
            }
        )
        page = PageObject(
            contents=writer.add_object(stream), media_box=(0, 0, 595, 842), resources=resources
        )
        writer.insert_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign_pdf(
    data: bytes,
    certificate: TestCertificate | None = None,
    *,
    field: str = "Signature1",
    location: str | None = "Việt Nam",
    reason: str | None = None,
    certify: bool = False,
) -> bytes:
    """``data`` signed by ``certificate`` (the default test signer) in a new field.

    The signature is an incremental update: signing a signed PDF again adds a
    second signature and leaves the first one valid. ``certify`` makes it a
    certification signature that allows no change at all afterwards (DocMDP 1).
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert = certificate or make_certificate()
    signer = signers.SimpleSigner(
        signing_cert=cert.certificate,
        signing_key=cert.key,
        cert_registry=SimpleCertificateStore.from_certs([cert.ca]),
    )
    from pyhanko.sign.fields import MDPPerm

    meta = signers.PdfSignatureMetadata(
        field_name=field,
        location=location,
        reason=reason,
        certify=certify,
        docmdp_permissions=MDPPerm.NO_CHANGES,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    out = signers.sign_pdf(writer, meta, signer=signer)
    result: bytes = out.getvalue()
    return result


def timestamp_pdf(data: bytes) -> bytes:
    """``data`` with a document timestamp (``/DocTimeStamp``) from an offline test TSA."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

    tsa = make_certificate("Test TSA", None, None, time_stamping=True)
    stamper = signers.PdfTimeStamper(
        DummyTimeStamper(tsa_cert=tsa.certificate, tsa_key=tsa.key, certs_to_embed=[tsa.ca])
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    out = stamper.timestamp_pdf(writer, "sha256")
    result: bytes = out.getvalue()
    return result


def modify_after_signing(data: bytes, text: str = "Sua sau khi ky") -> bytes:
    """``data`` with an incremental update that adds text to the first page's content.

    That is a change of the document after signing, beyond what any signing
    workflow allows (not a form fill, annotation, signature or DSS update).
    """
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    ops = f"BT /F1 12 Tf 72 100 Td ({text}) Tj ET".encode("latin-1")
    stream_ref = writer.add_object(generic.StreamObject(stream_data=ops))
    writer.add_stream_to_page(0, stream_ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
