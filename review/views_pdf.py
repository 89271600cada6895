"""Drafts and summonses as PDF, for the council's members and secretariat only:
rendered on demand, never cached by a shared cache; 404 for everyone else."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from minutes.access import access_meeting_by_number
from minutes.models import Meeting, Minutes
from minutes.pdf import (
    full_record_pdf_response,
    minutes_filename,
    render_minutes_pdf,
    render_summons_pdf,
    rendered_pdf_response,
    summons_filename,
)


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
    """The summons (innkalling og dagsorden), for members and secretariat."""
    meeting = access_meeting_by_number(request.user, council_slug, year, number)
    content = render_summons_pdf(meeting=meeting)
    return rendered_pdf_response(content, summons_filename(meeting))
