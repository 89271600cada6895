"""Back-filling a year: a meeting dated between two meetings of the same year is
created, never a 500, in the workspace and in the admin. Sak numbers follow the dates
while they may still move (no summons sent); numbers already sent out stay, and the
new meeting then takes the year's next free numbers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from minutes.models import AgendaItem, Meeting
from minutes.services import agenda, summons
from tests.factories import make_meeting, publish

pytestmark = pytest.mark.django_db

FEB, MARCH, MAY = (datetime.date(2024, m, 1) for m in (2, 3, 5))


def numbers(meeting) -> list[str]:
    items = AgendaItem.objects.filter(meeting=meeting).order_by("order")
    return [item.number_label for item in items]


@pytest.fixture
def year(council):
    """Council A's meetings of February and May 2024, summons not yet sent."""
    return make_meeting(council, FEB), make_meeting(council, MAY)


def test_numbers_follow_the_dates_while_they_may_move(council, year):
    feb, may = year
    assert numbers(feb) == ["1/24", "2/24", "3/24"]
    assert numbers(may) == ["4/24", "5/24", "6/24", "7/24"]
    march = make_meeting(council, MARCH)
    assert numbers(march) == ["4/24", "5/24", "6/24", "7/24"]
    assert numbers(may) == ["8/24", "9/24", "10/24", "11/24"]
    # March approves February's minutes: the meeting before it.
    assert march.items.get(standard="minutes_approval").approves_minutes_of == feb


def test_numbers_already_sent_out_stay(council, year):
    feb, may = year
    summons.summons_mark_sent(meeting=may)
    march = make_meeting(council, MARCH)
    assert numbers(may) == ["4/24", "5/24", "6/24", "7/24"]
    assert numbers(march) == ["8/24", "9/24", "10/24", "11/24"]


def test_the_workspace_creates_the_meeting_in_between(alice_client, council, year):
    response = alice_client.post(
        reverse("workspace:meeting_create", args=[council.slug]),
        {
            "date": MARCH.isoformat(),
            "start_time": "10:00",
            "end_time": "12:00",
            "venue": "Rom 2",
        },
    )
    assert response.status_code == 302
    march = Meeting.objects.get(council=council, date=MARCH)
    assert response["Location"] == reverse("workspace:meeting", args=[march.pk])
    assert numbers(march)[0] == "4/24"


def test_the_admin_creates_the_meeting_in_between(client, world, council, year):
    client.force_login(world.operator)
    response = client.post(
        reverse("admin:minutes_meeting_add"),
        {
            "council": council.pk,
            "number": 3,
            "date": MARCH.isoformat(),
            "start_time": "10:00",
            "end_time": "12:00",
            "venue": "Rom 2",
            **{
                f"{prefix}-{field}": value
                for prefix in ("attendances", "items", "attachments")
                for field, value in (
                    ("TOTAL_FORMS", 0),
                    ("INITIAL_FORMS", 0),
                    ("MIN_NUM_FORMS", 0),
                    ("MAX_NUM_FORMS", 1000),
                )
            },
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    march = Meeting.objects.get(council=council, date=MARCH)
    assert numbers(march)[0] == "4/24"


def test_a_first_number_set_by_hand_that_clashes_is_refused(council, year):
    feb, may = year
    summons.summons_mark_sent(meeting=may)
    march = make_meeting(council, MARCH)
    march.first_item_number = 5
    march.save(update_fields=["first_item_number"])
    with pytest.raises(ValidationError, match="kolliderer"):
        agenda.agenda_renumber(meeting=march)


def test_numbers_of_approved_minutes_stay(council, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    make_meeting(council, FEB)
    may = publish(make_meeting(council, MAY))
    march = make_meeting(council, MARCH)
    assert numbers(may) == ["4/24", "5/24", "6/24", "7/24"]
    assert numbers(march) == ["8/24", "9/24", "10/24", "11/24"]
