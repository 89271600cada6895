"""A password alone does not open an account that needs a second factor; an address
with too many failed logins may not try another."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from accounts.services import user_has_2fa, user_must_verify
from accounts.throttle import login_refused

# Pages a user between the password and the code may still open.
OPEN_VIEWS = {
    "login",
    "logout",
    "accounts:otp_verify",
    "accounts:otp_setup",
    "accounts:otp_missing",
    "accounts:invitation",
    "set_language",
    "healthz",
}


class SecondFactorMiddleware:
    """Send a logged-in user who needs a second factor but has not given one to the
    code page (or, without an app, to the page saying how to get one), from every
    page, the admin included.

    Goes after django_otp.middleware.OTPMiddleware, which sets user.is_verified().
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func, view_args, view_kwargs
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.view_name in OPEN_VIEWS:
            return None
        if not user_must_verify(user):
            return None
        # Without an app, a page that says whom to ask: a password alone never sets
        # one up (accounts/invitations.py).
        target = "accounts:otp_verify" if user_has_2fa(user) else "accounts:otp_missing"
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")


# The login forms whose POST checks a password: ours and the admin's.
LOGIN_VIEWS = {"login", "admin:login"}


class LoginThrottleMiddleware:
    """Refuse a login POST from an address with too many failed logins this window
    (accounts/throttle.py), before the password is checked, whatever the user name.

    A middleware, so the admin's login form is covered as well as ours.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func, view_args, view_kwargs
    ) -> HttpResponse | None:
        if request.method != "POST":
            return None
        if request.resolver_match.view_name not in LOGIN_VIEWS:
            return None
        return login_refused(request)
