"""Public pages are cached per council and forgotten when minutes are published."""

import datetime
import re
from urllib.parse import quote

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from core import cache as cache_module
from core.cache import invalidate_public_pages
from council.models import Council
from minutes.models import Minutes
from minutes.services import lifecycle
from tests.factories import (
    CouncilFactory,
    MembershipFactory,
    make_meeting,
    make_published_meeting,
)

pytestmark = pytest.mark.django_db


def test_a_cached_page_is_served_until_the_council_is_invalidated(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    assert "Testrådet" in client.get(meeting.get_absolute_url()).content.decode()
    # A change behind the models' back (no signals) is not seen: the page is cached.
    Council.objects.filter(pk=council.pk).update(name="Omdøpt råd")
    assert "Omdøpt råd" not in client.get(meeting.get_absolute_url()).content.decode()
    invalidate_public_pages(council=council)
    assert "Omdøpt råd" in client.get(meeting.get_absolute_url()).content.decode()


def test_edits_outside_the_minutes_show_at_once(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    for url in ("/", council.get_absolute_url(), meeting.get_absolute_url()):
        client.get(url)

    council.name = "Omdøpt råd"
    council.save()
    for url in ("/", council.get_absolute_url(), meeting.get_absolute_url()):
        assert "Omdøpt råd" in client.get(url).content.decode(), url

    MembershipFactory(
        council=council,
        person__name="Nytt Medlem",
        start_date=datetime.date(2020, 1, 1),
    )
    assert "Nytt Medlem" in client.get(council.get_absolute_url()).content.decode()

    upcoming = make_meeting(council, timezone.localdate() + datetime.timedelta(days=9))
    for url in ("/", council.get_absolute_url()):
        assert upcoming.title.lower() in client.get(url).content.decode().lower(), url


def test_publishing_minutes_shows_them_at_once(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    council.publish_on_approval = False
    council.save()
    lifecycle.minutes_approve_historical(
        minutes=meeting.minutes,
        approved_at=datetime.datetime(2022, 3, 1, tzinfo=datetime.UTC),
    )
    assert meeting.get_absolute_url() not in client.get("/").content.decode()
    assert (
        meeting.get_absolute_url()
        not in client.get(council.get_absolute_url()).content.decode()
    )
    lifecycle.minutes_publish(minutes=Minutes.objects.get(meeting=meeting))
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
    with django_assert_num_queries(0):  # the whole page comes from the cache
        client.get(other.get_absolute_url())


def test_a_plain_visitors_page_is_shared_and_carries_no_csrf_token(council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(meeting.get_absolute_url())
    second_page = second.get(meeting.get_absolute_url())
    assert first_page.content == second_page.content
    assert "csrfmiddlewaretoken" not in second_page.content.decode()
    assert "csrftoken" not in second_page.cookies
    # The language switch needs no token.
    response = second.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302


def test_a_logged_in_reader_gets_the_cached_body_in_a_header_of_their_own(
    council, world
):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    Client().get(meeting.get_absolute_url())
    reader = Client(enforce_csrf_checks=True)
    # Charlie sits in council B: to council A he is one more logged-in reader.
    reader.force_login(world.member_b)
    page = reader.get(meeting.get_absolute_url()).content.decode()
    assert "Logg ut" in page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert reader.post(
        "/konto/logg-ut/", {"csrfmiddlewaretoken": token}
    ).status_code in (
        200,
        302,
    )


def test_a_page_asked_for_with_extra_parameters_is_rendered_for_that_address(
    client, council
):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    url = meeting.get_absolute_url()
    client.get(url)
    page = client.get(url + "?fra=nyhetsbrev").content.decode()
    assert "next=" + quote(url + "?fra=nyhetsbrev", safe="/") in page
    assert "next=" + quote(url, safe="/") in client.get(url).content.decode()


def test_language_versions_are_cached_apart(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    url = meeting.get_absolute_url()
    assert "Referat fra møte i" in client.get(url).content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Minutes of the meeting of" in client.get(url).content.decode()
    client.post("/i18n/setlang/", {"language": "nb", "next": "/"})
    assert "Referat fra møte i" in client.get(url).content.decode()


def test_a_new_release_does_not_serve_pages_of_the_old_one(
    client, council, monkeypatch
):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    url = meeting.get_absolute_url()
    client.get(url)
    Council.objects.filter(pk=council.pk).update(name="Omdøpt råd")  # no signals
    assert "Omdøpt råd" not in client.get(url).content.decode()
    monkeypatch.setattr(cache_module, "release", lambda: "neste-versjon")
    assert "Omdøpt råd" in client.get(url).content.decode()


def test_the_release_changes_with_a_template(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    template = tmp_path / "templates" / "side.html"
    template.parent.mkdir()
    template.write_text("<p>Før</p>")
    try:
        cache_module.forget_release()
        before = cache_module.release()
        template.write_text("<p>Etter</p>")
        assert cache_module.release() == before  # computed once per process …
        cache_module.forget_release()  # … or when the autoreloader sees a change
        assert cache_module.release() != before
    finally:
        cache_module.forget_release()


def test_a_page_built_from_uncommitted_rows_is_forgotten_at_commit(
    client, council, django_capture_on_commit_callbacks
):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    url = meeting.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            invalidate_public_pages(council=council)
            # Another process, which cannot see this transaction's rows yet, builds
            # and caches the page under the version just bumped.
            client.get(url)
            Council.objects.filter(pk=council.pk).update(name="Omdøpt råd")
    # Committed: the page cached meanwhile is stale.
    assert "Omdøpt råd" in client.get(url).content.decode()


def test_an_unchanged_page_is_answered_304(client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    url = meeting.get_absolute_url()
    first = client.get(url)
    assert first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    invalidate_public_pages(council=council)
    Council.objects.filter(pk=council.pk).update(name="Omdøpt råd")
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "Omdøpt råd" in changed.content.decode()
