"""The admin's actions on minutes call the same transitions as the pages."""

import datetime

import pytest
from django.urls import reverse

from council.models import Council
from minutes.models import Minutes, MinutesEvent
from minutes.services import lifecycle
from tests.factories import approving_item
from tests.review.conftest import build_cast, refresh


@pytest.fixture
def admin_client(client, world):
    """Oscar, the operator, in the admin."""
    client.force_login(world.operator)
    return client


def test_publishing_from_the_admin_goes_through_the_transition(admin_client, world):
    cast = build_cast(
        world, Council.ApprovalRule.NEXT_MEETING, publish_on_approval=False
    )
    item = approving_item(cast.meeting, datetime.date(2024, 5, 1))
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    response = admin_client.post(
        reverse("admin:minutes_minutes_changelist"),
        {"action": "publish_selected", "_selected_action": [cast.minutes.pk]},
        follow=True,
    )
    assert "publisert." in response.content.decode()
    assert refresh(cast.minutes).status == Minutes.Status.PUBLISHED
    assert MinutesEvent.objects.filter(kind="published").exists()


def test_a_wrong_transition_in_the_admin_shows_the_message(admin_client, cast):
    response = admin_client.post(
        reverse("admin:minutes_minutes_changelist"),
        {"action": "publish_selected", "_selected_action": [cast.minutes.pk]},
        follow=True,
    )
    assert "Bare godkjente referater kan publiseres." in response.content.decode()
    assert refresh(cast.minutes).status == Minutes.Status.DRAFT
