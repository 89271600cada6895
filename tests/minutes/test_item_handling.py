"""How the meeting handled an item (minutes/services/handling.py): planned and handled
type both kept, postponed items carried to the next meeting with links both ways and
no decision needed, and a tilleggssak added in the meeting without any summons."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from minutes.document import MinutesDocument
from minutes.models import AgendaItem, ItemKind
from minutes.services import agenda, lifecycle
from minutes.services.handling import item_handling_update
from tests.factories import decide_all, make_meeting

pytestmark = pytest.mark.django_db


def handle(item, **changes):
    item.refresh_from_db()
    values = {"handled_kind": "", "postponed": False, "postponed_reason": ""}
    values.update(changes)
    return item_handling_update(item=item, revision=item.revision, **values)


@pytest.fixture
def meeting(council):
    return make_meeting(council=council, date=datetime.date(2024, 3, 1))


@pytest.fixture
def briefing(meeting):
    return agenda.agenda_item_add(
        meeting=meeting,
        title="Ny pasientjournal",
        kind=ItemKind.INFORMATION,
        proposed_decision="Rådet tar saken til orientering.",
    )


def document_item(item) -> object:
    document = MinutesDocument.from_rows(item.meeting)
    return next(entry for entry in document.items if entry.id == item.pk)


# Planned and handled type ------------------------------------------------------------


def test_an_item_handled_as_another_type_keeps_both(briefing):
    handle(briefing, handled_kind=ItemKind.CONSULTATION)
    briefing.refresh_from_db()
    assert briefing.kind == ItemKind.INFORMATION  # the plan is not overwritten
    assert briefing.handled_kind == ItemKind.CONSULTATION
    entry = document_item(briefing)
    assert entry.kind_label == "Orientering"
    assert entry.handled_kind_label == "Til uttalelse"
    assert entry.kind_line == "Orientering – behandlet som til uttalelse"


def test_the_planned_type_chosen_again_is_no_change(briefing):
    handle(briefing, handled_kind=ItemKind.INFORMATION)
    briefing.refresh_from_db()
    assert briefing.handled_kind == ""
    assert document_item(briefing).kind_line == "Orientering"


def test_an_unknown_handled_type_is_refused(briefing):
    with pytest.raises(ValidationError) as error:
        handle(briefing, handled_kind="noe_annet")
    assert "er ikke en sakstype" in " ".join(error.value.messages)


def test_the_handled_type_survives_the_snapshot_and_old_snapshots_still_read(briefing):
    handle(briefing, handled_kind=ItemKind.CONSULTATION)
    snapshot = MinutesDocument.from_rows(briefing.meeting).to_snapshot()
    row = next(r for r in snapshot["items"] if r["id"] == briefing.pk)
    assert row["kind_line"] == "Orientering – behandlet som til uttalelse"
    again = MinutesDocument.from_snapshot(snapshot)
    assert again.item(briefing.number).kind_line == row["kind_line"]
    for key in ("handled_kind", "handled_kind_label", "kind_line"):
        row.pop(key)
    old = MinutesDocument.from_snapshot(snapshot)
    assert old.item(briefing.number).kind_line == "Orientering"


def test_an_item_handled_as_a_decided_type_needs_a_decision(briefing):
    decide_all(briefing.meeting)
    briefing.decision.refresh_from_db()
    briefing.decision.final_text = ""
    briefing.decision.proposed_text = ""
    briefing.decision.save()
    assert briefing not in lifecycle.minutes_undecided_items(meeting=briefing.meeting)
    handle(briefing, handled_kind=ItemKind.DECISION)
    assert [
        i.pk for i in lifecycle.minutes_undecided_items(meeting=briefing.meeting)
    ] == [briefing.pk]


# Postponed items ---------------------------------------------------------------------


def test_a_postponed_item_goes_to_the_next_meeting_and_links_both_ways(
    council, meeting, briefing
):
    later = make_meeting(council=council, date=datetime.date(2024, 6, 1))
    make_meeting(council=council, date=datetime.date(2024, 9, 1))
    handle(briefing, postponed=True, postponed_reason="Saksdokumentene kom for sent")
    carried = AgendaItem.objects.get(postponed_from=briefing)
    assert carried.meeting == later
    assert carried.title == briefing.title
    assert carried.kind == ItemKind.INFORMATION
    assert carried.decision.proposed_text == "Rådet tar saken til orientering."
    # Before Eventuelt, numbered in the later meeting's order.
    last = later.items.order_by("-order").first()
    assert last.standard == AgendaItem.Standard.ANY_OTHER_BUSINESS

    entry = document_item(briefing)
    assert entry.postponed_line == (
        "Saken ble utsatt. Begrunnelse: Saksdokumentene kom for sent. "
        f"Utsatt til sak {carried.number_label} (møte {later.number_label})."
    )
    carried_entry = document_item(carried)
    assert carried_entry.postponed_from_line == (
        f"Utsatt fra sak {briefing.number_label} (møte {meeting.number_label})."
    )


def test_a_postponed_item_waits_for_the_next_meeting_to_be_created(
    council, meeting, briefing
):
    handle(briefing, postponed=True)
    assert not AgendaItem.objects.filter(postponed_from=briefing).exists()
    assert document_item(briefing).postponed_line == "Saken ble utsatt."
    later = make_meeting(council=council, date=datetime.date(2024, 6, 1))
    carried = AgendaItem.objects.get(postponed_from=briefing)
    assert carried.meeting == later
    # Carried once: another meeting does not get it again.
    make_meeting(council=council, date=datetime.date(2024, 9, 1))
    assert AgendaItem.objects.filter(postponed_from=briefing).count() == 1


def test_a_postponed_item_needs_no_decision_for_approval(meeting, briefing):
    decide_all(meeting)
    briefing.decision.refresh_from_db()
    briefing.decision.final_text = ""
    briefing.decision.save()
    assert briefing in lifecycle.minutes_undecided_items(meeting=meeting)
    handle(briefing, postponed=True)
    assert briefing not in lifecycle.minutes_undecided_items(meeting=meeting)
    lifecycle.require_decisions(meeting=meeting)  # no error


def test_taking_back_the_postponement_removes_the_carried_item(
    council, meeting, briefing
):
    make_meeting(council=council, date=datetime.date(2024, 6, 1))
    handle(briefing, postponed=True, postponed_reason="Tidsnød")
    assert AgendaItem.objects.filter(postponed_from=briefing).exists()
    saved = handle(briefing, postponed=False, postponed_reason="Tidsnød")
    assert not saved.is_postponed and saved.postponed_reason == ""
    assert not AgendaItem.objects.filter(postponed_from=briefing).exists()


def test_a_carried_item_with_content_is_not_removed_silently(
    council, meeting, briefing
):
    make_meeting(council=council, date=datetime.date(2024, 6, 1))
    handle(briefing, postponed=True)
    carried = AgendaItem.objects.get(postponed_from=briefing)
    carried.inputs.create(text="Behandlet her.")
    with pytest.raises(ValidationError) as error:
        handle(briefing, postponed=False)
    assert "allerede behandlet som sak" in " ".join(error.value.messages)
    briefing.refresh_from_db()
    assert briefing.is_postponed  # nothing half done


# A tilleggssak in the meeting -------------------------------------------------------


def test_a_late_addition_needs_no_summons_and_mails_no_one(meeting):
    assert not meeting.summons_sent
    item = agenda.agenda_item_add(
        meeting=meeting, title="Sak fra møtet", is_late_addition=True
    )
    meeting.refresh_from_db()
    assert item.is_late_addition
    assert not meeting.summons_sent
    assert mail.outbox == []
    entry = document_item(item)
    assert entry.is_late_addition
    # Numbered in the agenda order before Eventuelt, like any item before a summons.
    numbers = [i.number for i in meeting.items.order_by("order")]
    assert numbers == sorted(numbers)
    assert meeting.items.order_by("-order").first().standard == "any_other_business"
