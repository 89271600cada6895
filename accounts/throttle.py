"""Limits on guessing across accounts, per client address, in Django's cache
(core/ratelimit.py), so every app process shares the counts.

django-axes locks one user name at one address after a few wrong passwords; these
count what it does not: failed logins from one address whatever the user names, and
password-reset requests per address and per e-mail address.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from core.http import client_ip
from core.ratelimit import hit, reached, too_many_requests

RESET_WINDOW = 60 * 60


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


def password_reset_refused(request: HttpRequest) -> HttpResponse | None:
    """Count a password-reset request from this address; the 429 page past the
    limit."""
    retry_after = hit(
        "password_reset",
        _address(request),
        limit=settings.PASSWORD_RESET_LIMIT,
        seconds=RESET_WINDOW,
    )
    if retry_after is None:
        return None
    return too_many_requests(request, retry_after, reason="password_reset")


def password_reset_allowed_for(email: str) -> bool:
    """Count a password-reset request for this e-mail address; False past the limit.

    Counted alike whether an account has the address or not, so the limit tells
    nothing about who has an account.
    """
    retry_after = hit(
        "password_reset_email",
        email.strip().lower(),
        limit=settings.PASSWORD_RESET_LIMIT,
        seconds=RESET_WINDOW,
    )
    return retry_after is None
