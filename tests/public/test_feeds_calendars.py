"""Atom feed of published minutes, iCalendar of meetings, sitemap."""

import datetime

import feedparser
import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from minutes.models import Input
from tests.factories import make_meeting, make_published_meeting
from tests.public.helpers import publish

pytestmark = pytest.mark.django_db


def test_the_feed_lists_published_minutes_for_a_feed_reader(client, council):
    published = make_published_meeting(council, datetime.date(2022, 12, 2))
    draft = make_meeting(council, datetime.date(2023, 1, 20))
    response = client.get(reverse("public:council_feed", args=[council.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == f"Referater fra {council.name}"
    assert len(feed.entries) == 1
    entry = feed.entries[0]
    assert entry.link == f"http://testserver{published.get_absolute_url()}"
    assert "møte 1/2022" in entry.title
    assert "Godkjenning av innkalling og dagsorden" in entry.summary
    assert draft.get_absolute_url() not in response.content.decode()


def test_the_calendar_has_published_and_coming_meetings(client, council):
    published = make_published_meeting(council, datetime.date(2022, 12, 2))
    unpublished_past = make_meeting(council, datetime.date(2023, 1, 20))
    coming = make_meeting(
        council,
        timezone.localdate() + datetime.timedelta(days=30),
        venue="Møterom Oslo",
    )
    response = client.get(reverse("public:council_calendar", args=[council.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 2
    assert not any(f"meeting-{unpublished_past.pk}@" in uid for uid in events)
    first = next(e for uid, e in events.items() if f"meeting-{published.pk}@" in uid)
    assert first.decoded("dtstart") == datetime.datetime(
        2022, 12, 2, 10, 0, tzinfo=first.decoded("dtstart").tzinfo
    )
    assert first.decoded("dtstart").utcoffset() == datetime.timedelta(hours=1)
    assert str(first["url"]).endswith(published.get_absolute_url())
    later = next(e for uid, e in events.items() if f"meeting-{coming.pk}@" in uid)
    assert str(later["location"]) == "Møterom Oslo"
    assert "url" not in later
    assert calendar.walk("VTIMEZONE")


def test_pages_link_their_feed_and_calendar_as_alternates(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 12, 2))
    feed = reverse("public:council_feed", args=[council.slug])
    ics = reverse("public:council_calendar", args=[council.slug])
    for url in (council.get_absolute_url(), meeting.get_absolute_url()):
        page = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in page
        assert f'href="{feed}"' in page
        assert '<link rel="alternate" type="text/calendar"' in page
        assert f'href="{ics}"' in page


def test_the_sitemap_lists_published_meetings_and_items_only(client, council):
    published = make_published_meeting(council, datetime.date(2022, 12, 2))
    draft = make_meeting(council, datetime.date(2023, 1, 20))
    Input.objects.create(item=draft.items.first(), text="utkast")
    content = client.get("/sitemap.xml").content.decode()
    assert published.get_absolute_url() in content
    for item in published.items.all():
        assert item.get_absolute_url() in content
    assert draft.get_absolute_url() not in content
    for item in draft.items.all():
        assert item.get_absolute_url() not in content


def test_a_meeting_published_later_appears_in_the_feed(client, council):
    meeting = make_meeting(council, datetime.date(2022, 12, 2))
    url = reverse("public:council_feed", args=[council.slug])
    assert feedparser.parse(client.get(url).content).entries == []
    publish(meeting)
    assert len(feedparser.parse(client.get(url).content).entries) == 1
