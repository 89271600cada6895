"""Follow-up of decisions (minutes/services/followup.py): which decisions may have it,
who may be responsible, status notes, and that follow-up of approved minutes leaves
the frozen record as it was."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from minutes.errors import MinutesFrozenError
from minutes.models import AgendaItem, FollowUp, FollowUpNote, MinutesVersion
from minutes.services import agenda, lifecycle
from minutes.services.followup import (
    council_followups,
    followup_create,
    followup_note_add,
    followup_update,
    overdue_followups,
)
from tests.factories import OrganisationFactory, PersonFactory
from tests.followups import add_followup, decided_item, published_items

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def item(world):
    return published_items(world.council_a)[0]


def test_a_decision_of_approved_minutes_gets_follow_up(world, item):
    bob = world.member_a.person
    followup = add_followup(
        item, responsible=bob, due_date=TODAY + datetime.timedelta(days=30)
    )
    assert followup.council == world.council_a
    assert followup.status == FollowUp.Status.NOT_STARTED
    assert followup.responsible_name == "Bob Medlem"
    assert list(council_followups(world.council_a)) == [followup]


def test_draft_minutes_get_no_follow_up(world):
    item = decided_item(world.draft_a, "Utkast", "Rådet ber om noe.")
    with pytest.raises(ValidationError, match="ikke godkjent"):
        add_followup(item, responsible=world.member_a.person, due_date=TODAY)
    assert not FollowUp.objects.exists()


def test_an_item_without_a_decision_gets_no_follow_up(world, settings):
    from tests.factories import make_meeting, publish

    meeting = make_meeting(council=world.council_a, date=datetime.date(2024, 5, 1))
    item = agenda.agenda_item_add(meeting=meeting, title="Uten vedtak", kind="")
    publish(meeting)
    with pytest.raises(ValidationError, match="ikke noe vedtak"):
        add_followup(item, responsible=world.member_a.person, due_date=TODAY)


def test_only_the_councils_own_are_responsible(world, item):
    charlie = world.member_b.person  # council B's member
    with pytest.raises(ValidationError, match="hører ikke til rådet"):
        add_followup(item, responsible=charlie, due_date=TODAY)
    stranger = OrganisationFactory(name="Fremmed AS")
    with pytest.raises(ValidationError, match="hører ikke til rådet"):
        add_followup(item, responsible=stranger, due_date=TODAY)
    with pytest.raises(ValidationError, match="én ansvarlig"):
        followup_create(
            item=item,
            task="To ansvarlige",
            due_date=TODAY,
            responsible_person=world.member_a.person,
            responsible_organisation=world.membership_a.organisation,
        )
    assert not FollowUp.objects.exists()


def test_a_new_status_is_a_dated_note_and_a_note_may_set_it(world, item):
    alice = world.secretariat_a
    followup = add_followup(
        item, responsible=world.membership_a.organisation, due_date=TODAY
    )
    followup_update(
        followup=followup,
        task=followup.task,
        due_date=followup.due_date,
        responsible_organisation=world.membership_a.organisation,
        status=FollowUp.Status.IN_PROGRESS,
        by=alice,
    )
    note = FollowUpNote.objects.get(followup=followup)
    assert note.status == FollowUp.Status.IN_PROGRESS
    assert "«Ikke startet» til «Pågår»" in note.text
    assert note.date == TODAY and note.author == alice
    followup_note_add(
        followup=followup,
        text="Levert til departementet.",
        date=TODAY - datetime.timedelta(days=1),
        status=FollowUp.Status.DONE,
        is_internal=True,
        by=alice,
    )
    followup.refresh_from_db()
    assert followup.status == FollowUp.Status.DONE
    notes = list(followup.notes.order_by("created_at"))
    assert [n.text for n in notes][-1] == "Levert til departementet."
    assert notes[-1].is_internal and notes[-1].author_name
    with pytest.raises(ValidationError, match="fram i tid"):
        followup_note_add(
            followup=followup, text="Senere", date=TODAY + datetime.timedelta(days=2)
        )


def test_overdue_is_open_follow_up_past_its_due_date(world):
    items = published_items(world.council_a, titles=("A", "B", "C"))
    org = world.membership_a.organisation
    late = add_followup(
        items[0], responsible=org, due_date=TODAY - datetime.timedelta(days=1)
    )
    add_followup(
        items[1],
        responsible=org,
        due_date=TODAY - datetime.timedelta(days=5),
        status=FollowUp.Status.DONE,
    )
    add_followup(items[2], responsible=org, due_date=TODAY)
    assert list(overdue_followups(world.council_a)) == [late]
    assert late.is_overdue()
    assert list(council_followups(world.council_b, overdue=True)) == []


def test_follow_up_of_approved_minutes_leaves_the_record_frozen(world, item):
    minutes = item.meeting.minutes
    version = MinutesVersion.objects.get(minutes=minutes, number=minutes.version)
    before = (
        dict(version.content),
        minutes.pdf_sha256,
        item.revision,
        item.updated_at,
        item.decision.final_text,
    )
    followup = add_followup(item, responsible=world.member_a.person, due_date=TODAY)
    followup_note_add(followup=followup, text="I gang.", by=world.secretariat_a)
    followup_update(
        followup=followup,
        task="Ny oppgave",
        due_date=TODAY + datetime.timedelta(days=3),
        responsible_person=world.member_a.person,
        status=FollowUp.Status.IN_PROGRESS,
    )
    minutes.refresh_from_db()
    version.refresh_from_db()
    item = AgendaItem.objects.select_related("decision").get(pk=item.pk)
    after = (
        dict(version.content),
        minutes.pdf_sha256,
        item.revision,
        item.updated_at,
        item.decision.final_text,
    )
    assert after == before
    assert "Ny oppgave" not in str(version.content)
    # The record itself is still frozen.
    item.title = "Endret"
    with pytest.raises(MinutesFrozenError):
        item.save()


def test_an_item_with_follow_up_is_not_deleted_in_a_correction(world, item):
    add_followup(item, responsible=world.member_a.person, due_date=TODAY)
    lifecycle.minutes_start_correction(
        minutes=item.meeting.minutes, by=world.secretariat_a, reason="Skrivefeil"
    )
    item.refresh_from_db()
    with pytest.raises(ValidationError, match="har oppfølging"):
        agenda.agenda_item_delete(item=item)
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_a_person_of_the_council_who_is_no_member_may_be_responsible(world, item):
    # The secretariat's staff: people of the secretariat's organisation.
    secretariat_org = OrganisationFactory(name="Sekretariatet")
    world.council_a.secretariat_organisation = secretariat_org
    world.council_a.save()
    staff = PersonFactory(name="Siv Sekretær", organisation=secretariat_org)
    followup = add_followup(item, responsible=staff, due_date=TODAY)
    assert followup.responsible_person == staff
