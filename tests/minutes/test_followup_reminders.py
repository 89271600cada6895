"""send_followup_reminders: the responsible is reminded FOLLOWUP_REMINDER_DAYS before
the due date and once when it has passed, exactly once per follow-up and due date,
in their own language; a new due date allows new reminders."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from minutes.models import FollowUp, FollowUpReminder
from minutes.services.followup import followup_reminders_send, followup_update
from tests.factories import OrganisationFactory, PersonFactory
from tests.followups import add_followup, published_items
from tests.world import add_member

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.FOLLOWUP_REMINDER_DAYS = 7


@pytest.fixture
def items(world):
    items = published_items(world.council_a, titles=("Første", "Andre", "Tredje"))
    mail.outbox.clear()  # the minutes' own messages
    return items


def test_reminded_once_before_the_due_date_and_once_when_overdue(world, items):
    bob = world.member_a.person
    followup = add_followup(items[0], responsible=bob, due_date=days(5))
    add_followup(items[1], responsible=bob, due_date=days(30))  # not yet

    assert followup_reminders_send() == 1
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]
    assert "Påminnelse: frist" in mail.outbox[0].subject
    assert "Første" in mail.outbox[0].body
    # Running again, the same day or the next, sends nothing more.
    assert followup_reminders_send() == 0
    assert followup_reminders_send(today=days(1)) == 0
    # Once the due date has passed: one reminder that it is overdue, then no more.
    assert followup_reminders_send(today=days(6)) == 1
    assert "Fristen er passert" in mail.outbox[-1].subject
    assert followup_reminders_send(today=days(7)) == 0
    assert followup_reminders_send(today=days(40)) == 1  # the second, now overdue
    assert len(mail.outbox) == 3
    kinds = set(
        FollowUpReminder.objects.filter(followup=followup).values_list(
            "kind", "due_date"
        )
    )
    assert kinds == {("before", days(5)), ("overdue", days(5))}


def test_a_new_due_date_allows_new_reminders(world, items):
    bob = world.member_a.person
    followup = add_followup(items[0], responsible=bob, due_date=days(3))
    assert followup_reminders_send() == 1
    followup_update(
        followup=followup,
        task=followup.task,
        due_date=days(6),
        responsible_person=bob,
        status=followup.status,
    )
    assert followup_reminders_send() == 1
    assert followup_reminders_send() == 0
    assert FollowUpReminder.objects.filter(followup=followup).count() == 2


def test_finished_follow_up_is_not_reminded(world, items):
    bob = world.member_a.person
    add_followup(
        items[0], responsible=bob, due_date=days(2), status=FollowUp.Status.DONE
    )
    add_followup(
        items[1], responsible=bob, due_date=days(-2), status=FollowUp.Status.CANCELLED
    )
    assert followup_reminders_send() == 0
    assert mail.outbox == []


def test_in_the_recipients_language(world, items):
    english = add_member(world.council_a, "emma", name="Emma English", language="en")
    add_followup(items[0], responsible=english.person, due_date=days(-1))
    assert followup_reminders_send() == 1
    message = mail.outbox[0]
    assert message.to == ["emma@example.org"]
    assert "overdue" in message.subject.lower()
    assert "Hei" not in message.body
    html = message.alternatives[0][0]
    assert 'lang="en"' in html


def test_an_organisation_is_reminded_through_its_members_else_the_secretariat(
    world, items
):
    # Bob represents his organisation in council A: he is reminded for it.
    add_followup(
        items[0], responsible=world.membership_a.organisation, due_date=days(1)
    )
    assert followup_reminders_send() == 1
    assert mail.outbox[-1].to == ["bob@example.org"]
    # An organisation with no member in the council (the secretariat's own) leaves
    # it to the secretariat's logins.
    secretariat_org = OrganisationFactory(name="Sekretariatet")
    world.council_a.secretariat_organisation = secretariat_org
    world.council_a.save()
    world.secretariat_a.email = "alice@example.org"
    world.secretariat_a.save()
    add_followup(items[1], responsible=secretariat_org, due_date=days(2))
    assert followup_reminders_send() == 1
    assert mail.outbox[-1].to == ["alice@example.org"]
    assert "sekretariat" in mail.outbox[-1].body
    reminder = FollowUpReminder.objects.get(followup__item=items[1])
    assert reminder.recipients == "alice@example.org"


def test_a_person_without_e_mail_is_left_to_the_secretariat(world, items):
    staff = PersonFactory(name="Uten Adresse", email="")
    world.council_a.secretariat_organisation = staff.organisation
    world.council_a.save()
    world.secretariat_a.email = "alice@example.org"
    world.secretariat_a.save()
    add_followup(items[0], responsible=staff, due_date=days(1))
    assert followup_reminders_send() == 1
    assert mail.outbox[-1].to == ["alice@example.org"]


def test_the_command_for_cron(world, items, capsys):
    add_followup(items[0], responsible=world.member_a.person, due_date=days(7))
    call_command("send_followup_reminders")
    call_command("send_followup_reminders")
    assert len(mail.outbox) == 1
    assert "Follow-up reminders sent: 1" in capsys.readouterr().out
    add_followup(items[1], responsible=world.member_a.person, due_date=days(10))
    call_command("send_followup_reminders", "--days", "3")
    assert len(mail.outbox) == 1
