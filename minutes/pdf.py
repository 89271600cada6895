"""Minutes and summons as PDF, rendered with WeasyPrint from the minutes document.

The PDF is built from the same document as the public page (minutes/document.py),
through templates under templates/pdf/. Approved minutes become one tagged PDF/A-3a
file (archival and accessible at once) with the document's snapshot attached as
JSON; it is rendered once, stored through Django's storage API and never replaced
(`store_approved_pdf`). Drafts and summonses are rendered on demand.

Rendering never touches the network: `LocalStaticFetcher` serves files from the
project's static folders and refuses every other URL.
"""

import atexit
import datetime
import gc
import hashlib
import json
import mimetypes
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.formats import date_format
from django.utils.http import http_date
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse

from minutes.document import MinutesDocument
from minutes.models import FullRecordPdf, Meeting, Minutes

# The minutes are written in Norwegian, so the printed labels are too, whatever the
# language of the request: the archived file must not depend on who asked first.
PDF_LANGUAGE = "nb"
PDF_STYLESHEET = "css/pdf.css"
JSON_ATTACHMENT_NAME = "referat.json"


class LocalStaticFetcher:
    """A WeasyPrint URL fetcher that serves local static files and nothing else.

    Only file: URLs inside the static folders are read; anything else (http, https,
    data, ftp, files elsewhere on disk) is refused and remembered in `refused`.
    Every URL asked for is remembered in `requested`, so tests can check that user
    text made WeasyPrint fetch nothing.
    """

    def __init__(self) -> None:
        # WeasyPrint reads this attribute of its own fetcher class: a refused URL is
        # a warning in its log, not a failed render.
        self._fail_on_errors = False
        self.requested: list[str] = []
        self.refused: list[str] = []

    @staticmethod
    def allowed_roots() -> list[Path]:
        roots = [Path(root).resolve() for root in settings.STATICFILES_DIRS]
        roots.append(Path(settings.STATIC_ROOT).resolve())
        return roots

    def local_path(self, url: str) -> Path | None:
        """The file a URL names if it is a file: URL inside a static folder."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(unquote(parts.path)).resolve()
        for root in self.allowed_roots():
            if path.is_relative_to(root) and path.is_file():
                return path
        return None

    def __call__(self, url: str, headers: dict | None = None):
        self.requested.append(url)
        path = self.local_path(url)
        if path is None:
            self.refused.append(url)
            raise ValueError(f"Refused to fetch {url!r}: only local static files.")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, path.read_bytes(), headers={"Content-Type": content_type}
        )

    fetch = __call__


def static_path(name: str) -> Path:
    for root in LocalStaticFetcher.allowed_roots():
        if (root / name).is_file():
            return root / name
    raise FileNotFoundError(name)


def css_string(value: str) -> SafeString:
    """A quoted CSS string, safe inside <style> whatever the value holds."""
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\A ")
        .replace("<", "\\3C ")
        .replace(">", "\\3E ")
    )
    return mark_safe(f'"{escaped}"')


def _w3c(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def minutes_filename(meeting: Meeting, *, draft: bool = False) -> str:
    """«referat-nasjonalt-e-helserad-2022-12-02.pdf»; «protokoll-…» where the
    council keeps a Protokoll."""
    prefix = meeting.council.document_name or "referat"
    if draft:
        prefix += "-utkast"
    return f"{prefix}-{meeting.council.slug}-{meeting.date.isoformat()}.pdf"


def summons_filename(meeting: Meeting) -> str:
    return f"innkalling-{meeting.council.slug}-{meeting.date.isoformat()}.pdf"


_cache = threading.local()


@atexit.register
def _drop_cache() -> None:
    # Free the fonts while WeasyPrint's modules still exist: at interpreter
    # shutdown its cleanup code would fail noisily.
    _cache.__dict__.pop("stylesheet", None)


def _stylesheet():
    """The parsed print stylesheet and its fonts, kept per thread between renders.

    Parsing it and loading the four fonts is a tenth of a render. WeasyPrint's font
    configuration is not made for sharing between threads, hence one per thread.
    The cache follows the file, so an edited stylesheet is read again.
    """
    path = static_path(PDF_STYLESHEET)
    key = (str(path), path.stat().st_mtime_ns)
    cached = getattr(_cache, "stylesheet", None)
    if cached is None or cached[0] != key:
        font_config = FontConfiguration()
        stylesheet = CSS(
            filename=str(path),
            url_fetcher=LocalStaticFetcher(),
            font_config=font_config,
        )
        cached = _cache.stylesheet = (key, stylesheet, font_config)
    return cached[1], cached[2]


def render_html_to_pdf(
    html: str,
    *,
    pdf_variant: str | None = None,
    created: datetime.datetime | None = None,
    attachments: list[tuple[str, bytes, str]] = (),
    url_fetcher: LocalStaticFetcher | None = None,
) -> bytes:
    """Lay out one of our print templates. `attachments`: (name, bytes, description).

    `created` fixes the metadata dates, so the same data gives the same bytes.
    """

    fetcher = url_fetcher or LocalStaticFetcher()
    moment = created or timezone.now()
    stylesheet, font_config = _stylesheet()
    static_root = static_path(PDF_STYLESHEET).parent.parent
    document = HTML(
        string=html, base_url=static_root.as_uri() + "/", url_fetcher=fetcher
    )
    pdf_attachments = [
        Attachment(
            string=content,
            name=name,
            description=description,
            created=moment.astimezone(datetime.UTC),
            modified=moment.astimezone(datetime.UTC),
            relationship="Data",
            url_fetcher=fetcher,
        )
        for name, content, description in attachments
    ]
    # WeasyPrint builds hundreds of thousands of short-lived objects; the cyclic
    # collector would scan the whole process (Django included) again and again
    # meanwhile. Pausing it makes a render ~15% faster; it resumes right after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return document.write_pdf(
            stylesheets=[stylesheet],
            font_config=font_config,
            pdf_variant=pdf_variant,
            pdf_tags=True,
            attachments=pdf_attachments,
            finisher=_add_xmp_language,
        )
    finally:
        if collecting:
            gc.enable()


def _add_xmp_language(document, pdf) -> None:
    """Put the document language into the XMP metadata too (dc:language)."""
    lang = document.metadata.lang
    if not lang or "Metadata" not in pdf.catalog:
        return
    number = int(pdf.catalog["Metadata"].split()[0])
    stream = pdf.objects[number]
    description = (
        '<rdf:Description rdf:about="" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>"
        "</rdf:Description></rdf:RDF>"
    ).encode()
    stream.stream = [
        part.replace(b"</rdf:RDF>", description, 1) if isinstance(part, bytes) else part
        for part in stream.stream
    ]


def _two_columns(lines: list[str]) -> list[list[str]]:
    """Split a list for printing down one column and then the next."""
    middle = (len(lines) + 1) // 2
    return [column for column in (lines[:middle], lines[middle:]) if column]


def people_rows(document: MinutesDocument) -> list[tuple[str, list[list[str]]]]:
    """The members table (MinutesDocument.attendance_rows), the names in two
    columns."""
    return [
        (heading, _two_columns(names)) for heading, names in document.attendance_rows()
    ]


def _document_context(document: MinutesDocument, *, draft: bool) -> dict[str, Any]:
    meeting, council = document.meeting, document.council
    # In the council's words: «Protokoll fra møte i …» where it says protokoll.
    title = council.heading
    header = f"{council.document_title} – {council.name} – {meeting.title}"
    if draft:
        header = f"{_('UTKAST')} – {header}"
    return {
        "document": document,
        "meeting": meeting,
        "people_rows": people_rows(document),
        "draft": draft,
        "status_label": Minutes.Status(document.status).label
        if document.status
        else _("Utkast"),
        "title": title,
        "document_title": f"{title} – {meeting.title} "
        f"({date_format(meeting.date, 'j. F Y')})",
        "author": council.secretariat_organisation or council.name,
        "approval": "" if draft else document.approval_line,
        "header_css": css_string(header),
        "page_label_css": css_string(_("side")),
        "of_label_css": css_string(_("av")),
    }


def render_minutes_pdf(
    *,
    meeting: Meeting,
    public_only: bool = True,
    url_fetcher: LocalStaticFetcher | None = None,
) -> bytes:
    """The minutes as PDF: PDF/A-3a when approved, else a draft marked «UTKAST».

    Approved minutes carry fixed dates (the approval time) so a render is repeatable;
    but only `store_approved_pdf` makes the public file, once.
    """
    with translation.override(PDF_LANGUAGE):
        document = MinutesDocument.from_rows(meeting)
        if public_only:
            document = document.public()
        approved = bool(
            document.approval and document.status in Minutes.FROZEN_STATUSES
        )
        created = document.approval.approved_at if approved else timezone.now()
        context = _document_context(document, draft=not approved)
        context["created"] = _w3c(created)
        html = render_to_string("pdf/minutes.html", context)
        data = json.dumps(document.to_snapshot(), ensure_ascii=False, indent=2)
        return render_html_to_pdf(
            html,
            pdf_variant="pdf/a-3a" if approved else None,
            created=created,
            attachments=[
                (
                    JSON_ATTACHMENT_NAME,
                    data.encode(),
                    _("Referatet som strukturerte data (JSON)"),
                )
            ],
            url_fetcher=url_fetcher,
        )


def render_summons_pdf(*, meeting: Meeting) -> bytes:
    """The summons (innkalling og dagsorden): facts, agenda, proposals, papers."""
    with translation.override(PDF_LANGUAGE):
        document = MinutesDocument.from_rows(meeting)
        council = document.council
        title = _("Innkalling til møte i %(council)s") % {"council": council.name}
        context = {
            "document": document,
            "meeting": document.meeting,
            # The summons shows the planned item types only.
            "summons": True,
            "papers": [
                (item.number_label, a.title)
                for item in document.items
                for a in item.attachments
            ]
            + [("", a.title) for a in document.attachments],
            "title": title,
            "document_title": f"{title} – {meeting.title} "
            f"({date_format(meeting.date, 'j. F Y')})",
            "author": council.secretariat_organisation or council.name,
            "created": _w3c(timezone.now()),
            "header_css": css_string(
                f"{council.name} – {_('Innkalling')} – {meeting.title}"
            ),
            "page_label_css": css_string(_("side")),
            "of_label_css": css_string(_("av")),
        }
        html = render_to_string("pdf/summons.html", context)
        return render_html_to_pdf(html)


def _storage_name(minutes: Minutes, digest: str) -> str:
    meeting = minutes.meeting
    stem = minutes_filename(meeting).removesuffix(".pdf")
    return f"referater/{meeting.council.slug}/{meeting.year}/{stem}-{digest[:12]}.pdf"


def store_approved_pdf(*, minutes: Minutes) -> None:
    """Render approved minutes as PDF/A once, store the file and its SHA-256.

    Does nothing when a PDF is already stored: the stored bytes are the record and
    never change, whatever happens to the data afterwards. The row is locked while
    rendering so two requests cannot both store a file.
    """
    with transaction.atomic():
        locked = (
            # of=("self",): PostgreSQL cannot lock the nullable side of an outer join.
            Minutes.objects.select_for_update(of=("self",))
            .select_related(
                "meeting",
                "meeting__council",
                "meeting__council__secretariat_organisation",
                "approved_by_item__meeting",
            )
            .get(pk=minutes.pk)
        )
        if not locked.pdf_file:
            # Not for minutes under correction: their content is no longer the
            # approved one.
            if locked.approved_at is None or (
                locked.status not in Minutes.FROZEN_STATUSES
            ):
                raise ValueError("Only approved minutes get a stored PDF.")
            meeting = locked.meeting
            meeting.minutes = locked
            content = render_minutes_pdf(meeting=meeting, public_only=True)
            digest = hashlib.sha256(content).hexdigest()
            name = default_storage.save(
                _storage_name(locked, digest), ContentFile(content)
            )
            locked.pdf_file.name = name
            locked.pdf_sha256 = digest
            locked.pdf_size = len(content)
            locked.pdf_rendered_at = timezone.now()
            locked.save(
                update_fields=["pdf_file", "pdf_sha256", "pdf_size", "pdf_rendered_at"]
            )
    # The caller's object reflects what is stored.
    minutes.pdf_file.name = locked.pdf_file.name
    minutes.pdf_sha256 = locked.pdf_sha256
    minutes.pdf_size = locked.pdf_size
    minutes.pdf_rendered_at = locked.pdf_rendered_at
    store_full_record_pdf(minutes=minutes)


def store_full_record_pdf(*, minutes: Minutes) -> FullRecordPdf | None:
    """The full record beside the stored public PDF, where anything is exempt
    (minutes/models/records.py): rendered once, with everything the minutes hold
    (internal papers listed, exempt text in place, marked as exempt). None when
    nothing is exempt: then the public PDF is the full record."""
    if not minutes.pdf_sha256:
        return None
    existing = FullRecordPdf.objects.filter(public_sha256=minutes.pdf_sha256).first()
    if existing is not None:
        return existing
    if minutes.status not in Minutes.FROZEN_STATUSES:
        # Under correction the rows are no longer the approved content.
        return None
    meeting = minutes.meeting
    meeting.minutes = minutes
    if not MinutesDocument.from_rows(meeting).has_exemptions:
        return None
    content = render_minutes_pdf(meeting=meeting, public_only=False)
    digest = hashlib.sha256(content).hexdigest()
    stem = minutes_filename(meeting).removesuffix(".pdf")
    name = default_storage.save(
        f"referater/{meeting.council.slug}/{meeting.year}/"
        f"{stem}-fullstendig-{digest[:12]}.pdf",
        ContentFile(content),
    )
    record, _created = FullRecordPdf.objects.get_or_create(
        public_sha256=minutes.pdf_sha256,
        defaults={
            "minutes": minutes,
            "file": name,
            "sha256": digest,
            "size": len(content),
            "rendered_at": timezone.now(),
        },
    )
    return record


# Serving -----------------------------------------------------------------------


def _ensure_stored_pdf(minutes: Minutes) -> None:
    if not minutes.pdf_file:
        # Approved before PDFs were stored, or by a path that skipped the services.
        # Minutes under correction without a file have no approved PDF to give.
        if minutes.status not in Minutes.FROZEN_STATUSES:
            raise Http404
        store_approved_pdf(minutes=minutes)


def frozen_file_response(
    request: HttpRequest, *, file, sha256: str, size: int, rendered_at, filename: str
) -> HttpResponse:
    """A frozen file as it is; 304 when the client already has these bytes."""
    etag = f'"{sha256}"'
    last_modified = int(rendered_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = FileResponse(
            file.open("rb"), content_type="application/pdf", filename=filename
        )
        response["Content-Length"] = str(size)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return response


def stored_pdf_response(request: HttpRequest, minutes: Minutes) -> HttpResponse:
    """The stored (public) PDF as it is; 304 when the client already has it."""
    _ensure_stored_pdf(minutes)
    return frozen_file_response(
        request,
        file=minutes.pdf_file,
        sha256=minutes.pdf_sha256,
        size=minutes.pdf_size,
        rendered_at=minutes.pdf_rendered_at,
        filename=minutes_filename(minutes.meeting),
    )


def full_record_pdf_response(request: HttpRequest, minutes: Minutes) -> HttpResponse:
    """For members and the secretariat: the full record where anything is exempt,
    else the stored PDF (which then is the full record)."""
    _ensure_stored_pdf(minutes)
    record = store_full_record_pdf(minutes=minutes)
    if record is None:
        return stored_pdf_response(request, minutes)
    stem = minutes_filename(minutes.meeting).removesuffix(".pdf")
    return frozen_file_response(
        request,
        file=record.file,
        sha256=record.sha256,
        size=record.size,
        rendered_at=record.rendered_at,
        filename=f"{stem}-fullstendig.pdf",
    )


def rendered_pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # Drafts are for the council only: no shared cache may keep them.
    patch_cache_control(response, private=True, no_store=True)
    return response
