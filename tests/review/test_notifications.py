"""E-mail: review opened, reminders, answers, approval and publication, each in the
recipient's language with a plain-text and an HTML part and absolute links."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from minutes.models import MinutesEvent, ReminderSent, ReviewApproval
from minutes.services import lifecycle
from tests.review.conftest import send

APPROVE = ReviewApproval.Decision.APPROVE


def _to(mailoutbox, address):
    return [m for m in mailoutbox if m.to == [address]]


def test_review_opened_mail_in_each_members_language(
    cast, deadline, mailoutbox, settings
):
    settings.SITE_URL = "https://referater.example.org"
    send(cast, deadline)
    (bob_mail,) = _to(mailoutbox, "bob@example.org")
    assert bob_mail.subject == "Referat til gjennomsyn: Møte 1/2024 i Testrådet"
    link = f"https://referater.example.org/gjennomsyn/{cast.meeting.pk}/"
    assert link in bob_mail.body
    html, mimetype = bob_mail.alternatives[0]
    assert mimetype == "text/html" and f'href="{link}"' in html
    assert 'lang="nb"' in html
    (dave_mail,) = _to(mailoutbox, "dave@example.org")
    # Dave reads English: the meeting's title is translated (the rest of the subject
    # follows when locale/en gets these msgids).
    assert "Meeting 1/2024" in dave_mail.subject
    assert 'lang="en"' in dave_mail.alternatives[0][0]
    # Charlie sits in another council.
    assert not _to(mailoutbox, "charlie@example.org")


def test_the_member_hears_when_a_comment_is_answered(cast, deadline, mailoutbox):
    send(cast, deadline)
    comment = lifecycle.review_comment_add(
        minutes=cast.minutes, by=cast.carol, text="Mangler et navn."
    )
    mailoutbox.clear()
    lifecycle.review_comment_resolve(
        comment=comment, by=cast.alice, status="accepted", reply="Lagt til."
    )
    (mail,) = mailoutbox
    assert mail.to == ["carol@example.org"]
    assert "Lagt til." in mail.body and "Tatt til følge" in mail.body
    assert "Mangler et navn." in mail.alternatives[0][0]


def test_approval_and_publication_are_announced(cast, deadline, mailoutbox):
    send(cast, deadline)
    mailoutbox.clear()
    for user in (cast.bob, cast.carol, cast.dave):
        lifecycle.minutes_member_decide(minutes=cast.minutes, by=user, decision=APPROVE)
    subjects = [m.subject for m in _to(mailoutbox, "bob@example.org")]
    assert subjects == [
        "Referatet er godkjent: Møte 1/2024 i Testrådet",
        "Referatet er publisert: Møte 1/2024 i Testrådet",
    ]
    published = _to(mailoutbox, "bob@example.org")[1]
    assert cast.meeting.get_absolute_url() in published.body


@pytest.fixture
def soon(cast):
    deadline = timezone.localdate() + datetime.timedelta(days=1)
    send(cast, deadline)
    return cast


def test_a_reminder_goes_to_members_who_have_not_answered(soon, mailoutbox):
    lifecycle.minutes_member_decide(minutes=soon.minutes, by=soon.bob, decision=APPROVE)
    mailoutbox.clear()
    call_command("send_review_reminders")
    assert sorted(m.to[0] for m in mailoutbox) == [
        "carol@example.org",
        "dave@example.org",
    ]
    assert mailoutbox[0].subject.startswith("Påminnelse: gjennomsyn av referat")
    assert ReminderSent.objects.count() == 2
    assert MinutesEvent.objects.filter(kind="reminder_sent").count() == 2


def test_reminders_are_sent_once_per_member_and_version(soon, mailoutbox):
    mailoutbox.clear()
    call_command("send_review_reminders")
    first = len(mailoutbox)
    call_command("send_review_reminders")
    call_command("send_review_reminders")
    assert first == 3
    assert len(mailoutbox) == first


def test_no_reminder_long_before_the_deadline(cast, mailoutbox):
    send(cast, timezone.localdate() + datetime.timedelta(days=10))
    mailoutbox.clear()
    call_command("send_review_reminders")
    assert mailoutbox == []


def test_a_new_version_gets_its_own_reminder(soon, mailoutbox):
    call_command("send_review_reminders")
    send(soon, timezone.localdate() + datetime.timedelta(days=1))
    mailoutbox.clear()
    call_command("send_review_reminders")
    assert len(mailoutbox) == 3


def test_no_reminder_to_answer_when_the_next_meeting_approves(
    next_meeting_cast, mailoutbox
):
    # Under «Vedtak i neste møte» members comment but answer nothing: nothing to
    # remind them of.
    send(next_meeting_cast, timezone.localdate() + datetime.timedelta(days=1))
    mailoutbox.clear()
    call_command("send_review_reminders")
    assert mailoutbox == []
