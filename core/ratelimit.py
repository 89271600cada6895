"""Small cache-based rate limits: per client address for public views, and counters
any app can keep per address or per other key (failed logins, password resets).

Counts live in Django's cache, in fixed windows: `seconds`-long stretches of the
clock, so a count starts again from 0 when its window ends. With the `file` cache
every process of one machine shares one count, with `redis` or `database` every app
server does; with `locmem` each process counts on its own.
"""

import functools
import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.http import client_ip


def _window(name: str, who: str, seconds: int) -> tuple[str, int]:
    """The cache key of `who`'s count in the current window, and the seconds left."""
    now = int(time.time())
    window = now // seconds
    # Hashed: an e-mail address is kept out of the cache, and any key is safe.
    digest = hashlib.sha256(who.encode()).hexdigest()[:32]
    return f"ratelimit:{name}:{digest}:{window}", (window + 1) * seconds - now


def hit(name: str, who: str, *, limit: int, seconds: int) -> int | None:
    """Count one more event of `name` for `who` (an address, an e-mail address).

    If that makes more than `limit` in the current window, the seconds until the
    window ends; otherwise None. A limit of 0 counts nothing and never refuses.
    """
    if not limit:
        return None
    key, retry_after = _window(name, who, seconds)
    # add() only sets a missing key, so the first event starts the count.
    cache.add(key, 0, timeout=seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=seconds + 1)
        count = 1
    if count == 1:
        # Redis's INCR of a key that expired after add() creates it anew without an
        # expiry: give the window's first count one.
        cache.touch(key, timeout=seconds + 1)
    return retry_after if count > limit else None


def reached(name: str, who: str, *, limit: int, seconds: int) -> int | None:
    """Whether `who` already had `limit` events of `name` this window, without
    counting one: the seconds until the window ends, or None."""
    if not limit:
        return None
    key, retry_after = _window(name, who, seconds)
    return retry_after if cache.get(key, 0) >= limit else None


def too_many_requests(
    request: HttpRequest, retry_after: int, *, reason: str = "search"
) -> HttpResponse:
    """429 with a Norwegian page saying what was done too often (`reason`: search,
    login or password_reset) and how long to wait, and a Retry-After header."""
    response = render(
        request,
        "accounts/rate_limited.html",
        {
            "reason": reason,
            "retry_after": retry_after,
            "retry_minutes": -(-retry_after // 60),
        },
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def rate_limit(name: str, *, setting: str, seconds: int) -> Callable:
    """Let one address call the view as many times per `seconds`-long window as the
    setting says (0: no limit); past that, answer 429 with a Norwegian page and a
    Retry-After header."""

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            retry_after = hit(
                name,
                client_ip(request) or "-",
                limit=getattr(settings, setting),
                seconds=seconds,
            )
            if retry_after is not None:
                return too_many_requests(request, retry_after, reason=name)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# Searching is the one public page that costs real database work per request.
search_rate_limit = rate_limit("search", setting="SEARCH_RATE_LIMIT", seconds=60)
