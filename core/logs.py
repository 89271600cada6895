"""Logs as one JSON object per line, each with the id of the request (or task) it
belongs to.

`RequestIdMiddleware` (first in MIDDLEWARE) takes the caller's `X-Request-ID` when it
is well-formed (a proxy or load balancer that sets one ties its logs to ours), makes
one otherwise, answers it in the response's `X-Request-ID`, and holds it in a context
variable for the request. `RequestIdFilter` puts it on every log record, and
`JsonFormatter` writes the record as JSON: time, level, logger, message, request_id,
whatever was passed in `extra`, and the traceback if any. The mail worker logs the
same way, with the id of the request that queued the mail (core/outbox.py).
"""

import contextvars
import datetime
import json
import logging
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.signals import request_finished
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# Letters, digits and - _ . : (UUIDs, hex, the ids of common proxies), at most 128.
WELL_FORMED = re.compile(r"[A-Za-z0-9._:-]{1,128}")

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)


def current_request_id() -> str | None:
    return _request_id.get()


def new_request_id() -> str:
    return uuid.uuid4().hex


@contextmanager
def request_id_set(value: str | None) -> Iterator[None]:
    """Within the block, logs carry `value` as their request id."""
    token = _request_id.set(value)
    try:
        yield
    finally:
        _request_id.reset(token)


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get(HEADER, "")
        request_id = given if WELL_FORMED.fullmatch(given) else new_request_id()
        request.request_id = request_id
        # Set until the response is closed (request_finished, below): Django logs a
        # 4xx or 5xx answer after the last middleware has returned.
        _request_id.set(request_id)
        response = self.get_response(request)
        response[HEADER] = request_id
        return response


@receiver(request_finished)
def _request_id_forgotten(**kwargs) -> None:
    _request_id.set(None)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (None outside a request or task)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


# The attributes every LogRecord has; anything else came in `extra`.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(
                record.created, tz=datetime.UTC
            ).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in entry and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str)
