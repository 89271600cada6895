"""Files `import_minutes` will not read: each gets a clear message in Norwegian, and
nothing is imported."""

import io
import zipfile

import pypdf
import pytest
from django.core.management import CommandError, call_command

from archive.importing import files
from minutes.models import Meeting

pytestmark = pytest.mark.django_db


def import_file(path, council="testradet"):
    call_command(
        "import_minutes",
        str(path),
        "--council",
        council,
        "--dry-run",
        stdout=io.StringIO(),
    )


def refused(path, message: str, council="testradet") -> None:
    before = Meeting.objects.count()
    with pytest.raises(CommandError, match=message):
        import_file(path, council)
    assert Meeting.objects.count() == before


def blank_pdf(pages: int = 1) -> pypdf.PdfWriter:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    return writer


def save(writer: pypdf.PdfWriter, path):
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_an_encrypted_pdf(world, tmp_path):
    writer = blank_pdf()
    writer.encrypt(user_password="hemmelig", algorithm="RC4-128")
    refused(save(writer, tmp_path / "kryptert.pdf"), "PDF-en er kryptert")


def test_a_scanned_pdf_without_a_text_layer(world, tmp_path):
    refused(
        save(blank_pdf(2), tmp_path / "skannet.pdf"),
        "PDF-en har ikke noe tekstlag.*OCR støttes ikke",
    )


def test_a_500_page_pdf(world, tmp_path):
    refused(
        save(blank_pdf(500), tmp_path / "lang.pdf"),
        "PDF-en har 500 sider; et referat kan ha høyst 200",
    )


def test_a_pdf_that_takes_too_long(world, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_SECONDS", -1.0)
    refused(save(blank_pdf(3), tmp_path / "treg.pdf"), "Det tok for lang tid")


def test_a_broken_pdf(world, tmp_path):
    path = tmp_path / "ødelagt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    refused(path, "Filen kan ikke leses som PDF")


def test_a_docx_zip_bomb(world, tmp_path):
    path = tmp_path / "bombe.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (20 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    refused(path, "DOCX-filen pakker seg ut til mye mer enn den er")


def test_a_zip_that_is_no_word_document(world, tmp_path):
    path = tmp_path / "arkiv.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hei.txt", "hei")
    refused(path, "ikke et Word-dokument")


def test_a_docx_with_a_dtd(world, tmp_path):
    path = tmp_path / "dtd.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
        )
    refused(path, "ugyldig dokumentdefinisjon")


def test_a_file_that_is_not_minutes(world, tmp_path):
    path = tmp_path / "oppskrift.txt"
    path.write_text("Pannekaker\n\n3 egg\n5 dl melk\n3 dl mel\n", encoding="utf-8")
    refused(path, "ser ikke ut som et møtereferat")


def test_an_image(world, tmp_path):
    path = tmp_path / "bilde.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    refused(path, "verken PDF, DOCX eller tekst")


def test_an_unknown_council(world, tmp_path):
    path = tmp_path / "referat.txt"
    path.write_text("Møte 1/2024\n", encoding="utf-8")
    refused(path, "Fant ikke noe råd med kortnavnet «nei»", council="nei")


def test_a_missing_file(world, tmp_path):
    refused(tmp_path / "finnes-ikke.pdf", "Kunne ikke lese")
