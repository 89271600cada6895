"""Minutes are not approved while an item that needs a decision has none.

An item needs a decision when a decision was proposed for it, or when its type is one
a council decides (Godkjenning, Beslutning, Anbefaling, Til uttalelse). The rule lives
in minutes/services/lifecycle.py; the dashboard, the admin and commands go through it.
Old minutes recorded as approved elsewhere (minutes_approve_historical) are exempt:
they are reproduced as they were approved.
"""

import datetime

import pytest
from django.urls import reverse

from council.models import Council
from minutes.errors import MinutesStateError
from minutes.models import Minutes, ReviewApproval
from minutes.services import agenda, lifecycle
from tests.factories import approving_item, decide_all
from tests.review.conftest import refresh, send


def _undecided_item(cast):
    return agenda.agenda_item_add(
        meeting=cast.meeting,
        title="Budsjett 2025",
        kind="drofting",
        proposed_decision="Rådet slutter seg til budsjettet.",
    )


def _approving_item(cast):
    return approving_item(cast.meeting, datetime.date(2024, 5, 1))


def test_approval_at_meeting_is_refused_naming_the_undecided_items(
    next_meeting_cast,
):
    cast = next_meeting_cast
    item = _undecided_item(cast)
    with pytest.raises(MinutesStateError) as caught:
        lifecycle.minutes_approve_at_meeting(
            minutes=cast.minutes, item=_approving_item(cast), by=cast.alice
        )
    assert caught.value.code == "undecided_items"
    message = caught.value.messages[0]
    assert f"sak {item.number_label} Budsjett 2025" in message
    assert "vedtak" in message.lower()
    assert refresh(cast.minutes).status == Minutes.Status.DRAFT


def test_an_item_of_a_deciding_type_needs_a_decision_even_without_a_proposal(
    next_meeting_cast,
):
    cast = next_meeting_cast
    item = agenda.agenda_item_add(
        meeting=cast.meeting, title="Valg av nestleder", kind="beslutning"
    )
    with pytest.raises(MinutesStateError, match=f"sak {item.number_label} Valg"):
        lifecycle.minutes_approve_at_meeting(
            minutes=cast.minutes, item=_approving_item(cast)
        )


def test_approval_goes_through_once_every_item_is_decided(next_meeting_cast):
    cast = next_meeting_cast
    item = _undecided_item(cast)
    decide_all(cast.meeting)
    lifecycle.minutes_approve_at_meeting(
        minutes=cast.minutes, item=_approving_item(cast)
    )
    assert refresh(cast.minutes).status == Minutes.Status.PUBLISHED
    item.decision.refresh_from_db()
    # Eventuelt, with neither proposal nor deciding type, needed nothing.
    aob = cast.meeting.items.get(standard="any_other_business")
    assert not aob.decision.final_text


def test_a_blank_decision_is_no_decision(next_meeting_cast):
    cast = next_meeting_cast
    item = _undecided_item(cast)
    decide_all(cast.meeting)
    item.decision.refresh_from_db()
    item.decision.final_text = "  \n "
    item.decision.save()
    with pytest.raises(MinutesStateError, match="Budsjett 2025"):
        lifecycle.minutes_approve_at_meeting(
            minutes=cast.minutes, item=_approving_item(cast)
        )


def test_online_approval_waits_for_the_decisions(cast, deadline):
    item = _undecided_item(cast)
    send(cast, deadline)
    for user in (cast.bob, cast.carol, cast.dave):
        lifecycle.minutes_member_decide(
            minutes=cast.minutes, by=user, decision=ReviewApproval.Decision.APPROVE
        )
    # Every member approved, but the rule on decisions holds the approval back.
    assert refresh(cast.minutes).status == Minutes.Status.IN_REVIEW
    with pytest.raises(MinutesStateError, match=f"sak {item.number_label}"):
        lifecycle.minutes_approve_online(minutes=cast.minutes, by=cast.alice)


def test_the_dashboard_says_which_items_lack_a_decision(
    client, next_meeting_cast, deadline
):
    cast = next_meeting_cast
    item = _undecided_item(cast)
    approving = _approving_item(cast)
    client.force_login(cast.alice)
    response = client.post(
        reverse("review:approve_at_meeting", args=[cast.meeting.pk]),
        {"item": approving.pk},
        follow=True,
    )
    page = response.content.decode()
    assert f"sak {item.number_label} Budsjett 2025" in page
    assert refresh(cast.minutes).status == Minutes.Status.DRAFT


def test_the_admin_action_says_which_items_lack_a_decision(world, deadline):
    from tests.review.conftest import build_cast

    cast = build_cast(world, Council.ApprovalRule.ONLINE_ALL)
    item = _undecided_item(cast)
    send(cast, deadline)
    for user in (cast.bob, cast.carol, cast.dave):
        lifecycle.minutes_member_decide(
            minutes=cast.minutes, by=user, decision=ReviewApproval.Decision.APPROVE
        )
    client = world.client("operator")
    response = client.post(
        reverse("admin:minutes_minutes_changelist"),
        {"action": "approve_online_selected", "_selected_action": [cast.minutes.pk]},
        follow=True,
    )
    assert f"sak {item.number_label} Budsjett 2025" in response.content.decode()
    assert refresh(cast.minutes).status == Minutes.Status.IN_REVIEW


def test_old_minutes_recorded_as_approved_elsewhere_are_taken_as_they_were(
    next_meeting_cast,
):
    cast = next_meeting_cast
    _undecided_item(cast)
    lifecycle.minutes_approve_historical(
        minutes=cast.minutes,
        approved_at=datetime.datetime(2024, 4, 1, tzinfo=datetime.UTC),
    )
    assert refresh(cast.minutes).status == Minutes.Status.PUBLISHED


def test_the_dashboard_lists_the_undecided_items_before_anyone_tries(
    client, next_meeting_cast
):
    cast = next_meeting_cast
    item = _undecided_item(cast)
    client.force_login(cast.alice)
    page = client.get(
        reverse("review:dashboard", args=[cast.meeting.pk])
    ).content.decode()
    assert "kan ikke godkjennes før vedtaket er ført" in page
    assert f"Sak {item.number_label} Budsjett 2025" in page
    decide_all(cast.meeting)
    page = client.get(
        reverse("review:dashboard", args=[cast.meeting.pk])
    ).content.decode()
    assert "kan ikke godkjennes før vedtaket er ført" not in page
