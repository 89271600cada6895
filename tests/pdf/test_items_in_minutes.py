"""What the minutes print of items handled at the meeting (planned and handled type,
utsatt, tilleggssak, carried items) and of a correction made at approval: on the
public page, in the stored PDF (its text read back) and in the snapshot."""

import datetime
import json

import jsonschema
import pytest
from django.urls import reverse
from django.utils import timezone

from council.models import Council
from minutes.document import SCHEMA_PATH
from minutes.models import AgendaItem, MinutesVersion
from minutes.services import agenda, lifecycle
from minutes.services.handling import item_handling_update
from tests.factories import approving_item, decide_all, make_meeting
from tests.pdf.conftest import pdf_pages, squeeze

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(world):
    council = world.council_a
    council.approval_rule = Council.ApprovalRule.NEXT_MEETING
    council.publish_on_approval = True
    council.save(update_fields=["approval_rule", "publish_on_approval"])
    return council


@pytest.fixture
def meeting(council, media_root):
    """A meeting with an orientering handled as uttalelse, a postponed item and a
    tilleggssak, minuted."""
    meeting = make_meeting(council=council, date=datetime.date(2024, 3, 1))
    handled = agenda.agenda_item_add(
        meeting=meeting, title="Høring om journalløsning", kind="orientering"
    )
    handled.refresh_from_db()
    item_handling_update(
        item=handled,
        revision=handled.revision,
        handled_kind="til_uttalelse",
        postponed=False,
    )
    postponed = agenda.agenda_item_add(
        meeting=meeting,
        title="Budsjett for neste år",
        kind="beslutning",
        proposed_decision="Rådet vedtar budsjettet.",
    )
    postponed.refresh_from_db()
    item_handling_update(
        item=postponed,
        revision=postponed.revision,
        handled_kind="",
        postponed=True,
        postponed_reason="Saksdokumentene kom for sent",
    )
    agenda.agenda_item_add(
        meeting=meeting, title="Sak fra salen", kind="drofting", is_late_addition=True
    )
    decide_all(meeting)
    # Postponed: nothing decided.
    postponed = AgendaItem.objects.get(pk=postponed.pk)
    postponed.decision.final_text = ""
    postponed.decision.save()
    handled = AgendaItem.objects.get(pk=handled.pk)
    handled.decision.final_text = "Rådet gir denne uttalelsen."
    handled.decision.save()
    return meeting


def stored_pdf(minutes) -> str:
    minutes.refresh_from_db()
    with minutes.pdf_file.open("rb") as stored:
        return squeeze("\n".join(pdf_pages(stored.read())))


def test_the_minutes_print_how_items_were_handled(client, council, meeting):
    # The next meeting exists once the approval is recorded: the postponed item is
    # carried there, linking back.
    item = approving_item(meeting, datetime.date(2024, 5, 1))
    postponed = AgendaItem.objects.get(meeting=meeting, title="Budsjett for neste år")
    carried = AgendaItem.objects.get(postponed_from=postponed)
    assert carried.meeting == item.meeting
    # The postponed item has no decision, and the minutes are approved all the same.
    assert not postponed.decision.final_text
    lifecycle.minutes_approve_at_meeting(minutes=meeting.minutes, item=item)

    to_line = (
        f"Utsatt til sak {carried.number_label} (møte {carried.meeting.number_label})."
    )
    pdf = stored_pdf(meeting.minutes)
    assert squeeze("Orientering – behandlet som til uttalelse") in pdf
    assert (
        squeeze("Saken ble utsatt. Begrunnelse: Saksdokumentene kom for sent.") in pdf
    )
    assert squeeze(to_line) in pdf
    assert squeeze("Sak fra salen (tilleggssak)") in pdf
    assert squeeze("Tilleggssak.") in pdf

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Orientering – behandlet som til uttalelse" in page
    assert "Saken ble utsatt. Begrunnelse: Saksdokumentene kom for sent." in page
    assert to_line in page
    assert "(tilleggssak)" in page

    # The snapshot keeps it all.
    version = MinutesVersion.objects.filter(minutes=meeting.minutes).last()
    rows = {row["title"]: row for row in version.content["items"]}
    assert rows["Høring om journalløsning"]["handled_kind"] == "til_uttalelse"
    assert rows["Budsjett for neste år"]["is_postponed"] is True
    assert rows["Budsjett for neste år"]["postponed_to"] == {
        "item": carried.number_label,
        "meeting": carried.meeting.number_label,
    }
    assert rows["Sak fra salen"]["is_late_addition"] is True
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(
        version.content
    )


def test_the_carried_item_links_back_in_the_next_minutes(client, council, meeting):
    item = approving_item(meeting, datetime.date(2024, 5, 1))
    postponed = AgendaItem.objects.get(meeting=meeting, title="Budsjett for neste år")
    later = item.meeting
    from minutes.services.editing import decision_adopt_as_proposed

    for row in AgendaItem.objects.filter(meeting=later).select_related("decision"):
        if row.decision.proposed_text and not row.decision.final_text:
            decision_adopt_as_proposed(
                decision=row.decision, revision=row.decision.revision
            )
    decide_all(later)
    lifecycle.minutes_approve_historical(
        minutes=later.minutes,
        approved_at=datetime.datetime(2024, 6, 1, tzinfo=datetime.UTC),
    )
    line = f"Utsatt fra sak {postponed.number_label} (møte {meeting.number_label})."
    assert squeeze(line) in stored_pdf(later.minutes)
    later.refresh_from_db()
    if later.minutes.status != "published":
        lifecycle.minutes_publish(minutes=later.minutes)
    assert line in client.get(later.get_absolute_url()).content.decode()


def test_a_correction_at_approval_is_a_new_version_with_the_note(
    client, council, meeting, world
):
    item = approving_item(meeting, datetime.date(2024, 5, 1))
    lifecycle.minutes_send_for_review(
        minutes=meeting.minutes,
        by=world.secretariat_a,
        deadline=timezone.localdate() + datetime.timedelta(days=7),
    )
    sent = MinutesVersion.objects.get(minutes=meeting.minutes, number=1)
    # The meeting corrects the minutes; the secretariat makes the change, then
    # records the approval with the note.
    handled = AgendaItem.objects.get(meeting=meeting, title="Høring om journalløsning")
    handled.body = "Rettet: innledningen ble holdt av direktoratet."
    handled.save()
    client.force_login(world.secretariat_a)
    client.post(
        reverse("review:approve_at_meeting", args=[meeting.pk]),
        {"item": item.pk, "correction": "Navnet på innlederen er rettet."},
    )
    minutes = meeting.minutes
    minutes.refresh_from_db()
    assert minutes.status == "published"
    version = MinutesVersion.objects.get(minutes=minutes, number=2)
    assert version.approved_at is not None
    assert version.reason == "Navnet på innlederen er rettet."
    line = (
        f"Referatet er rettet etter vedtak i sak {item.number_label} "
        f"(møte {item.meeting.number_label}): Navnet på innlederen er rettet."
    )
    assert version.content["correction"]["text"] == line
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(
        version.content
    )
    assert sent.content.get("correction") is None

    assert squeeze(line) in stored_pdf(minutes)
    client.logout()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert line in page
    assert "Rettet: innledningen ble holdt av direktoratet." in page


def test_an_approval_without_correction_prints_no_note(client, council, meeting):
    item = approving_item(meeting, datetime.date(2024, 5, 1))
    lifecycle.minutes_approve_at_meeting(minutes=meeting.minutes, item=item)
    assert squeeze("Referatet er rettet") not in stored_pdf(meeting.minutes)
    version = MinutesVersion.objects.filter(minutes=meeting.minutes).last()
    assert version.content.get("correction") is None
