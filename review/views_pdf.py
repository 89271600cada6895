"""Drafts and summonses as PDF, for the council's members and secretariat only:
rendered on demand, never cached by a shared cache; 404 for everyone else."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from minutes.access import access_meeting_by_number
from minutes.models import Meeting, Minutes, SummonsVersion
from minutes.pdf import (
    frozen_file_response,
    full_record_pdf_response,
    minutes_filename,
    render_minutes_pdf,
    render_summons_pdf,
    rendered_pdf_response,
    summons_filename,
)
from minutes.services.summons import summons_latest_version


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

    Approved minutes are frozen: members get the stored file, the full record where
    anything is exempt from the public.
    """
    meeting = access_meeting_by_number(request.user, council_slug, year, number)
    if _is_frozen(meeting):
        response = full_record_pdf_response(request, meeting.minutes)
        patch_cache_control(response, private=True)
        return response
    content = render_minutes_pdf(meeting=meeting, public_only=False)
    return rendered_pdf_response(content, minutes_filename(meeting, draft=True))


@require_safe
def summons_pdf(
    request: HttpRequest, council_slug: str, year: int, number: int
) -> HttpResponse:
    """The summons (innkalling og dagsorden), for members and secretariat: the
    latest one sent, as it was sent; before any is sent, as it stands now."""
    meeting = access_meeting_by_number(request.user, council_slug, year, number)
    version = summons_latest_version(meeting)
    if version is not None:
        return _summons_version_response(request, version)
    content = render_summons_pdf(meeting=meeting)
    return rendered_pdf_response(content, summons_filename(meeting))


@require_safe
def summons_version_pdf(
    request: HttpRequest, council_slug: str, year: int, number: int, version: int
) -> HttpResponse:
    """One summons as it was sent (version 1, 2, …), for members and secretariat."""
    meeting = access_meeting_by_number(request.user, council_slug, year, number)
    sent = get_object_or_404(SummonsVersion, meeting=meeting, number=version)
    return _summons_version_response(request, sent)


def _summons_version_response(
    request: HttpRequest, version: SummonsVersion
) -> HttpResponse:
    stem = summons_filename(version.meeting).removesuffix(".pdf")
    response = frozen_file_response(
        request,
        file=version.file,
        sha256=version.sha256,
        size=version.size,
        rendered_at=version.sent_at,
        filename=f"{stem}-v{version.number}.pdf",
    )
    # For the council only: no shared cache may keep it.
    patch_cache_control(response, private=True)
    return response
