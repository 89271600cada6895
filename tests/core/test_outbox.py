"""The outbox (core/outbox.py): one stored message per recipient, sent identically,
exactly once, with its failures recorded."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from core import outbox
from core.models import OutgoingMail
from tests.mailserver import OutageBackend

pytestmark = pytest.mark.django_db


def message(to="bob@example.org") -> EmailMultiAlternatives:
    result = EmailMultiAlternatives(
        subject="Innkalling: Møte 1/2024 i Testrådet – en lang emnelinje med æøå",
        body="Hei Bob,\nvelkommen.\n",
        to=[to],
    )
    result.attach_alternative("<p>Hei <b>Bob</b></p>", "text/html")
    result.attach("innkalling.pdf", b"%PDF-1.7 fake", "application/pdf")
    return result


@pytest.fixture
def outage(settings):
    settings.EMAIL_BACKEND = "tests.mailserver.OutageBackend"
    OutageBackend.down = True
    yield
    OutageBackend.down = False


def test_a_queued_mail_goes_out_after_the_commit_with_its_parts():
    with transaction.atomic():
        row = outbox.queue_mail(message(), kind="summons", topic="meeting:1")
        assert not mail.outbox  # not before the commit
    row.refresh_from_db()
    assert row.status == "sent" and row.attempts == 1 and row.sent_at
    (sent,) = mail.outbox
    assert sent.to == ["bob@example.org"]
    assert sent.subject.startswith("Innkalling: Møte 1/2024")
    assert "velkommen." in sent.body
    assert sent.alternatives[0] == ("<p>Hei <b>Bob</b></p>", "text/html")
    assert sent.attachments[0] == (
        "innkalling.pdf",
        b"%PDF-1.7 fake",
        "application/pdf",
    )
    # The very bytes stored are what the mail server gets.
    assert sent.message().as_bytes() == bytes(row.raw_message)


def test_a_rolled_back_change_queues_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.queue_mail(message(), kind="summons", topic="meeting:1")
        raise RuntimeError("the change fails")
    assert not OutgoingMail.objects.exists()
    assert not mail.outbox


def test_one_recipient_per_row():
    with pytest.raises(ValueError):
        outbox.queue_mail(
            EmailMultiAlternatives(to=["a@example.org", "b@example.org"]),
            kind="x",
            topic="t",
        )


def test_a_failure_is_recorded_and_a_sent_row_is_never_sent_again(outage):
    row = outbox.queue_mail(message(), kind="summons", topic="meeting:1")
    row.refresh_from_db()
    assert row.status == "failed" and row.attempts == 1
    assert row.last_error == "ConnectionRefusedError: [Errno 111] Connection refused"
    assert not mail.outbox
    OutageBackend.down = False
    assert outbox.deliver(row.pk) == "sent"
    assert outbox.deliver(row.pk) == "already sent"
    assert outbox.send_queued_mail.enqueue(row.pk).return_value == "already sent"
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.status == "sent" and row.attempts == 2 and row.retry_at is None


def test_resend_of_a_sent_mail_is_a_new_row_with_the_same_message():
    row = outbox.queue_mail(message(), kind="summons", topic="meeting:1")
    again = outbox.resend(row)
    assert again.pk != row.pk
    assert bytes(again.raw_message) == bytes(row.raw_message)
    again.refresh_from_db()
    assert again.status == "sent"
    assert len(mail.outbox) == 2


def test_retries_wait_longer_each_time_up_to_an_hour():
    minutes = [outbox.retry_delay(n).total_seconds() / 60 for n in range(1, 9)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60]


def test_the_last_attempt_gives_up_and_requeue_picks_it_up(outage, settings):
    settings.MAIL_MAX_ATTEMPTS = 1
    row = outbox.queue_mail(message(), kind="summons", topic="meeting:1")
    row.refresh_from_db()
    assert row.status == "failed" and row.retry_at is None
    assert outbox.queue_report() == {
        "waiting": 1,
        "failed": 1,
        "given_up": 1,
        "oldest_age_seconds": 0,
    }
    OutageBackend.down = False
    assert outbox.requeue() == 1
    row.refresh_from_db()
    assert row.status == "sent"
    assert outbox.queue_report()["waiting"] == 0
