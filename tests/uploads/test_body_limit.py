"""Request bodies are refused by their Content-Length before anything reads them:
anonymous visitors may send ANONYMOUS_MAX_BODY_SIZE (64 KiB), logged-in users a paper of
MAX_UPLOAD_SIZE and the rest of the form.

Alice serves Testrådet's secretariat.
"""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from minutes.models import Attachment
from tests.factories import PDF_BYTES, UserFactory, make_meeting

ROOT = Path(__file__).resolve().parents[2]
KB = 1024


class UnreadableBody:
    """A wsgi.input that fails the test if anything reads it."""

    def __init__(self):
        self.touched = False

    def _fail(self, *args, **kwargs):
        self.touched = True
        raise AssertionError("the request body was read")

    read = readline = readlines = __iter__ = _fail


def _post_unread(client: Client, url: str, length: int):
    body = UnreadableBody()
    response = client.post(
        url,
        data=b"x",  # any body: the input and its length are replaced below
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": body},
    )
    return response, body


@pytest.fixture
def alice(council):
    user = UserFactory(username="alice")
    council.secretariat_users.add(user)
    return user


@pytest.mark.django_db
def test_a_large_anonymous_post_is_refused_before_it_is_read():
    # CSRF checks on, as in a browser, with the cookie, so that the check would read
    # the form for its token: it must not get that far.
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("login"))
    assert "csrftoken" in client.cookies
    response, body = _post_unread(client, reverse("login"), 300 * KB)
    assert response.status_code == 413
    assert not body.touched
    assert "Forespørselen er for stor" in response.content.decode()
    assert "64,0\xa0KB" in response.content.decode()


@pytest.mark.django_db
def test_an_anonymous_post_under_the_limit_goes_through(client):
    response = client.post(reverse("login"), {"username": "x" * 1000, "password": "y"})
    assert response.status_code == 200


def test_a_logged_in_post_over_the_upload_limit_is_refused_before_it_is_read(
    client, alice, settings
):
    settings.MAX_UPLOAD_SIZE = 100 * KB
    client.force_login(alice)
    response, body = _post_unread(client, reverse("accounts:account"), 1024 * KB)
    assert response.status_code == 413
    assert not body.touched


def test_a_logged_in_upload_under_the_limit_still_works(
    client, alice, council, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.MAX_UPLOAD_SIZE = 400 * KB
    meeting = make_meeting(council, datetime.date(2025, 1, 10))
    client.force_login(alice)
    # A paper of exactly the largest size: the rest of the form fits beside it.
    content = PDF_BYTES + b"0" * (400 * KB - len(PDF_BYTES))
    response = client.post(
        reverse("workspace:attachment_upload", args=[meeting.pk]),
        {
            "title": "Stort notat",
            "file": SimpleUploadedFile("stort.pdf", content),
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    assert Attachment.objects.get(meeting=meeting).size == 400 * KB


def test_the_anonymous_limit_is_64_kib_and_read_from_the_environment():
    assert django_settings.ANONYMOUS_MAX_BODY_SIZE == 64 * KB
    code = "from django.conf import settings as s; print(s.ANONYMOUS_MAX_BODY_SIZE)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "1",
            "ANONYMOUS_MAX_BODY_SIZE": "1000",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1000"]


@pytest.mark.django_db
def test_the_refusal_is_in_the_visitors_language():
    client = Client()
    client.cookies["django_language"] = "en"
    response, _body = _post_unread(client, reverse("login"), 300 * KB)
    assert response.status_code == 413
    assert response.content.decode() == (
        "The request is too large. The maximum allowed size is 64.0\xa0KB."
    )
