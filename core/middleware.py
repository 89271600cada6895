"""Middleware of our own that every app needs."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Beside the paper itself, an upload form carries a title, a token and the multipart
# boundaries: a paper of exactly MAX_UPLOAD_SIZE must still get through.
FORM_ROOM = 64 * 1024


class RequestBodyLimitMiddleware:
    """Refuse a request body that is too large, by its Content-Length, with 413 and
    before anything reads it: anonymous visitors may send ANONYMOUS_MAX_BODY_SIZE
    (a login form needs far less), logged-in users a paper of MAX_UPLOAD_SIZE.

    Goes after AuthenticationMiddleware, for request.user; that is still before the
    CSRF check and the view, which read the body in process_view and later. The user
    is only looked at for a body over the anonymous limit, so ordinary requests cost
    nothing.

    Under WSGI Django reads no more than Content-Length: a body sent without one
    (chunked) is never read at all, so it needs no check here. Under ASGI the server
    has received the whole body before Django sees the request; there, as everywhere,
    the proxy's own limit (nginx `client_max_body_size`) is the first line.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads nothing of a body of unknown length
        limit = settings.ANONYMOUS_MAX_BODY_SIZE
        if length > limit and request.user.is_authenticated:
            limit = settings.MAX_UPLOAD_SIZE + FORM_ROOM
        if length > limit:
            return HttpResponse(
                _("Forespørselen er for stor. Største tillatte størrelse er %(max)s.")
                % {"max": filesizeformat(limit)},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
