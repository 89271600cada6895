"""Minutes and summons as PDF.

Published minutes: the frozen PDF/A stored at approval, served as it is (never
re-rendered), with ETag and Last-Modified so a repeat download is a 304. Drafts and
summonses: rendered on demand for the council's members and secretariat; 404 for
everyone else.
"""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from minutes.access import access_meeting_by_number
from minutes.models import Meeting, Minutes
from minutes.pdf import (
    minutes_filename,
    render_minutes_pdf,
    render_summons_pdf,
    store_approved_pdf,
    summons_filename,
)
from minutes.selectors import get_public_meeting


def _stored_pdf_response(request: HttpRequest, minutes: Minutes) -> HttpResponse:
    """The stored file as it is; 304 when the client already has these bytes."""
    if not minutes.pdf_file:
        # Approved before PDFs were stored, or by a path that skipped the services.
        # Minutes under correction without a file have no approved PDF to give.
        if minutes.status not in Minutes.FROZEN_STATUSES:
            raise Http404
        store_approved_pdf(minutes=minutes)
    etag = f'"{minutes.pdf_sha256}"'
    last_modified = int(minutes.pdf_rendered_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        response = FileResponse(
            minutes.pdf_file.open("rb"),
            content_type="application/pdf",
            filename=minutes_filename(minutes.meeting),
        )
        response["Content-Length"] = str(minutes.pdf_size)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return response


def _rendered_pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # Drafts are for the council only: no shared cache may keep them.
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def minutes_pdf(
    request: HttpRequest, council_slug: str, year: int, number: int
) -> HttpResponse:
    """The published minutes' PDF/A, for anyone."""
    meeting = get_public_meeting(council_slug, year, number)
    response = _stored_pdf_response(request, meeting.minutes)
    patch_cache_control(response, public=True, max_age=300)
    return response


def _is_frozen(meeting: Meeting) -> bool:
    minutes = getattr(meeting, "minutes", None)
    return bool(
        minutes and minutes.approved_at and minutes.status in Minutes.FROZEN_STATUSES
    )


@require_safe
def draft_pdf(
    request: HttpRequest, council_slug: str, year: int, number: int
) -> HttpResponse:
    """The minutes as they stand, marked «UTKAST», for members and secretariat.

    Approved minutes are frozen: members get the stored file, like the public.
    """
    meeting = access_meeting_by_number(request.user, council_slug, year, number)
    if _is_frozen(meeting):
        response = _stored_pdf_response(request, meeting.minutes)
        patch_cache_control(response, private=True)
        return response
    content = render_minutes_pdf(meeting=meeting, public_only=False)
    return _rendered_pdf_response(content, minutes_filename(meeting, draft=True))


@require_safe
def summons_pdf(
    request: HttpRequest, council_slug: str, year: int, number: int
) -> HttpResponse:
    """The summons (innkalling og dagsorden), for members and secretariat."""
    meeting = access_meeting_by_number(request.user, council_slug, year, number)
    content = render_summons_pdf(meeting=meeting)
    return _rendered_pdf_response(content, summons_filename(meeting))
