"""The text of a file of past minutes: PDF (its text layer), DOCX or plain text.

The type is read from the content, not the name. Each kind of bad file is refused
with a message saying what is wrong, before anything is recognised or saved:

- a PDF that is encrypted (a password is needed), has no text layer (a scan: OCR is
  not supported), has more pages than MAX_PDF_PAGES or takes longer than
  MAX_SECONDS to read, or is not readable as PDF;
- a DOCX that is not a valid zip, unpacks to more than MAX_UNPACKED_BYTES or with a
  compression ratio above MAX_RATIO (a zip bomb), has no document, or declares a DTD;
- text that is not UTF-8 or Windows-1252, or has NUL bytes (a binary file);
- any file larger than MAX_FILE_BYTES.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from django.utils.translation import gettext as _

from archive.errors import ArchiveError

MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_PDF_PAGES = 200
MAX_SECONDS = 30.0
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 100
# A text layer shorter than this, over the whole file, is no text layer.
MIN_TEXT_CHARS = 40

WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class SourceText:
    """What a file says, as lines of text, and what kind of file it was."""

    kind: str  # "pdf", "docx" or "text"
    text: str


def kind_of(content: bytes) -> str:
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"PK\x03\x04"):
        return "docx"
    return "text"


def read_text(content: bytes) -> SourceText:
    """The file's text; ArchiveError with the reason for a file it will not read."""
    if len(content) > MAX_FILE_BYTES:
        raise ArchiveError(
            _("Filen er for stor (%(size)s MB); grensen er %(limit)s MB.")
            % {
                "size": round(len(content) / 1024 / 1024, 1),
                "limit": MAX_FILE_BYTES // 1024 // 1024,
            }
        )
    kind = kind_of(content)
    reader = {"pdf": _pdf_text, "docx": _docx_text, "text": _plain_text}[kind]
    return SourceText(kind=kind, text=reader(content))


# PDF ------------------------------------------------------------------------------


def _pdf_text(content: bytes) -> str:
    import pypdf
    from pypdf.errors import PyPdfError

    started = time.monotonic()
    try:
        reader = pypdf.PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ArchiveError(
                _(
                    "PDF-en er kryptert og trenger passord. Lagre den uten passord "
                    "og prøv igjen."
                )
            )
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise ArchiveError(
                _("PDF-en har %(pages)s sider; et referat kan ha høyst %(limit)s.")
                % {"pages": count, "limit": MAX_PDF_PAGES}
            )
        pages = []
        for page in reader.pages:
            pages.append(_page_text(page))
            if time.monotonic() - started > MAX_SECONDS:
                raise ArchiveError(
                    _(
                        "Det tok for lang tid å lese teksten i PDF-en (mer enn "
                        "%(seconds)s sekunder). Ingenting ble importert."
                    )
                    % {"seconds": int(MAX_SECONDS)}
                )
    except ArchiveError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        # pypdf names a missing crypto library as a dependency error: an encrypted file.
        if "crypt" in str(error).lower() or "AES" in str(error):
            raise ArchiveError(
                _(
                    "PDF-en er kryptert og trenger passord. Lagre den uten passord "
                    "og prøv igjen."
                )
            ) from None
        raise ArchiveError(_("Filen kan ikke leses som PDF.")) from None
    text = "\n".join(pages)
    if len(re.sub(r"\s", "", text)) < MIN_TEXT_CHARS:
        raise ArchiveError(
            _(
                "PDF-en har ikke noe tekstlag (den er trolig skannet); OCR støttes "
                "ikke. Importer en PDF med tekst, en DOCX eller en tekstfil."
            )
        )
    return text


def _page_text(page) -> str:
    """The page's text in reading order, with a blank line where the page leaves
    vertical space before a line (a new paragraph): the plain extraction keeps the
    order of columns, the layout extraction shows the spacing."""
    plain = (page.extract_text() or "").split("\n")
    try:
        layout = (page.extract_text(extraction_mode="layout") or "").split("\n")
    except Exception:  # noqa: BLE001 - the spacing is a nicety; the text is kept
        return "\n".join(plain)
    after_space, blank = set(), False
    for line in layout:
        words = " ".join(line.split())
        if not words:
            blank = True
            continue
        if blank:
            after_space.add(words)
        blank = False
    lines = []
    for line in plain:
        if " ".join(line.split()) in after_space and lines:
            lines.append("")
        lines.append(line)
    return "\n".join(lines)


# DOCX -----------------------------------------------------------------------------


def _docx_text(content: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ArchiveError(_("Filen kan ikke leses som DOCX.")) from None
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
        raise ArchiveError(
            _(
                "DOCX-filen pakker seg ut til mye mer enn den er (%(size)s MB); den "
                "leses ikke."
            )
            % {"size": round(unpacked / 1024 / 1024)}
        )
    try:
        with archive.open("word/document.xml") as handle:
            xml = handle.read(MAX_UNPACKED_BYTES + 1)
    except KeyError:
        raise ArchiveError(
            _("Filen er en zip-fil, men ikke et Word-dokument (DOCX).")
        ) from None
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        raise ArchiveError(_("Filen kan ikke leses som DOCX.")) from None
    styles = _docx_part(archive, "word/styles.xml")
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml or b"<!ENTITY" in styles:
        raise ArchiveError(_("DOCX-filen har en ugyldig dokumentdefinisjon."))
    try:
        root = ET.fromstring(xml)
        list_styles = _list_styles(ET.fromstring(styles)) if styles else {}
    except ET.ParseError:
        raise ArchiveError(_("Filen kan ikke leses som DOCX.")) from None
    # Each paragraph is one; a blank line between them keeps them apart.
    return "\n\n".join(_docx_paragraphs(root, list_styles))


def _docx_part(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        with archive.open(name) as handle:
            return handle.read(MAX_UNPACKED_BYTES + 1)
    except KeyError:
        return b""
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
        raise ArchiveError(_("Filen kan ikke leses som DOCX.")) from None


def _list_styles(styles: ET.Element) -> dict[str, int]:
    """Paragraph styles that make a list item, with their depth: Word's «List
    Bullet» is the first level, «List Bullet 2» the second."""
    found = {}
    for style in styles.iter(f"{WORD}style"):
        if style.find(f"{WORD}pPr/{WORD}numPr") is None:
            continue
        name = style.find(f"{WORD}name")
        label = name.get(f"{WORD}val", "") if name is not None else ""
        level = re.search(r"(\d)$", label)
        found[style.get(f"{WORD}styleId", "")] = int(level[1]) - 1 if level else 0
    return found


def _docx_paragraphs(root: ET.Element, list_styles: dict[str, int]):
    """Each paragraph as a line; list paragraphs as «• » or, one level in, «◦ »."""
    for paragraph in root.iter(f"{WORD}p"):
        text = "".join(
            node.text or "" if node.tag == f"{WORD}t" else "\t"
            for node in paragraph.iter()
            if node.tag in (f"{WORD}t", f"{WORD}tab")
        )
        depth = None
        style = paragraph.find(f"{WORD}pPr/{WORD}pStyle")
        if style is not None and style.get(f"{WORD}val") in list_styles:
            depth = list_styles[style.get(f"{WORD}val")]
        level = paragraph.find(f"{WORD}pPr/{WORD}numPr/{WORD}ilvl")
        if level is not None:
            depth = int(level.get(f"{WORD}val", "0"))
        elif paragraph.find(f"{WORD}pPr/{WORD}numPr") is not None and depth is None:
            depth = 0
        if depth is not None:
            text = ("◦ " if depth else "• ") + text
        yield text


# Plain text -------------------------------------------------------------------------


def _plain_text(content: bytes) -> str:
    if b"\x00" in content[:65536]:
        raise ArchiveError(
            _("Filen er verken PDF, DOCX eller tekst, og kan ikke importeres.")
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ArchiveError(_("Teksten er verken UTF-8 eller Windows-1252."))
