"""The cache on a real Redis (CACHE_BACKEND=redis), as several app servers share it.

The tests run against the Redis at REDIS_URL (redis://127.0.0.1:6379/15 when unset) and
are skipped, with the reason, when none answers there; under CI (CI set) a missing
Redis fails them instead. Every key they write carries a prefix of this test run's own,
and only keys with that prefix are deleted: never FLUSHDB, so a Redis serving something
else loses nothing.
"""

import datetime
import functools
import os
import types

import pytest
import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from core import cache as cache_module
from core import ratelimit
from core.cache import SITE_SCOPE, council_scope, invalidate_public_pages
from council.models import Council
from minutes.models import Meeting, Minutes
from minutes.services import lifecycle
from tests.factories import make_meeting, make_published_meeting

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
PREFIX = f"tests-{os.getpid()}"
OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
REDIS_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": PREFIX,
        "OPTIONS": OPTIONS,
    }
}


@functools.cache
def redis_problem() -> str | None:
    """Why the Redis at REDIS_URL cannot be used, or None when it answers."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"no Redis answers at REDIS_URL={REDIS_URL} ({error})"
    return None


def raw_client() -> redis.Redis:
    return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)


def our_keys() -> list[bytes]:
    return list(raw_client().scan_iter(match=f"{PREFIX}:*", count=1000))


def forget_our_keys() -> None:
    keys = our_keys()
    if keys:
        raw_client().delete(*keys)


def app_server_cache() -> RedisCache:
    """A cache client of its own, as another app server process would have."""
    return RedisCache(REDIS_URL, {"KEY_PREFIX": PREFIX, "OPTIONS": OPTIONS})


@pytest.fixture
def redis_cache(empty_cache, settings, tmp_path):
    """Django's default cache on Redis for one test (after the file cache is emptied,
    and given back before it is emptied again)."""
    problem = redis_problem()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem}; CI needs one (.ci/run starts it)", pytrace=False)
        pytest.skip(problem)
    settings.MEDIA_ROOT = tmp_path
    with override_settings(CACHES=REDIS_CACHES):
        forget_our_keys()
        try:
            yield caches["default"]
        finally:
            forget_our_keys()


def page(client, url: str) -> str:
    return client.get(url).content.decode()


def test_the_setting_chooses_djangos_redis_cache(monkeypatch):
    import runpy

    from django.conf import settings

    monkeypatch.setenv("CACHE_BACKEND", "redis")
    monkeypatch.setenv("REDIS_URL", "redis://cache.example.org:6379/2")
    values = runpy.run_path(os.path.join(settings.BASE_DIR, "config", "settings.py"))
    assert values["CACHES"]["default"]["BACKEND"] == (
        "django.core.cache.backends.redis.RedisCache"
    )
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache.example.org:6379/2"
    monkeypatch.delenv("REDIS_URL")
    values = runpy.run_path(os.path.join(settings.BASE_DIR, "config", "settings.py"))
    assert values["REDIS_URL"] == "redis://127.0.0.1:6379/0"


def test_a_public_page_is_served_from_redis_until_invalidated(
    redis_cache, client, council, django_assert_num_queries
):
    assert isinstance(redis_cache, RedisCache)
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    url = meeting.get_absolute_url()
    assert "Testrådet" in page(client, url)
    assert any(b":public-page:" in key for key in our_keys())
    Council.objects.filter(pk=council.pk).update(name="Omdøpt råd")  # no signals
    with django_assert_num_queries(0):  # the whole page comes from Redis
        assert "Omdøpt råd" not in page(client, url)
    invalidate_public_pages(council=council)
    assert "Omdøpt råd" in page(client, url)


def test_another_app_server_sees_the_page_and_its_invalidation(
    redis_cache, client, council, monkeypatch, django_assert_num_queries
):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    url = meeting.get_absolute_url()
    page(client, url)  # cached by this process
    Council.objects.filter(pk=council.pk).update(name="Omdøpt råd")
    monkeypatch.setattr(cache_module, "cache", app_server_cache())
    with django_assert_num_queries(0):  # the other server finds it in Redis
        assert "Omdøpt råd" not in page(client, url)
    invalidate_public_pages(council=council)  # bumped through the other client
    monkeypatch.undo()
    assert "Omdøpt råd" in page(client, url)  # and seen by this one


def test_publishing_minutes_shows_them_at_once(redis_cache, client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    council.publish_on_approval = False
    council.save()
    lifecycle.minutes_approve_historical(
        minutes=meeting.minutes,
        approved_at=datetime.datetime(2022, 3, 1, tzinfo=datetime.UTC),
    )
    assert meeting.get_absolute_url() not in page(client, council.get_absolute_url())
    assert meeting.get_absolute_url() not in page(client, "/")
    lifecycle.minutes_publish(minutes=Minutes.objects.get(meeting=meeting))
    assert meeting.get_absolute_url() in page(client, council.get_absolute_url())
    assert meeting.get_absolute_url() in page(client, "/")


def test_a_published_correction_shows_at_once(redis_cache, client, world):
    meeting = make_published_meeting(world.council_a, datetime.date(2022, 2, 1))
    url = meeting.get_absolute_url()
    lifecycle.minutes_start_correction(
        minutes=meeting.minutes, by=world.secretariat_a, reason="Feil sted"
    )
    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting.venue = "Et nytt sted"
    meeting.save()
    assert "Et nytt sted" not in page(client, url)  # not until it is published
    lifecycle.minutes_approve_historical(
        minutes=Minutes.objects.get(meeting=meeting),
        approved_at=datetime.datetime(2022, 5, 1, tzinfo=datetime.UTC),
    )
    assert "Et nytt sted" in page(client, url)


def test_a_renamed_council_shows_at_once_everywhere(redis_cache, client, council):
    meeting = make_published_meeting(council, datetime.date(2022, 2, 1))
    urls = ("/", council.get_absolute_url(), meeting.get_absolute_url())
    for url in urls:
        page(client, url)
    council.name = "Omdøpt råd"
    council.save()
    for url in urls:
        assert "Omdøpt råd" in page(client, url), url


def test_a_version_bump_is_seen_by_every_app_server(
    redis_cache, council, django_capture_on_commit_callbacks
):
    other = app_server_cache()
    key = cache_module._version_key(council_scope(council))
    before = cache_module._full_key(council_scope(council), "side")
    version = other.get(key)
    assert isinstance(version, int)
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            invalidate_public_pages(council=council)
            assert other.get(key) == version + 1  # at once …
    assert other.get(key) == version + 2  # … and again at commit
    assert cache_module._full_key(council_scope(council), "side") != before
    assert other.get(cache_module._version_key(SITE_SCOPE)) is not None


def test_an_evicted_version_starts_above_every_earlier_one(redis_cache, council):
    scope = council_scope(council)
    cache_module._full_key(scope, "side")
    key = cache_module._version_key(scope)
    old = redis_cache.get(key)
    redis_cache.delete(key)  # as Redis evicting it under memory pressure
    invalidate_public_pages(council=council)
    assert redis_cache.get(key) > old


def test_the_rate_limit_counts_across_app_servers(redis_cache, settings, monkeypatch):
    settings.SEARCH_RATE_LIMIT = 3
    # One fixed moment, so the count cannot roll into a new window mid-test.
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: 6_000))
    view = ratelimit.rate_limit("redis-test", setting="SEARCH_RATE_LIMIT", seconds=60)(
        lambda request: HttpResponse("ok")
    )
    first, second = app_server_cache(), app_server_cache()
    assert first._cache is not second._cache  # two clients, two connection pools
    request = RequestFactory().get("/sok/", REMOTE_ADDR="192.0.2.7")
    statuses = []
    for server in (first, second, first, second):
        monkeypatch.setattr(ratelimit, "cache", server)
        statuses.append(view(request).status_code)
    assert statuses == [200, 200, 200, 429]
    # Another address counts on its own.
    other = RequestFactory().get("/sok/", REMOTE_ADDR="192.0.2.8")
    assert view(other).status_code == 200
    # The count expires with its window.
    key, _retry_after = ratelimit._window("redis-test", "192.0.2.7", 60)
    (count_key,) = [k for k in our_keys() if k.endswith(key.encode())]
    assert 0 < raw_client().ttl(count_key) <= 61
