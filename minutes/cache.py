"""Cache of public pages, in scopes that a change invalidates at once.

Every scope has a version number kept in the cache; a cached entry's key holds the
current version of its scope and of the whole site, and the language, so bumping a
version makes every old entry unreachable without listing keys. Pages of one council
live in its scope (named by its slug, so a cache hit needs no query); pages that span
councils (home, organisations) live in SITE_SCOPE. Publishing or correcting minutes
bumps the council's scope and SITE_SCOPE; a change to a council, person, organisation
or sector bumps ALL_SCOPE, which every key holds (minutes/signals.py).

The cache must be shared by every app server process (settings.CACHE_BACKEND, `file`
by default): a version bumped in one process's private memory would leave the other
processes serving the old page.
"""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache
from django.http import HttpRequest
from django.utils import translation

SITE_SCOPE = "site"
ALL_SCOPE = "all"
# Entries also expire, so a missed invalidation heals itself.
TIMEOUT_SECONDS = 60 * 60


def council_scope(council_or_slug) -> str:
    slug = getattr(council_or_slug, "slug", council_or_slug)
    return f"council:{slug}"


def _version_key(scope: str) -> str:
    return f"public-pages-version:{scope}"


def _full_key(scope: str, key: str) -> str:
    """The key of `key` in `scope` at the current versions, in the active language."""
    version_keys = [_version_key(ALL_SCOPE), _version_key(scope)]
    versions = cache.get_many(version_keys)
    for version_key in version_keys:
        if version_key not in versions:
            # A fresh version is the time, so it is above any version handed out
            # before (say, before an eviction); add() keeps a version another process
            # set in the meantime.
            cache.add(version_key, _fresh_version(), timeout=None)
            versions[version_key] = cache.get(version_key, 0)
    language = translation.get_language() or settings.LANGUAGE_CODE
    everything, own = (versions[k] for k in version_keys)
    return f"public-page:{everything}:{scope}:{own}:{language}:{key}"


def cached_public(scope: str, key: str, build: Callable[[], Any]) -> Any:
    """The cached value for `key` in `scope`, built (and stored) when missing."""
    full_key = _full_key(scope, key)
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, TIMEOUT_SECONDS)
    return value


def is_plain_visitor(request: HttpRequest) -> bool:
    """A visitor with no session and no pending messages, to whom every public page
    looks the same, so the whole page can be shared (the page then carries no CSRF
    token: the language switch needs none)."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _fresh_version() -> int:
    return time.time_ns() // 1000


def _bump(scope: str) -> None:
    try:
        cache.incr(_version_key(scope))
    except ValueError:
        # Nothing cached yet (or evicted): start above any version handed out before.
        cache.set(_version_key(scope), _fresh_version(), timeout=None)


def invalidate_public_pages(*, council) -> None:
    """Make every cached public page of the council, and the site-wide ones, stale."""
    _bump(council_scope(council))
    _bump(SITE_SCOPE)


def invalidate_all_public_pages() -> None:
    """Make every cached public page stale (names and people appear everywhere)."""
    _bump(ALL_SCOPE)


class FileCache(FileBasedCache):
    """Django's file cache, checking whether to cull on one write in a hundred.

    Django's lists the whole cache directory on every write to count the entries:
    with the tens of thousands of pages of a large archive that costs some 20 ms a
    write. Checking now and then lets the directory pass MAX_ENTRIES by at most a
    hundred writes per process before it is culled.
    """

    CULL_CHECK_EVERY = 100

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writes = 0

    def _cull(self) -> None:
        self._writes += 1
        if self._writes % self.CULL_CHECK_EVERY == 1:
            super()._cull()
