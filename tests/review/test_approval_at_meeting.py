"""Approval at a meeting: the decision of an item of a later meeting of the same
council, dated that meeting's day («Godkjent 1. mai 2024 i sak 6/24»), never the day
someone recorded it; and members are not asked to approve what a meeting approves."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from minutes.errors import MinutesStateError
from minutes.models import AgendaItem, Minutes, ReviewApproval
from minutes.services import editing, lifecycle
from tests.factories import approving_item, make_meeting
from tests.pdf.conftest import pdf_pages, squeeze
from tests.review.conftest import refresh, send

MAY_1 = datetime.date(2024, 5, 1)


def _link(item: AgendaItem, meeting) -> AgendaItem:
    """Point an item at `meeting`'s minutes as a row could be made to (a script, an
    old import), past the form's checks."""
    AgendaItem.objects.filter(pk=item.pk).update(approves_minutes_of=meeting)
    return AgendaItem.objects.select_related("decision", "meeting").get(pk=item.pk)


def _decided(item: AgendaItem) -> AgendaItem:
    if not item.decision.final_text:
        editing.decision_adopt_as_proposed(
            decision=item.decision, revision=item.decision.revision
        )
    return AgendaItem.objects.select_related("decision", "meeting").get(pk=item.pk)


def test_the_approval_is_dated_the_day_of_the_approving_meeting(
    client, next_meeting_cast
):
    cast = next_meeting_cast
    item = approving_item(cast.meeting, MAY_1)
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item, by=cast.alice)
    minutes = refresh(cast.minutes)
    assert timezone.localtime(minutes.approved_at).date() == MAY_1
    page = client.get(cast.meeting.get_absolute_url()).content.decode()
    assert f"Godkjent 1. mai 2024 i sak {item.number_label}" in page
    with minutes.pdf_file.open("rb") as stored:
        pdf = squeeze("\n".join(pdf_pages(stored.read())))
    assert squeeze(f"godkjent 1. mai 2024 i sak {item.number_label}") in pdf


def test_a_meeting_that_is_not_later_cannot_approve(next_meeting_cast):
    cast = next_meeting_cast
    earlier = make_meeting(council=cast.council, date=datetime.date(2023, 12, 1))
    item = _decided(_link(earlier.items.order_by("order").first(), cast.meeting))
    with pytest.raises(MinutesStateError, match="senere møte") as caught:
        lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    assert caught.value.code == "not_later"
    # Nor can the meeting approve its own minutes.
    own = _decided(_link(cast.item, cast.meeting))
    with pytest.raises(MinutesStateError, match="senere møte"):
        lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=own)
    assert refresh(cast.minutes).status == Minutes.Status.DRAFT


def test_a_meeting_of_another_council_cannot_approve(next_meeting_cast, world):
    cast = next_meeting_cast
    other = make_meeting(council=world.council_b, date=MAY_1)
    item = _decided(_link(other.items.order_by("order").first(), cast.meeting))
    with pytest.raises(MinutesStateError, match="annet råd") as caught:
        lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    assert caught.value.code == "other_council"


def test_a_meeting_not_yet_held_cannot_approve(next_meeting_cast):
    cast = next_meeting_cast
    ahead = timezone.localdate() + datetime.timedelta(days=14)
    item = approving_item(cast.meeting, ahead)
    with pytest.raises(MinutesStateError, match="ikke holdt") as caught:
        lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    assert caught.value.code == "not_held"
    assert refresh(cast.minutes).status == Minutes.Status.DRAFT


def test_a_meeting_held_today_can_approve(next_meeting_cast):
    cast = next_meeting_cast
    item = approving_item(cast.meeting, timezone.localdate())
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    minutes = refresh(cast.minutes)
    assert timezone.localtime(minutes.approved_at).date() == timezone.localdate()
    assert minutes.approved_at <= timezone.now()


def test_the_approving_item_needs_its_decision(next_meeting_cast):
    cast = next_meeting_cast
    later = make_meeting(council=cast.council, date=MAY_1)
    item = later.items.get(approves_minutes_of=cast.meeting)
    with pytest.raises(MinutesStateError) as caught:
        lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    assert caught.value.code == "no_approving_decision"
    assert f"Sak {item.number_label}" in caught.value.messages[0]
    assert "vedtak" in caught.value.messages[0]


def test_an_item_cannot_be_set_to_approve_a_later_or_foreign_meeting(
    next_meeting_cast, world
):
    cast = next_meeting_cast
    later = make_meeting(council=cast.council, date=MAY_1)
    item = AgendaItem.objects.get(pk=cast.item.pk)
    item.approves_minutes_of = later
    with pytest.raises(ValidationError, match="tidligere møte"):
        item.full_clean()
    item.approves_minutes_of = make_meeting(
        council=world.council_b, date=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError, match="samme råd"):
        item.full_clean()


def test_the_dashboard_refusal_is_a_clear_message(client, next_meeting_cast):
    cast = next_meeting_cast
    later = make_meeting(council=cast.council, date=MAY_1)
    item = later.items.get(approves_minutes_of=cast.meeting)
    client.force_login(cast.alice)
    response = client.post(
        reverse("review:approve_at_meeting", args=[cast.meeting.pk]),
        {"item": item.pk},
        follow=True,
    )
    assert "har ikke noe vedtak" in response.content.decode()
    assert refresh(cast.minutes).status == Minutes.Status.DRAFT


def test_members_are_not_asked_to_approve_what_the_next_meeting_approves(
    client, next_meeting_cast, deadline
):
    cast = next_meeting_cast
    send(cast, deadline)
    client.force_login(cast.bob)
    page = client.get(reverse("review:read", args=[cast.meeting.pk])).content.decode()
    assert "Godkjenn referatet" not in page
    assert "trengs" not in page
    assert "godkjennes i neste møte" in page
    # Commenting is still the members' part.
    assert reverse("review:comment", args=[cast.meeting.pk]) in page
    with pytest.raises(MinutesStateError, match="neste møte"):
        lifecycle.minutes_member_decide(
            minutes=cast.minutes, by=cast.bob, decision=ReviewApproval.Decision.APPROVE
        )
    client.force_login(cast.alice)
    page = client.get(
        reverse("review:dashboard", args=[cast.meeting.pk])
    ).content.decode()
    assert "trengs" not in page


def test_members_of_an_online_council_still_approve(client, cast, deadline):
    send(cast, deadline)
    client.force_login(cast.bob)
    page = client.get(reverse("review:read", args=[cast.meeting.pk])).content.decode()
    assert "Godkjenn referatet" in page
    assert "trengs" in page
