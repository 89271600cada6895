import hmac
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the value written was not read back")
    finally:
        cache.delete(key)


def _check_storage() -> None:
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    try:
        if not default_storage.exists(name):
            raise RuntimeError(f"{name} was saved but does not exist")
    finally:
        default_storage.delete(name)


def _check_mail() -> dict:
    """The outbox (core/outbox.py): mails waiting, the oldest one's age and the
    failures; an error when a mail has waited longer than MAIL_QUEUE_MAX_AGE (no
    worker running, or the mail server down that long)."""
    from core.outbox import queue_report

    report = queue_report()
    if report["oldest_age_seconds"] > settings.MAIL_QUEUE_MAX_AGE:
        raise QueueStuck(report)
    return report


class QueueStuck(RuntimeError):
    def __init__(self, report: dict) -> None:
        super().__init__(
            f"the oldest unsent mail has waited {report['oldest_age_seconds']} s"
        )
        self.report = report


CHECKS: dict[str, Callable[[], dict | None]] = {
    "database": _check_database,
    "cache": _check_cache,
    "storage": _check_storage,
    "mail": _check_mail,
}


def _may_see_details(request: HttpRequest) -> bool:
    """A verified operator (staff and superuser), or a caller with
    `Authorization: Bearer HEALTHZ_TOKEN` (when the token is set)."""
    user = getattr(request, "user", None)
    if (
        user is not None
        and user.is_authenticated
        and user.is_staff
        and user.is_superuser
        and getattr(user, "is_verified", lambda: False)()
    ):
        return True
    token = settings.HEALTHZ_TOKEN
    if not token:
        return False
    given = request.headers.get("Authorization", "")
    return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


def _full_report() -> JsonResponse:
    report = {}
    for name, check in CHECKS.items():
        try:
            details = check()
        except Exception as error:  # report every failure, whatever its kind
            report[name] = {
                "status": "error",
                "error": f"{type(error).__name__}: {error}",
                **getattr(error, "report", {}),
            }
        else:
            report[name] = {"status": "ok", **(details or {})}
    healthy = all(result["status"] == "ok" for result in report.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": report},
        status=200 if healthy else 503,
    )


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not (for load balancers: one
    query). With `?full=1`, for staff or the HEALTHZ_TOKEN, a JSON report of the
    database, the cache, the file storage and the mail queue, 503 if any fails;
    anyone else asking for it gets the cheap answer."""
    if request.GET.get("full") and _may_see_details(request):
        return _full_report()
    try:
        _check_database()
    except Exception:
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")
