"""The digital signatures of a PDF, read with pyHanko (the ``pdf`` extra).

:func:`read_signatures` reads every filled signature field of a PDF into a
:class:`~kehoach_core.DigitalSignature` with ``origin="pdf"``: who signed
(the certificate's subject), when, where, and what was checked:

- ``intact``: the bytes the signature covers hash to the digest it signed;
- ``valid``: the CMS signature verifies with the signer's own certificate;
- ``covers_whole_file``: the signed byte range is the whole file;
- ``modified_after``: a later revision changed the document beyond what is
  allowed after signing (pyHanko's difference analysis: a later signature, a
  form fill or DSS/timestamp updates are allowed, new page content is not);
- ``trusted`` stays ``None``: the certificate is never checked against a trust
  list, and nothing goes online (no path building, OCSP, CRL or AIA fetching).
  Which roots to trust is the caller's decision.

:func:`merge_signatures` puts them on the plan's :class:`~kehoach_core.Signature`,
where the trailer read from the text may already be.

Nothing here raises on a bad file. A PDF pyHanko cannot open at all gives
``()``: the text reader reads the same bytes and reports an unreadable file
with its own error, so this reader does not duplicate it. One exception: a
file pyHanko cannot open that still holds a signature dictionary
(``/ByteRange [``) gives one signature with ``intact`` and ``valid`` false
and nothing else known, so that a damaged signed PDF is not taken for an
unsigned one. A damaged signature (a garbled CMS, a signature dictionary that
does not parse) still gives its field, with ``intact`` and ``valid`` false.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import io
import logging
import re
from types import ModuleType
from typing import Any

import attrs

from .._errors import MissingExtraError
from .._model import DigitalSignature, Signature

__all__ = ["MAX_SIGNATURES", "PDF_EXTRA_MESSAGE", "merge_signatures", "read_signatures"]

MAX_SIGNATURES = 50
"""Signature fields read at most; the rest of a (hostile) file's fields are ignored."""

_SIGNED_MARK = re.compile(rb"/ByteRange\s*\[")
_MAX_NODES = 10_000
_MAX_DEPTH = 32

PDF_EXTRA_MESSAGE = "reading PDF signatures needs the 'pdf' extra: pip install 'kehoach-core[pdf]'"

# pyHanko, asn1crypto and cryptography raise many kinds of exceptions on a
# damaged or hostile file (PdfReadError, ValueError, KeyError, TypeError,
# AssertionError, RecursionError on deep nesting ...): none of them may escape.
# Interrupts (KeyboardInterrupt, SystemExit) are no Exception and go through.
_FAILURES = (Exception,)


class _Hanko:
    """The pyHanko modules (imported on the first call; later calls find them in sys.modules)."""

    def __init__(self, source: str) -> None:
        try:
            self.generic: Any = _module("pyhanko.pdf_utils.generic")
            self.reader: Any = _module("pyhanko.pdf_utils.reader")
            self.fields: Any = _module("pyhanko.sign.fields")
            self.embedded: Any = _module("pyhanko.sign.validation.pdf_embedded")
            self.cms: Any = _module("pyhanko.sign.validation.generic_cms")
            self.utils: Any = _module("pyhanko.sign.validation.utils")
            self.status: Any = _module("pyhanko.sign.validation.status")
        except ImportError as error:
            raise MissingExtraError(PDF_EXTRA_MESSAGE, source=source) from error
        # pyHanko logs a traceback for every odd file it tolerates; a library
        # should not print: with a NullHandler, Python's last-resort stderr
        # handler stays quiet, and applications that configured logging still
        # receive the records (they propagate as before).
        hanko_log = logging.getLogger("pyhanko")
        if not any(isinstance(h, logging.NullHandler) for h in hanko_log.handlers):
            hanko_log.addHandler(logging.NullHandler())


def _module(name: str) -> ModuleType:
    return importlib.import_module(name)


def read_signatures(data: bytes, *, source: str) -> tuple[DigitalSignature, ...]:
    """Every signature of the PDF ``data``, in the order they were signed.

    Document timestamps (``/DocTimeStamp``) are not signatures of a person and
    are left out; at most :data:`MAX_SIGNATURES` fields are read. Raises
    :class:`~kehoach_core.MissingExtraError` without the ``pdf`` extra;
    never raises on a bad file (see the module's documentation).
    """
    hanko = _Hanko(source)
    reader = _open(hanko, data)
    if reader is None:
        # not a PDF pyHanko can open (the text reader reports what is wrong with
        # it); but if it holds a signature dictionary, it is no unsigned PDF
        if _SIGNED_MARK.search(data):
            return (DigitalSignature(origin="pdf", intact=False, valid=False),)
        return ()
    read: list[tuple[int, int, DigitalSignature]] = []
    for index, (name, field) in enumerate(_signature_fields(reader)):
        one = _read_one(hanko, reader, name, field)
        if one is not None:
            revision, signature = one
            read.append((revision, index, signature))
    read.sort(key=lambda item: (item[0], item[1]))
    return tuple(signature for _, _, signature in read)


def _signature_fields(reader: Any) -> list[tuple[str, Any]]:
    """(full name, field reference) of each filled signature field, in form-tree order.

    Walked here rather than with pyHanko's enumerator so that one unreadable
    field (a damaged ``/Contents`` string) costs that field only, and bounded:
    :data:`MAX_SIGNATURES` fields, :data:`_MAX_NODES` nodes, :data:`_MAX_DEPTH`
    levels of ``/Kids``, each node once (a cyclic tree ends).
    """
    found: list[tuple[str, Any]] = []
    seen: set[Any] = set()
    budget = [_MAX_NODES]

    def walk(kids: Any, parent: str, inherited: Any, depth: int) -> None:
        if depth > _MAX_DEPTH or not isinstance(kids, list):
            return
        for ref in kids:
            if len(found) >= MAX_SIGNATURES or budget[0] <= 0:
                return
            budget[0] -= 1
            try:
                key = getattr(ref, "reference", None)
                if key is None or key in seen:
                    continue  # fields are indirect objects; a repeat is a cycle
                seen.add(key)
                field = ref.get_object()
                own = _text(field.get("/T"))
                if own is None:
                    continue  # a bare widget, no field
                name = f"{parent}.{own}" if parent else own
                kind = field.get("/FT", inherited)
                if kind == "/Sig" and field.get("/V"):
                    found.append((name, ref))
                children = field.get("/Kids")
            except _FAILURES:
                continue
            if children is not None:
                walk(children, name, kind, depth + 1)

    try:
        fields = reader.root["/AcroForm"]["/Fields"]
    except _FAILURES:
        return []
    with contextlib.suppress(RecursionError):  # _MAX_DEPTH keeps far below the limit
        walk(fields, "", None, 0)
    return found


def _open(hanko: _Hanko, data: bytes) -> Any:
    """A pyHanko reader of ``data`` (strict syntax first, then lenient), or ``None``."""
    for strict in (True, False):
        try:
            reader = hanko.reader.PdfFileReader(io.BytesIO(data), strict=strict)
            if reader.encrypted:
                # signature values are never encrypted, but the field names and
                # dictionaries are: only a file that opens without a password is read
                reader.decrypt("")
            reader.root  # noqa: B018  (parses the catalog: fails here on a broken file)
        except _FAILURES:
            continue
        return reader
    return None


def _read_one(
    hanko: _Hanko, reader: Any, name: str, field: Any
) -> tuple[int, DigitalSignature] | None:
    """(signed revision, signature) of one filled field, or ``None`` if it is not a signature."""
    unreadable = DigitalSignature(origin="pdf", field=name, intact=False, valid=False)
    try:
        sig_ref = field.get_object().raw_get("/V")
    except _FAILURES:
        return -1, unreadable
    revision = _revision(reader, sig_ref)
    try:
        sig = sig_ref.get_object()
        if sig.get("/Type") == "/DocTimeStamp":
            return None
        fallback = _fallback(hanko, name, sig)
    except _FAILURES:  # a signature dictionary that does not parse: damaged
        return revision, unreadable
    try:
        embedded = hanko.embedded.EmbeddedPdfSignature(reader, field, name)
    except _FAILURES:  # a signature whose CMS cannot be read: damaged
        return revision, fallback
    return _safe(embedded.signed_revision, revision), _checked(hanko, embedded, fallback)


def _fallback(hanko: _Hanko, name: str, sig: Any) -> DigitalSignature:
    """What the signature dictionary itself says, everything checked failing."""
    signed_at = _safe(lambda: hanko.generic.parse_pdf_date(sig["/M"], strict=False), None)
    return DigitalSignature(
        origin="pdf",
        field=_text(name),
        signer=_text(sig.get("/Name")),
        place=_text(sig.get("/Location")),
        signed_at=signed_at if isinstance(signed_at, dt.datetime) else None,
        intact=False,
        valid=False,
    )


def _checked(hanko: _Hanko, embedded: Any, fallback: DigitalSignature) -> DigitalSignature:
    """The fallback completed from the certificate, the digest and the diff analysis."""
    changes: dict[str, Any] = {}
    cert = _safe(lambda: embedded.signer_cert, None)
    if cert is not None:
        changes.update(_subject(cert))
    signed_at = _safe(lambda: embedded.self_reported_timestamp, None)
    if isinstance(signed_at, dt.datetime):
        changes["signed_at"] = _in_zone_of(signed_at, fallback.signed_at)
    signer_info = embedded.signer_info
    digest = _safe(embedded.compute_digest, None)
    outcome = None
    if cert is not None and digest is not None:
        outcome = _safe(
            lambda: hanko.cms.validate_sig_integrity(signer_info, cert, "data", digest), None
        )
    if outcome is not None:
        intact, valid = bool(outcome[0]), bool(outcome[1])
    else:  # no certificate, or a malformed signer info: the digest can still be compared
        signed_digest = _safe(lambda: hanko.utils.extract_message_digest(signer_info), None)
        intact, valid = digest is not None and digest == signed_digest, False
    changes["intact"] = intact
    changes["valid"] = valid
    changes.update(_integrity(hanko, embedded))
    return attrs.evolve(fallback, **changes)


def _integrity(hanko: _Hanko, embedded: Any) -> dict[str, bool | None]:
    """``covers_whole_file`` and ``modified_after`` from pyHanko's coverage and diff analysis."""
    try:
        embedded.compute_integrity_info()
        summary = embedded.summarise_integrity_info()
    except _FAILURES:
        return {"covers_whole_file": None, "modified_after": None}
    level = hanko.status.SignatureCoverageLevel
    coverage = summary.get("coverage")
    docmdp_ok = summary.get("docmdp_ok")
    return {
        "covers_whole_file": coverage == level.ENTIRE_FILE if coverage is not None else None,
        "modified_after": (not docmdp_ok) if docmdp_ok is not None else None,
    }


def _subject(cert: Any) -> dict[str, str | None]:
    """signer, organization, email and certificate_issuer of an asn1crypto certificate."""
    subject = _safe(lambda: cert.subject.native, {})
    issuer = _safe(lambda: cert.issuer.native, {})
    email = _first(subject, "email_address")
    if email is None:
        names = _safe(lambda: cert.subject_alt_name_value, None) or ()
        email = next(
            (
                _text(general.native)
                for general in _safe(lambda: list(names), [])
                if _safe(lambda g=general: g.name, None) == "rfc822_name"
            ),
            None,
        )
    return {
        "signer": _first(subject, "common_name"),
        "organization": _first(subject, "organization_name")
        or _first(subject, "organizational_unit_name"),
        "email": email,
        "certificate_issuer": _first(issuer, "common_name") or _first(issuer, "organization_name"),
    }


def _first(names: Any, key: str) -> str | None:
    """The first value of attribute ``key`` of a name (asn1crypto's native form)."""
    if not isinstance(names, dict):
        return None
    value = names.get(key)
    if isinstance(value, list | tuple):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return _text(value)


def _text(value: Any) -> str | None:
    """A PDF or certificate text value, stripped; ``None`` for anything else or blank."""
    if isinstance(value, str):
        return value.strip() or None
    return None


def _in_zone_of(moment: dt.datetime, local: dt.datetime | None) -> dt.datetime:
    """``moment`` (UTC in the CMS) shown in the time zone of the ``/M`` entry, when it has one."""
    if moment.tzinfo is None:
        return moment
    if local is not None and local.tzinfo is not None:
        return moment.astimezone(local.tzinfo)
    return moment


def _revision(reader: Any, sig_ref: Any) -> int:
    """The revision that last wrote the signature dictionary (``-1`` if unknown)."""
    reference = getattr(sig_ref, "reference", None)
    if reference is None:
        return -1
    result = _safe(lambda: reader.xrefs.get_last_change(reference), -1)
    return result if isinstance(result, int) else -1


def _safe(call: Any, default: Any) -> Any:
    """``call()``, or ``default`` when it raises; a non-callable is returned as is."""
    if not callable(call):
        return call
    try:
        return call()
    except _FAILURES:
        return default


def merge_signatures(
    signature: Signature | None, found: tuple[DigitalSignature, ...]
) -> Signature | None:
    """The plan's signature with the PDF's signatures ``found`` by :func:`read_signatures`.

    The first PDF signature becomes ``digital``: it keeps the trailer's printed
    ``text`` and takes ``place`` and ``email`` from the trailer when the PDF
    has none; the others go to ``other_digital``. Without PDF signatures the
    signature is returned unchanged; a plan whose signature block was not read
    gets one holding only the digital signatures.

    >>> trailer = DigitalSignature(place="Việt Nam", text="... đã ký lên văn bản này!")
    >>> pdf = DigitalSignature(origin="pdf", signer="Nguyễn Văn A", valid=True)
    >>> merged = merge_signatures(Signature(signer="Nguyễn Văn A", digital=trailer), (pdf,))
    >>> merged.digital.origin, merged.digital.place, merged.digital.text
    ('pdf', 'Việt Nam', '... đã ký lên văn bản này!')
    >>> merge_signatures(None, ()) is None
    True
    """
    if not found:
        return signature
    first, rest = found[0], found[1:]
    if signature is None:
        return Signature(digital=first, other_digital=rest)
    printed = signature.digital
    if printed is not None:
        first = attrs.evolve(
            first,
            text=first.text or printed.text,
            place=first.place or printed.place,
            email=first.email or printed.email,
        )
    return attrs.evolve(signature, digital=first, other_digital=rest)
