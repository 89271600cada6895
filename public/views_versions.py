"""Earlier published versions of corrected minutes, each at its own address."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from minutes.document import MinutesDocument
from minutes.models import Meeting, Minutes, MinutesVersion
from minutes.public import get_public_meeting, published_versions


def _published_version(
    council_slug: str, year: int, number: int, version: int
) -> tuple[Meeting, MinutesVersion, list[MinutesVersion]]:
    meeting = get_public_meeting(council_slug, year, number)
    published = list(
        published_versions(meeting.minutes).select_related(
            "minutes", "approved_by_item__meeting"
        )
    )
    found = next((v for v in published if v.number == version), None)
    if found is None:
        raise Http404
    return meeting, found, published


@require_safe
def public_version(
    request: HttpRequest, council_slug: str, year: int, number: int, version: int
) -> HttpResponse:
    meeting, found, published = _published_version(council_slug, year, number, version)
    context = {
        "meeting": meeting,
        "version": found,
        "document": MinutesDocument.from_snapshot(
            found.content, version=found
        ).public(),
        "published_versions": published,
        "is_current": published[-1].pk == found.pk
        and found.minutes.status == Minutes.Status.PUBLISHED,
    }
    return render(request, "public/version.html", context)


@require_safe
def public_version_pdf(
    request: HttpRequest, council_slug: str, year: int, number: int, version: int
) -> HttpResponse:
    meeting, found, _published = _published_version(council_slug, year, number, version)
    if not found.pdf_file:
        raise Http404
    slug, day = meeting.council.slug, meeting.date.isoformat()
    kind = meeting.council.document_name or "referat"
    name = f"{kind}-{slug}-{day}-v{found.number}.pdf"
    return FileResponse(
        found.pdf_file.open("rb"),
        content_type="application/pdf",
        filename=name,
        as_attachment=False,
    )
