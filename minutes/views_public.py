"""Public pages: anyone, logged in or not, sees published minutes and nothing else."""

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from council.models import Council
from minutes.models import AgendaItem
from minutes.selectors import get_public_meeting, minutes_view, public_meetings


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    published = public_meetings().select_related("minutes").order_by("-date")
    councils = Council.objects.prefetch_related(
        Prefetch("meetings", queryset=published, to_attr="published_meetings")
    )
    return render(request, "public/home.html", {"councils": councils})


@require_safe
def council_detail(request: HttpRequest, council_slug: str) -> HttpResponse:
    council = get_object_or_404(
        Council.objects.select_related("secretariat_organisation"), slug=council_slug
    )
    meetings = public_meetings().filter(council=council).order_by("-date")
    return render(
        request, "public/council.html", {"council": council, "meetings": meetings}
    )


@require_safe
def meeting_detail(
    request: HttpRequest, council_slug: str, year: int, number: int
) -> HttpResponse:
    meeting = get_public_meeting(council_slug, year, number)
    view = minutes_view(meeting, public_only=True)
    return render(request, "public/meeting.html", {"view": view, "meeting": meeting})


@require_safe
def item_detail(
    request: HttpRequest, council_slug: str, year: int, number: int
) -> HttpResponse:
    try:
        item = (
            AgendaItem.objects.published()
            .select_related("meeting", "meeting__council")
            .get(council__slug=council_slug, year=year, number=number)
        )
    except AgendaItem.DoesNotExist:
        raise Http404 from None
    view = minutes_view(item.meeting, public_only=True)
    item_view = next(v for v in view.items if v.item.pk == item.pk)
    return render(
        request,
        "public/item.html",
        {"view": view, "meeting": item.meeting, "item_view": item_view},
    )
