"""The summons through a mail outage: queued in the database (django-tasks's database
backend), tried by the worker, failed with the error while the mail server is down,
and sent exactly once when it is back; the summons page shows each recipient's mail
and sends one again on request (the secretariat of that council only)."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from core import outbox
from core.models import OutgoingMail
from minutes.mail import meeting_topic
from minutes.services.summons import summons_send
from tests.factories import MembershipFactory, PersonFactory
from tests.mailserver import OutageBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(council, world):
    """Bob (of the world) and Erik."""
    return MembershipFactory(
        council=council, person=PersonFactory(name="Erik Hansen", email="erik@ex.org")
    )


@pytest.fixture
def database_queue(settings, monkeypatch):
    """Tasks stored in the database for a worker, as in production; the mail server
    can be taken down. The worker runs here, in the test's transaction, so its
    clean-up of old connections (which would close the test's) is left out."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "tests.mailserver.OutageBackend"
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    OutageBackend.down = False
    yield
    OutageBackend.down = False


def run_worker() -> None:
    """`manage.py db_worker --batch`: every task that is due, then stop."""
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


def summons_page(client, meeting) -> str:
    return client.get(reverse("workspace:summons", args=[meeting.pk])).content.decode()


def test_a_summons_sent_during_a_mail_outage_is_sent_exactly_once_when_it_is_back(
    alice_client, meeting, members, database_queue
):
    OutageBackend.down = True
    response = alice_client.post(
        reverse("workspace:summons", args=[meeting.pk]),
        {"confirm": "on"},
        follow=True,
    )
    # The secretariat is not kept waiting, nor told of an error: the mail is queued.
    assert "sendes til 2 medlemmer" in response.content.decode()
    rows = OutgoingMail.objects.filter(topic=meeting_topic(meeting))
    assert sorted(rows.values_list("recipient_email", "status")) == [
        ("bob@example.org", "queued"),
        ("erik@ex.org", "queued"),
    ]
    assert DBTaskResult.objects.count() == 2
    assert not mail.outbox

    run_worker()  # the mail server is down
    for row in rows:
        assert row.status == "failed" and row.attempts == 1
        assert "Connection refused" in row.last_error
        assert row.retry_at > timezone.now()
    assert not mail.outbox
    page = summons_page(alice_client, meeting)
    assert page.count("Feilet") == 2 and "Connection refused" in page

    run_worker()  # nothing is due before the retry
    assert set(rows.values_list("attempts", flat=True)) == {1}

    OutageBackend.down = False  # back
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["bob@example.org", "erik@ex.org"]
    assert set(rows.values_list("status", "attempts")) == {("sent", 2)}
    erik = rows.get(recipient_email="erik@ex.org")
    (erik_mail,) = [m for m in mail.outbox if m.to == ["erik@ex.org"]]
    assert erik_mail.message().as_bytes() == bytes(erik.raw_message)
    assert erik_mail.attachments[0].mimetype == "application/pdf"

    # However often the worker runs and whatever task is queued twice, nobody gets
    # a second copy.
    for row in rows:
        outbox.send_queued_mail.enqueue(row.pk)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3)):
        run_worker()
    assert len(mail.outbox) == 2
    assert summons_page(alice_client, meeting).count("Sendt") >= 2


def test_a_mail_that_fails_can_be_sent_again_from_the_summons_page(
    alice_client, meeting, members, database_queue
):
    OutageBackend.down = True
    summons_send(meeting=meeting)
    run_worker()
    erik = OutgoingMail.objects.get(recipient_email="erik@ex.org")
    assert erik.status == "failed"
    OutageBackend.down = False
    response = alice_client.post(
        reverse("workspace:mail_resend", args=[meeting.pk, erik.pk]), follow=True
    )
    assert "E-posten til Erik Hansen sendes igjen." in response.content.decode()
    erik.refresh_from_db()
    assert erik.status == "queued"
    run_worker()
    erik.refresh_from_db()
    assert erik.status == "sent"
    assert [m.to for m in mail.outbox] == [["erik@ex.org"]]


def test_send_again_is_for_the_secretariat_of_that_council_only(
    alice_client, world, meeting, members
):
    summons_send(meeting=meeting)
    summons_send(meeting=world.draft_b)
    mine = OutgoingMail.objects.filter(topic=meeting_topic(meeting)).first()
    theirs = OutgoingMail.objects.filter(topic=meeting_topic(world.draft_b)).first()
    sent = len(mail.outbox)
    url = "workspace:mail_resend"
    # Another council's mail, under Alice's meeting or its own: not found.
    assert (
        alice_client.post(reverse(url, args=[meeting.pk, theirs.pk])).status_code == 404
    )
    assert (
        alice_client.post(reverse(url, args=[world.draft_b.pk, theirs.pk])).status_code
        == 404
    )
    # A member of the council may not either.
    bob = Client()
    bob.force_login(world.member_a)
    assert bob.post(reverse(url, args=[meeting.pk, mine.pk])).status_code in (
        403,
        404,
    )
    assert len(mail.outbox) == sent
    # Only by POST.
    assert alice_client.get(reverse(url, args=[meeting.pk, mine.pk])).status_code == 405
    # Alice's own mail, sent already: a copy goes out.
    alice_client.post(reverse(url, args=[meeting.pk, mine.pk]))
    assert len(mail.outbox) == sent + 1
    assert OutgoingMail.objects.filter(topic=meeting_topic(meeting)).count() == 3
