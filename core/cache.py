"""Cache of public pages, in scopes that a change invalidates at once.

Every scope has a version number kept in the cache; a cached entry's key holds the
current version of its scope and of the whole site, and the language, so bumping a
version makes every old entry unreachable without listing keys. Pages of one council
live in its scope (named by its slug, so a cache hit needs no query); pages that span
councils (home, organisations) live in SITE_SCOPE. Publishing or correcting minutes
bumps the council's scope and SITE_SCOPE; a change to a council, person, organisation
or sector bumps ALL_SCOPE, which every key holds (minutes/signals.py). Every key also
holds a digest of the code and templates (`release`): a deploy starts afresh.

The cache must be shared by every app server process (settings.CACHE_BACKEND, `file`
by default, `redis` or `database` for several machines): a version bumped in one
process's private memory would leave the other processes serving the old page. Only
Django's portable cache API is used here (get_many, add, incr, set), so every backend
works alike; FileCache below is the file backend's only special case. Versions are
stored without expiry and pages with TIMEOUT_SECONDS, so a Redis with
`maxmemory-policy volatile-lru` evicts pages and keeps the versions.
"""

import functools
import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.cache.backends.filebased import FileBasedCache
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation

# What a page is made from besides the data. A deploy that changes any of it starts
# afresh, rather than serving pages of the old templates for up to TIMEOUT_SECONDS.
RELEASE_FILES = ("*.py", "*.html", "*.txt", "*.xml", "*.mo")
RELEASE_FOLDERS = (
    "accounts",
    "api",
    "config",
    "council",
    "locale",
    "minutes",
    "templates",
)


@functools.cache
def release() -> str:
    """A digest of the code, templates and translations this process runs."""
    digest = hashlib.sha256()
    for folder in RELEASE_FOLDERS:
        for pattern in RELEASE_FILES:
            for path in sorted(Path(settings.BASE_DIR, folder).rglob(pattern)):
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def forget_release(**kwargs) -> None:
    """During development, an edited template makes a new release (the autoreloader
    sends file_changed for templates without restarting the server)."""
    release.cache_clear()


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
    return f"public-page:{release()}:{everything}:{scope}:{own}:{language}:{key}"


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
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _fresh_version() -> int:
    return time.time_ns() // 1000


def _bump(scope: str) -> None:
    try:
        cache.incr(_version_key(scope))
    except ValueError:
        # Nothing cached yet (or evicted): start above any version handed out before.
        cache.set(_version_key(scope), _fresh_version(), timeout=None)


def _bump_now_and_on_commit(*scopes: str) -> None:
    # Now, so this process sees the change at once; and again when the change is
    # committed, because until then other processes read the old rows and may cache
    # a page built from them under the new version.
    def bump() -> None:
        for scope in scopes:
            _bump(scope)

    bump()
    transaction.on_commit(bump)


def invalidate_public_pages(*, council) -> None:
    """Make every cached public page of the council, and the site-wide ones, stale."""
    _bump_now_and_on_commit(council_scope(council), SITE_SCOPE)


def invalidate_all_public_pages() -> None:
    """Make every cached public page stale (names and people appear everywhere)."""
    _bump_now_and_on_commit(ALL_SCOPE)


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
