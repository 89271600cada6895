"""Earlier published versions of corrected minutes, each at its own address."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from minutes.models import Minutes, MinutesVersion
from minutes.selectors import get_public_meeting
from minutes.versions import snapshot_view, version_minutes


def _published_version(
    council_slug: str, year: int, number: int, version: int
) -> tuple:
    meeting = get_public_meeting(council_slug, year, number)
    found = get_object_or_404(
        MinutesVersion.objects.select_related("minutes"),
        minutes__meeting=meeting,
        number=version,
        published_at__isnull=False,
    )
    return meeting, found


@require_safe
def public_version(
    request: HttpRequest, council_slug: str, year: int, number: int, version: int
) -> HttpResponse:
    meeting, found = _published_version(council_slug, year, number, version)
    published = MinutesVersion.objects.filter(
        minutes=found.minutes, published_at__isnull=False
    ).order_by("number")
    latest = published.last()
    context = {
        "meeting": meeting,
        "version": found,
        "view": snapshot_view(found.content, minutes=version_minutes(found)),
        "published_versions": published,
        "is_current": latest is not None
        and latest.pk == found.pk
        and found.minutes.status == Minutes.Status.PUBLISHED,
    }
    return render(request, "review/public_version.html", context)


@require_safe
def public_version_pdf(
    request: HttpRequest, council_slug: str, year: int, number: int, version: int
) -> HttpResponse:
    meeting, found = _published_version(council_slug, year, number, version)
    if not found.pdf_file:
        raise Http404
    slug, day = meeting.council.slug, meeting.date.isoformat()
    name = f"referat-{slug}-{day}-v{found.number}.pdf"
    return FileResponse(
        found.pdf_file.open("rb"),
        content_type="application/pdf",
        filename=name,
        as_attachment=False,
    )
