"""Public pages are cached per council and forgotten when minutes are published."""

import datetime
import re

import pytest
from django.test import Client

from minutes import services
from minutes.cache import invalidate_public_pages
from minutes.models import Minutes
from tests.factories import CouncilFactory, make_meeting, make_published_meeting

pytestmark = pytest.mark.django_db


def test_a_cached_page_is_served_until_the_council_is_invalidated(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    assert (
        meeting.get_absolute_url()
        in client.get(council.get_absolute_url()).content.decode()
    )
    # A change behind the services' back is not seen: the page comes from the cache.
    Minutes.objects.filter(meeting=meeting).update(status=Minutes.Status.CORRECTING)
    later = make_published_meeting(council, datetime.date(2022, 5, 1))
    page = client.get(council.get_absolute_url()).content.decode()
    assert later.get_absolute_url() not in page
    invalidate_public_pages(council=council)
    page = client.get(council.get_absolute_url()).content.decode()
    assert later.get_absolute_url() in page


def test_publishing_minutes_shows_them_at_once(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    Minutes.objects.filter(meeting=meeting).update(
        status=Minutes.Status.APPROVED,
        approved_at=datetime.datetime(2022, 3, 1, tzinfo=datetime.UTC),
    )
    assert meeting.get_absolute_url() not in client.get("/").content.decode()
    assert (
        meeting.get_absolute_url()
        not in client.get(council.get_absolute_url()).content.decode()
    )
    services.minutes_publish(minutes=Minutes.objects.get(meeting=meeting))
    assert meeting.get_absolute_url() in client.get("/").content.decode()
    assert (
        meeting.get_absolute_url()
        in client.get(council.get_absolute_url()).content.decode()
    )
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_invalidating_one_council_keeps_the_others_cached(
    client, council, django_assert_num_queries
):
    other = CouncilFactory()
    make_published_meeting(other, datetime.date(2022, 2, 1))
    client.get(other.get_absolute_url())
    invalidate_public_pages(council=council)
    with django_assert_num_queries(1):  # the council itself; the content is cached
        client.get(other.get_absolute_url())


def test_cached_pages_keep_each_visitors_own_csrf_token(council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(meeting.get_absolute_url())
    page = second.get(meeting.get_absolute_url()).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = second.post(
        "/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_language_versions_are_cached_apart(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    url = meeting.get_absolute_url()
    assert "Referat fra møte i" in client.get(url).content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Minutes of the meeting of" in client.get(url).content.decode()
    client.post("/i18n/setlang/", {"language": "nb", "next": "/"})
    assert "Referat fra møte i" in client.get(url).content.decode()
