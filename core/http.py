"""Small helpers about the HTTP request that several apps need."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for lockouts and rate limits.

    Behind a proxy every request comes from the proxy, so with TRUSTED_PROXY_COUNT=n
    (the proxies in front of the app) the address is taken n places from the right of
    X-Forwarded-For, the one our own proxy appended. Left of that the header is
    whatever the client sent, so it is never trusted. With 0 (the default), the
    header is ignored.
    """
    remote = request.META.get("REMOTE_ADDR") or None  # None: no address known
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]
