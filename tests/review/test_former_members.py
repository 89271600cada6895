"""A member whose term has ended still reads the minutes of the meetings held during
their term (they attended them), but no other drafts, and no longer answers."""

import datetime

import pytest
from django.urls import reverse

from council.models import Membership
from minutes.errors import MinutesStateError
from minutes.services import agenda, lifecycle
from tests.factories import make_meeting
from tests.review.conftest import send


@pytest.fixture
def carol_left(cast, deadline):
    """Carol's term ended the day after the meeting of 1 March 2024."""
    send(cast, deadline)
    Membership.objects.filter(person__user=cast.carol).update(
        start_date=datetime.date(2023, 1, 1), end_date=datetime.date(2024, 3, 2)
    )
    return cast


def test_a_former_member_reads_the_meeting_of_her_term(client, carol_left):
    client.force_login(carol_left.carol)
    response = client.get(reverse("review:read", args=[carol_left.meeting.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert carol_left.item.title in page
    # She reads; she no longer answers.
    assert reverse("review:decide", args=[carol_left.meeting.pk]) not in page


def test_a_former_member_does_not_read_a_meeting_after_her_term(client, carol_left):
    later = make_meeting(council=carol_left.council, date=datetime.date(2024, 6, 1))
    agenda.agenda_item_add(meeting=later, title="Etter Carols tid", kind="drofting")
    client.force_login(carol_left.carol)
    assert client.get(reverse("review:read", args=[later.pk])).status_code == 404


def test_a_former_member_no_longer_answers(carol_left):
    with pytest.raises(MinutesStateError):
        lifecycle.minutes_member_decide(
            minutes=carol_left.minutes, by=carol_left.carol, decision="approve"
        )


def test_a_former_member_gets_no_secretariat_page(client, carol_left):
    client.force_login(carol_left.carol)
    url = reverse("review:dashboard", args=[carol_left.meeting.pk])
    assert client.get(url).status_code == 404
