"""The safety layer: hostile and unusable inputs give a DocxError naming the source."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from kehoach_core import DocxError, InputError
from kehoach_core.docx_io import docx_to_document

from .builders import NAMESPACES, docx_from_lines, paragraph, word_package

SOURCE = "ke-hoach.docx"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def refuse(data: bytes) -> str:
    with pytest.raises(DocxError) as caught:
        docx_to_document(data, source=SOURCE)
    message = str(caught.value)
    assert message.startswith(SOURCE + ": ")
    assert caught.value.source == SOURCE
    return message


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_valid_docx_passes(plain_plan: bytes) -> None:
    assert docx_to_document(plain_plan, source=SOURCE).lines[0].text == "KẾ HOẠCH"


def test_empty_input_is_refused() -> None:
    assert "empty" in refuse(b"")


def test_docx_error_is_an_input_error_and_a_value_error() -> None:
    with pytest.raises(InputError):
        docx_to_document(b"", source=SOURCE)
    with pytest.raises(ValueError, match="empty"):
        docx_to_document(b"", source=SOURCE)


def test_random_bytes_are_not_a_zip() -> None:
    data = random.Random(7).randbytes(4096)
    assert "not a zip" in refuse(b"xx" + data)


def test_random_bytes_behind_a_zip_signature_are_corrupt() -> None:
    data = b"PK\x03\x04" + random.Random(8).randbytes(4096)
    assert "corrupt" in refuse(data)


def test_plain_text_is_not_a_docx() -> None:
    assert "not a zip" in refuse("KẾ HOẠCH\nTuyên truyền".encode())


def test_pdf_and_rtf_are_named() -> None:
    assert "PDF" in refuse(b"%PDF-1.7\n...")
    assert "RTF" in refuse(b"{\\rtf1\\ansi ...}")


def test_zip_without_document_xml_is_refused() -> None:
    data = zip_of({"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<w:styles/>"})
    assert "no word/document.xml" in refuse(data)


def test_zip_without_content_types_is_refused() -> None:
    data = zip_of({"word/document.xml": b"<w:document/>"})
    assert "[Content_Types].xml" in refuse(data)


def test_an_excel_workbook_is_named() -> None:
    data = zip_of({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
    assert "Excel" in refuse(data)


def test_truncated_docx_is_refused(plain_plan: bytes) -> None:
    assert "truncated" in refuse(plain_plan[: len(plain_plan) // 2])


def test_docx_missing_its_last_bytes_is_refused(plain_plan: bytes) -> None:
    refuse(plain_plan[:-10])


def test_encrypted_docx_is_named() -> None:
    directory = "EncryptedPackage".encode("utf-16-le") + b"\0" * 32
    data = OLE + b"\0" * 504 + directory + "EncryptionInfo".encode("utf-16-le")
    assert "encrypted" in refuse(data)


def test_legacy_doc_is_named() -> None:
    data = OLE + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 64
    message = refuse(data)
    assert "legacy Word .doc" in message
    assert "save as .docx" in message


def test_zip_bomb_is_refused_without_decompressing(
    zip_bomb: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_decompression(*args: object, **kwargs: object) -> None:
        raise AssertionError("the safety check decompressed a member")

    monkeypatch.setattr(zipfile, "_get_decompressor", no_decompression)
    assert len(zip_bomb) < 2 * 1024 * 1024
    assert "zip bomb" in refuse(zip_bomb)


def test_a_member_with_an_absurd_compression_ratio_is_refused() -> None:
    base = word_package(paragraph("KẾ HOẠCH"))
    out = io.BytesIO(base)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/image1.png", bytes(20 * 1024 * 1024))
    message = refuse(out.getvalue())
    assert "compresses" in message
    assert "image1.png" in message


def test_too_many_members_are_refused() -> None:
    members = {f"word/media/image{index}.png": b"x" for index in range(2001)}
    assert "too many parts" in refuse(zip_of(members))


def test_billion_laughs_in_document_xml_is_refused() -> None:
    entities = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{entities}]>'
        f"<w:document {NAMESPACES}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    message = refuse(word_package("", document_xml=document))
    assert "unsafe XML" in message
    assert "word/document.xml" in message


def test_doctype_in_a_utf16_part_is_refused() -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-16"?>'
        '<!DOCTYPE w:document SYSTEM "file:///etc/passwd">'
        f"<w:document {NAMESPACES}><w:body/></w:document>"
    )
    data = word_package("", document_xml=document)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = b"\xff\xfe" + document.encode("utf-16-le")
            target.writestr(info.filename, content)
    assert "unsafe XML" in refuse(out.getvalue())


def test_external_entity_in_a_relationship_part_is_refused(plain_plan: bytes) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain_plan)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "_rels/.rels":
                content = content.replace(
                    b"?>", b'?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1
                )
            target.writestr(info.filename, content)
    assert "_rels/.rels" in refuse(out.getvalue())


def test_malformed_xml_is_wrapped() -> None:
    document = f"<w:document {NAMESPACES}><w:body><w:p></w:body></w:document>"
    message = refuse(word_package("", document_xml=document))
    assert "cannot read the docx" in message


def test_a_wrapped_error_keeps_its_cause() -> None:
    document = f"<w:document {NAMESPACES}><w:body><w:p></w:body></w:document>"
    with pytest.raises(DocxError) as caught:
        docx_to_document(word_package("", document_xml=document), source=SOURCE)
    assert caught.value.__cause__ is not None


def test_a_macro_enabled_document_is_refused() -> None:
    data = docx_from_lines(["KẾ HOẠCH"])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"wordprocessingml.document.main+xml",
                    b"ms-word.document.macroEnabled.main+xml",
                )
            target.writestr(info.filename, content)
    assert "cannot read the docx" in refuse(out.getvalue())


def test_doctype_hidden_behind_a_comment_is_refused() -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- <w:document> -->\n'
        '<!DOCTYPE w:document [<!ENTITY a "b">]>'
        f"<w:document {NAMESPACES}><w:body/></w:document>"
    )
    assert "unsafe XML" in refuse(word_package("", document_xml=document))


def test_comments_and_byte_order_mark_before_the_root_are_accepted() -> None:
    document = (
        '\ufeff<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- written by hand -->'
        f"<w:document {NAMESPACES}><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    lines = docx_to_document(word_package("", document_xml=document), source=SOURCE).lines
    assert [line.text for line in lines] == ["KẾ HOẠCH"]


def test_a_part_in_utf32_is_refused() -> None:
    document = (
        '<?xml version="1.0" encoding="UTF-32"?><!DOCTYPE w:document [<!ENTITY a "b">]>'
        f"<w:document {NAMESPACES}><w:body/></w:document>"
    )
    out = io.BytesIO()
    data = word_package(paragraph("x"))
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = document.encode("utf-32-le")
            target.writestr(info.filename, content)
    assert "word/document.xml" in refuse(out.getvalue())


def test_damaged_documents_give_a_docx_error_or_lines() -> None:
    """Bytes flipped anywhere in a real docx: a DocxError or a document, never another error."""
    data = word_package(paragraph("KẾ HOẠCH", num=(1, 0)) + paragraph("Tuyên truyền[^1]"),
                        footnotes={1: "Ghi chú"})  # fmt: skip
    rng = random.Random(2025)
    messages = []
    for _ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            docx_to_document(bytes(damaged), source=SOURCE)
        except DocxError as exc:
            messages.append(str(exc))
    assert messages
    assert all(message.startswith(SOURCE + ": ") for message in messages)
