"""Limits on guessing across accounts, per client address, in Django's cache
(core/ratelimit.py), so every app process shares the counts.

django-axes locks one user name at one address after a few wrong passwords; this
counts what it does not: failed logins from one address, whatever the user names.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from core.http import client_ip
from core.ratelimit import hit, reached, too_many_requests


def _address(request: HttpRequest) -> str:
    return client_ip(request) or "-"


def login_refused(request: HttpRequest) -> HttpResponse | None:
    """The 429 page if this address has had too many failed logins this window."""
    retry_after = reached(
        "login",
        _address(request),
        limit=settings.LOGIN_ADDRESS_LIMIT,
        seconds=settings.LOGIN_ADDRESS_WINDOW,
    )
    if retry_after is None:
        return None
    return too_many_requests(request, retry_after, reason="login")


def count_failed_login(sender, credentials, request=None, **kwargs) -> None:
    """Receiver of user_login_failed: one more failure for the request's address.

    Only failures count, so a busy office behind one address is not shut out by its
    own logins; a success does not reset the count, or one known account would let
    an address guess the others' passwords without end.
    """
    if request is None:  # authenticate() called outside a request
        return
    hit(
        "login",
        _address(request),
        limit=settings.LOGIN_ADDRESS_LIMIT,
        seconds=settings.LOGIN_ADDRESS_WINDOW,
    )
