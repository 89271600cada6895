"""Published minutes as PDF: the frozen PDF/A stored at approval, served as it is
(never re-rendered), with ETag and Last-Modified so a repeat download is a 304."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from minutes.pdf import stored_pdf_response
from minutes.public import get_public_meeting


@require_safe
def minutes_pdf(
    request: HttpRequest, council_slug: str, year: int, number: int
) -> HttpResponse:
    """The published minutes' PDF/A, for anyone."""
    meeting = get_public_meeting(council_slug, year, number)
    response = stored_pdf_response(request, meeting.minutes)
    patch_cache_control(response, public=True, max_age=300)
    return response
