"""Logs: one JSON object per line, with the request id that the response also carries
(the caller's X-Request-ID when well-formed); the mail worker's lines carry the id of
the request that queued the mail."""

import io
import json
import logging
import re

import pytest
from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks_db.management.commands import db_worker

from core.logs import JsonFormatter, RequestIdFilter, request_id_set
from core.outbox import queue_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the console handler of settings.LOGGING writes, as parsed lines."""
    console = settings.LOGGING["handlers"]["console"]
    assert console["formatter"] == "json" and console["filters"] == ["request_id"]
    assert settings.LOGGING["formatters"]["json"]["()"] == "core.logs.JsonFormatter"
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)

    def lines() -> list[dict]:
        text = stream.getvalue()
        return [json.loads(line) for line in text.splitlines()]

    yield lines
    root.removeHandler(handler)
    root.setLevel(level)


def test_a_request_logs_json_with_the_callers_request_id(client, log_lines):
    response = client.get("/finnes-ikke/", headers={"X-Request-ID": "lb-4f2a.9:1"})
    assert response.status_code == 404
    assert response["X-Request-ID"] == "lb-4f2a.9:1"
    (line,) = [x for x in log_lines() if x["logger"] == "django.request"]
    assert line["level"] == "WARNING"
    assert line["message"] == "Not Found: /finnes-ikke/"
    assert line["request_id"] == "lb-4f2a.9:1"
    assert line["status_code"] == 404
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["time"])


@pytest.mark.parametrize("given", [None, "", "a b", "<script>", "x" * 129, "æøå"])
def test_a_missing_or_malformed_id_is_replaced_by_a_new_one(client, log_lines, given):
    headers = {"X-Request-ID": given} if given is not None else {}
    response = client.get("/finnes-ikke/", headers=headers)
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    (line,) = [x for x in log_lines() if x["logger"] == "django.request"]
    assert line["request_id"] == request_id
    # Two requests, two ids.
    assert client.get("/finnes-ikke/")["X-Request-ID"] != request_id


def test_outside_a_request_the_id_is_null_and_tracebacks_stay_on_one_line(log_lines):
    logger = logging.getLogger("tests.logs")
    try:
        raise ValueError("første\nandre")
    except ValueError:
        logger.exception("det gikk galt", extra={"meeting": 7})
    (line,) = log_lines()
    assert line["request_id"] is None and line["meeting"] == 7
    assert "ValueError: første\nandre" in line["exc_info"]


def test_the_worker_logs_with_the_id_of_the_request_that_queued_the_mail(
    settings, monkeypatch, log_lines
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    with request_id_set("req-7"):
        row = queue_mail(
            EmailMessage("Emne", "Tekst", to=["bob@example.org"]),
            kind="test",
            topic="test",
        )
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()
    (sent,) = [x for x in log_lines() if x["message"] == "mail sent"]
    assert sent["request_id"] == "req-7"
    assert sent["mail_id"] == row.pk and sent["logger"] == "core.outbox"
