"""A small cache-based rate limit for public views, per client address."""

import functools
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.http import client_ip


def rate_limit(name: str, *, setting: str, seconds: int) -> Callable:
    """Let one address call the view as many times per `seconds`-long window as the
    setting says (0: no limit); past that, answer 429 with a Norwegian page and a
    Retry-After header.

    Counts live in Django's cache (fixed windows). With the local-memory cache each
    app server process counts on its own; a shared cache (file on one machine, Redis
    or the database across machines) makes the limit exact.
    """

    def decorator(view: Callable) -> Callable:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            requests = getattr(settings, setting)
            if not requests:
                return view(request, *args, **kwargs)
            now = int(time.time())
            window = now // seconds
            key = f"ratelimit:{name}:{client_ip(request) or '-'}:{window}"
            # add() only sets a missing key, so the first request starts the count.
            cache.add(key, 0, timeout=seconds + 1)
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.set(key, 1, timeout=seconds + 1)
                count = 1
            if count == 1:
                # Redis's INCR of a key that expired after add() creates it anew
                # without an expiry: give the window's first count one.
                cache.touch(key, timeout=seconds + 1)
            if count > requests:
                retry_after = (window + 1) * seconds - now
                response = render(
                    request,
                    "accounts/rate_limited.html",
                    {"retry_after": retry_after},
                    status=429,
                )
                response["Retry-After"] = str(retry_after)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# Searching is the one public page that costs real database work per request.
search_rate_limit = rate_limit("search", setting="SEARCH_RATE_LIMIT", seconds=60)
