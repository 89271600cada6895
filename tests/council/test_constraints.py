"""The database refuses what the rules forbid; full_clean says so in Norwegian."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from council.models import Council, Membership
from minutes.models import AgendaItem, Attendance, Input, Meeting, Minutes
from tests.factories import MembershipFactory, PersonFactory, make_meeting

pytestmark = pytest.mark.django_db


def test_the_database_refuses_two_meetings_with_one_number_in_a_year(council):
    make_meeting(council, datetime.date(2022, 2, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            council=council, number=1, date=datetime.date(2022, 6, 1)
        )


def test_full_clean_reports_a_duplicate_meeting_number_in_norwegian(council):
    make_meeting(council, datetime.date(2022, 2, 1))
    meeting = Meeting(council=council, number=1, date=datetime.date(2022, 6, 1))
    with pytest.raises(ValidationError) as excinfo:
        meeting.full_clean()
    assert excinfo.value.message_dict["number"] == ["Rådet har allerede møte 1/2022."]


def test_the_same_number_is_fine_in_another_year_or_council(council):
    make_meeting(council, datetime.date(2022, 2, 1))
    make_meeting(council, datetime.date(2023, 2, 1))
    make_meeting(date=datetime.date(2022, 2, 1))
    assert Meeting.objects.filter(number=1).count() == 3


def test_the_database_refuses_a_meeting_ending_before_it_starts(council):
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            council=council,
            number=1,
            date=datetime.date(2022, 2, 1),
            start_time=datetime.time(16),
            end_time=datetime.time(10),
        )
    meeting = Meeting(
        council=council,
        number=1,
        date=datetime.date(2022, 2, 1),
        start_time=datetime.time(16),
        end_time=datetime.time(10),
    )
    with pytest.raises(ValidationError) as excinfo:
        meeting.full_clean()
    assert (
        "Møtet må slutte etter at det starter."
        in excinfo.value.message_dict["end_time"]
    )


def test_the_database_refuses_a_duplicate_sak_number(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(meeting=meeting, number=1, title="Dublett")


def test_full_clean_reports_a_duplicate_sak_number(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    item = AgendaItem(meeting=meeting, number=2, title="Dublett")
    with pytest.raises(ValidationError) as excinfo:
        item.full_clean()
    assert excinfo.value.message_dict["number"] == [
        "Sak 2/22 er allerede brukt i rådet dette året."
    ]


def test_the_database_refuses_two_minutes_for_one_meeting(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Minutes.objects.create(meeting=meeting)


def test_overlapping_memberships_are_refused(council):
    first = MembershipFactory(
        council=council,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2022, 12, 31),
    )
    overlapping = Membership(
        council=council,
        person=first.person,
        organisation=first.organisation,
        start_date=datetime.date(2022, 6, 1),
    )
    with pytest.raises(ValidationError) as excinfo:
        overlapping.full_clean()
    assert "overlappende periode" in str(excinfo.value)
    later = Membership(
        council=council,
        person=first.person,
        organisation=first.organisation,
        start_date=datetime.date(2023, 1, 1),
    )
    later.full_clean()


def test_a_membership_cannot_end_before_it_starts(council):
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(
            council=council,
            start_date=datetime.date(2022, 1, 1),
            end_date=datetime.date(2021, 1, 1),
        )


def test_only_an_absent_member_has_a_substitute(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    membership = MembershipFactory(council=council)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(
            meeting=meeting,
            membership=membership,
            person=membership.person,
            status=Attendance.Status.PRESENT,
            substitute=PersonFactory(),
        )


def test_partial_presence_reads_like_the_minutes(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    membership = MembershipFactory(council=council)
    attendance = Attendance(
        meeting=meeting,
        membership=membership,
        person=membership.person,
        arrived_at=datetime.time(12, 0),
        left_at=datetime.time(17, 35),
    )
    attendance.full_clean()
    assert attendance.partial_note == "fra kl. 12, til kl. 17.35"


def test_an_input_must_name_whom_it_is_attributed_to(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Input.objects.create(item=item, text="x", attribution="organisation")
    entry = Input(item=item, text="x", attribution="sector")
    with pytest.raises(ValidationError) as excinfo:
        entry.full_clean()
    assert excinfo.value.message_dict["sector"] == ["Velg sektoren."]


def test_sub_bullets_are_one_level_deep(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.first()
    top = Input.objects.create(item=item, text="topp")
    child = Input.objects.create(item=item, text="under", parent=top)
    grandchild = Input(item=item, text="under under", parent=child)
    with pytest.raises(ValidationError):
        grandchild.full_clean()


def test_council_slugs_may_not_shadow_fixed_paths():
    council = Council(name="Admin", slug="admin")
    with pytest.raises(ValidationError) as excinfo:
        council.full_clean()
    assert "reservert" in str(excinfo.value)
