"""The default cache is a directory shared by every app server process."""

from django.conf import settings

from core.cache import FileCache


def test_the_default_cache_is_the_file_cache():
    assert settings.CACHE_BACKEND == "file"
    assert settings.CACHES["default"]["BACKEND"] == "core.cache.FileCache"


def test_a_second_process_sees_what_the_first_cached(tmp_path):
    # Two cache objects on one directory stand for two gunicorn workers.
    first = FileCache(str(tmp_path), {})
    second = FileCache(str(tmp_path), {})
    first.set("page", "<html>")
    first.set("page-version", 1)
    first.incr("page-version")
    assert second.get("page") == "<html>"
    assert second.get("page-version") == 2


def test_a_full_cache_is_still_culled(tmp_path):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10}})
    for index in range(300):
        cache.set(f"entry-{index}", index)
    assert len(list(tmp_path.glob("*.djcache"))) < 300
