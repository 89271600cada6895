"""/healthz: one cheap query for balancers; the full report for staff or a token."""

import datetime

import pytest
import time_machine
from django.core.mail import EmailMessage
from django.db import connection
from django.utils import timezone

from core import views
from core.outbox import queue_mail
from tests.factories import UserFactory
from tests.mailserver import OutageBackend
from tests.otp import django_force_login

pytestmark = pytest.mark.django_db

TOKEN = "hemmelig-helsesjekk"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HEALTHZ_TOKEN = TOKEN


def full(client, **headers):
    return client.get("/healthz", {"full": "1"}, headers=headers)


def test_the_plain_answer_costs_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.content == b"ok\n"


def test_the_token_gets_the_full_report(client, tmp_path):
    response = full(client, Authorization=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {
            "database": {"status": "ok"},
            "cache": {"status": "ok"},
            "storage": {"status": "ok"},
            "mail": {
                "status": "ok",
                "waiting": 0,
                "failed": 0,
                "given_up": 0,
                "oldest_age_seconds": 0,
            },
        },
    }
    assert not any(tmp_path.rglob("*.txt"))  # the storage check cleans up


def test_a_verified_staff_user_gets_the_full_report(client, world):
    client.force_login(world.operator)
    assert full(client).json()["status"] == "ok"


@pytest.mark.parametrize(
    "authorization", ["", f"Bearer {TOKEN}x", "Bearer ", TOKEN, f"Basic {TOKEN}"]
)
def test_anyone_else_gets_the_plain_answer(client, authorization):
    response = full(client, Authorization=authorization)
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_a_user_who_is_not_staff_gets_the_plain_answer(client, world):
    client.force_login(world.secretariat_a)
    assert full(client).content == b"ok\n"


def test_an_empty_token_setting_turns_token_access_off(client, settings):
    settings.HEALTHZ_TOKEN = ""
    assert full(client, Authorization="Bearer ").content == b"ok\n"


def test_a_staff_user_without_the_second_factor_gets_the_plain_answer(client):
    django_force_login(client, UserFactory(is_staff=True))  # the password only
    assert full(client).content == b"ok\n"


def test_a_failing_cache_is_reported_with_503(client, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("Redis svarer ikke")

    monkeypatch.setattr(views.cache, "set", broken)
    response = full(client, Authorization=f"Bearer {TOKEN}")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["cache"] == {
        "status": "error",
        "error": "ConnectionError: Redis svarer ikke",
    }
    assert body["checks"]["database"] == {"status": "ok"}
    assert body["checks"]["storage"] == {"status": "ok"}


def test_a_failing_storage_is_reported_with_503(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disken er full")

    monkeypatch.setattr(views.default_storage, "save", broken)
    response = full(client, Authorization=f"Bearer {TOKEN}")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["error"] == "OSError: disken er full"


def test_a_failing_database_is_reported_with_503(client, monkeypatch):
    def broken():
        raise RuntimeError("databasen svarer ikke")

    monkeypatch.setitem(views.CHECKS, "database", broken)
    response = full(client, Authorization=f"Bearer {TOKEN}")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["error"] == (
        "RuntimeError: databasen svarer ikke"
    )
    # The plain answer still asks the database itself.
    assert client.get("/healthz").status_code == 200
    assert connection.is_usable()


def test_a_mail_waiting_too_long_is_reported_with_503(client, settings):
    settings.EMAIL_BACKEND = "tests.mailserver.OutageBackend"
    OutageBackend.down = True
    try:
        queue_mail(
            EmailMessage("Emne", "Tekst", to=["bob@example.org"]),
            kind="test",
            topic="test",
        )
    finally:
        OutageBackend.down = False
    report = full(client, Authorization=f"Bearer {TOKEN}").json()["checks"]["mail"]
    assert report["status"] == "ok" and report["failed"] == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        response = full(client, Authorization=f"Bearer {TOKEN}")
    assert response.status_code == 503
    report = response.json()["checks"]["mail"]
    assert report["status"] == "error"
    assert report["error"] == "QueueStuck: the oldest unsent mail has waited 960 s"
    assert report["waiting"] == 1 and report["failed"] == 1
