"""The hostile council, built once per test module and rolled back after it."""

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client, TestCase, override_settings

from tests.security.hostile.payloads import build_hostile


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module (approval renders a PDF), rolled back at the end."""
    media = tmp_path_factory.mktemp("media")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(
        MEDIA_ROOT=media,
        PASSWORD_HASHERS=fast,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ):
        with django_db_blocker.unblock(), transaction.atomic():
            mail.outbox = []
            # The queued mail is sent when the build «commits» (this atomic block is
            # rolled back instead, so its on_commit callbacks are run here).
            with TestCase.captureOnCommitCallbacks(execute=True):
                hostile = build_hostile()
            hostile.emails.extend(mail.outbox)
            yield hostile
            transaction.set_rollback(True)


@pytest.fixture
def council(hostile):
    """Here the council is the hostile one (council A of its own world), not council
    A of the package's filled world."""
    return hostile.council


@pytest.fixture(autouse=True)
def each_test_in_its_own_savepoint(db):
    """What a test changes is undone before the next, the shared council kept."""


@pytest.fixture
def secretariat(db, hostile) -> Client:
    client = Client()
    client.force_login(hostile.secretariat)
    return client


@pytest.fixture
def member(db, hostile) -> Client:
    client = Client()
    client.force_login(hostile.member)
    return client
