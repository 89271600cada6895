"""iCalendar file of a council's meetings: subscribe in a calendar application.

The calendar holds the meetings whose minutes are published and the meetings still to
come (their date, time and place are public); a past meeting whose minutes are not yet
published is left out, like everything else about unpublished minutes. A published
meeting's facts come from its published document, so a correction under way changes
nothing here until it is published.
"""

import datetime
import zoneinfo

import icalendar
from django.conf import settings
from django.db.models import F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.cache import cached_public, council_scope
from council.models import Council
from minutes.models import Meeting, Minutes
from minutes.public import published_documents

DEFAULT_DURATION = datetime.timedelta(hours=2)


def _meetings(council: Council, today: datetime.date) -> list[Meeting]:
    return list(
        Meeting.objects.filter(council=council)
        .filter(
            Q(minutes__status__in=Minutes.PUBLIC_STATUSES) | Q(date__gte=today),
        )
        .annotate(minutes_status=F("minutes__status"))
        .select_related("council")
        .order_by("date", "start_time")
    )


def council_calendar_ics(council: Council, *, base_url: str) -> bytes:
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    today = timezone.localdate()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Møtereferater//council-minutes//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Møter i %(council)s") % {"council": council.name})
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = base_url.split("://", 1)[-1].split("/", 1)[0]
    meetings = _meetings(council, today)
    documents = published_documents(
        [m for m in meetings if m.minutes_status in Minutes.PUBLIC_STATUSES]
    )
    for row in meetings:
        document = documents.get(row.pk)
        # The published facts, or the planned ones of a meeting still to come.
        meeting = document.meeting if document else row
        event = icalendar.Event()
        event.add("uid", f"meeting-{row.pk}@{host}")
        event.add("summary", f"{council.name}: {meeting.title}")
        if meeting.start_time:
            start = datetime.datetime.combine(meeting.date, meeting.start_time, zone)
            end = (
                datetime.datetime.combine(meeting.date, meeting.end_time, zone)
                if meeting.end_time
                else start + DEFAULT_DURATION
            )
            event.add("dtstart", start)
            event.add("dtend", end)
        else:
            event.add("dtstart", meeting.date)
            event.add("dtend", meeting.date + datetime.timedelta(days=1))
        event.add("dtstamp", row.updated_at)
        if meeting.venue:
            event.add("location", meeting.venue)
        if document:
            url = base_url + row.get_absolute_url()
            event.add("url", url)
            event.add(
                "description", _("Referatet er publisert: %(url)s") % {"url": url}
            )
        elif row.summons_sent:
            url = base_url + row.get_absolute_url()
            event.add("url", url)
            event.add("description", _("Sakslisten: %(url)s") % {"url": url})
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


@require_safe
def council_calendar(request: HttpRequest, council_slug: str) -> HttpResponse:
    council = get_object_or_404(Council, slug=council_slug)
    base_url = request.build_absolute_uri("/").rstrip("/")
    today = timezone.localdate()
    content = cached_public(
        council_scope(council),
        f"calendar:{today}:{base_url}",
        lambda: council_calendar_ics(council, base_url=base_url),
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{council.slug}-moter.ics"'
    return response
