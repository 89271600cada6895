"""Sak numbers run through a council's year; meeting numbers within the year."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from minutes.models import AgendaItem, Decision
from minutes.services import agenda, summons
from tests.factories import CouncilFactory, make_meeting

pytestmark = pytest.mark.django_db


def numbers(meeting):
    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("order")
        .values_list("number", flat=True)
    )


def titles(meeting):
    return list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("order")
        .values_list("title", flat=True)
    )


def test_a_new_meeting_gets_the_next_number_of_its_year(council):
    first = make_meeting(council, datetime.date(2022, 2, 1))
    second = make_meeting(council, datetime.date(2022, 5, 1))
    next_year = make_meeting(council, datetime.date(2023, 1, 20))
    assert (first.number_label, second.number_label) == ("1/2022", "2/2022")
    assert next_year.number_label == "1/2023"
    assert second.title == "Møte 2/2022"


def test_a_new_meeting_gets_the_standard_items_with_eventuelt_last(council):
    make_meeting(council, datetime.date(2022, 2, 1))
    meeting = make_meeting(council, datetime.date(2022, 9, 21))
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("order"))
    assert [item.standard for item in items] == [
        "summons_approval",
        "minutes_approval",
        "secretariat_info",
        "any_other_business",
    ]
    assert items[1].title == (
        f"Godkjenning av referatet fra møtet 1. februar 2022 i {council.name}"
    )
    assert items[1].approves_minutes_of.number_label == "1/2022"
    assert items[2].title == f"Orientering fra {council.secretariat_organisation.name}"
    assert items[-1].title == "Eventuelt"
    assert Decision.objects.filter(item__meeting=meeting).count() == 4
    assert meeting.minutes.status == "draft"


def test_the_first_meeting_has_no_previous_minutes_to_approve(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    assert not AgendaItem.objects.filter(meeting=meeting, standard="minutes_approval")


def test_sak_numbers_run_on_through_the_year_across_meetings(council):
    first = make_meeting(council, datetime.date(2022, 2, 1))
    second = make_meeting(council, datetime.date(2022, 5, 1))
    assert numbers(first) == [1, 2, 3]
    assert numbers(second) == [4, 5, 6, 7]
    labels = [
        item.number_label
        for item in AgendaItem.objects.filter(meeting=second).order_by("order")
    ]
    assert labels == ["4/22", "5/22", "6/22", "7/22"]
    assert numbers(make_meeting(council, datetime.date(2023, 1, 5))) == [1, 2, 3, 4]


def test_a_meeting_can_start_numbering_mid_year(council):
    meeting = make_meeting(council, datetime.date(2022, 12, 2))
    meeting.first_item_number = 38
    meeting.save()
    agenda.agenda_renumber(meeting=meeting)
    assert numbers(meeting) == [38, 39, 40]


def test_added_items_go_before_eventuelt_and_numbers_follow_the_order(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    agenda.agenda_item_add(meeting=meeting, title="Ny sak", kind="drofting")
    assert titles(meeting)[-2:] == ["Ny sak", "Eventuelt"]
    assert numbers(meeting) == [1, 2, 3, 4]
    new = AgendaItem.objects.get(title="Ny sak")
    agenda.agenda_move(item=new, delta=-1)
    assert titles(meeting)[1] == "Ny sak"
    assert numbers(meeting) == [1, 2, 3, 4]
    assert AgendaItem.objects.get(title="Ny sak").number == 2


def test_numbers_stay_fixed_after_the_summons(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    agenda.agenda_item_add(meeting=meeting, title="Ny sak", kind="drofting")
    summons.summons_mark_sent(meeting=meeting)
    new = AgendaItem.objects.get(title="Ny sak")
    agenda.agenda_move(item=new, delta=-1)
    assert AgendaItem.objects.get(title="Ny sak").number == 3
    late = agenda.agenda_item_add(meeting=meeting, title="Tilleggssak")
    assert late.number == 5
    assert late.is_late_addition
    assert titles(meeting)[-1] == "Eventuelt"


def test_a_later_meeting_not_yet_summoned_follows_an_added_item(council):
    first = make_meeting(council, datetime.date(2022, 2, 1))
    later = make_meeting(council, datetime.date(2022, 5, 1))
    agenda.agenda_item_add(meeting=first, title="For sent")
    assert numbers(first) == [1, 2, 3, 4]
    assert numbers(later) == [5, 6, 7, 8]


def test_renumbering_refuses_to_collide_with_numbers_sent_out(council):
    first = make_meeting(council, datetime.date(2022, 2, 1))
    later = make_meeting(council, datetime.date(2022, 5, 1))
    summons.summons_mark_sent(meeting=later)
    with pytest.raises(ValidationError) as excinfo:
        agenda.agenda_item_add(meeting=first, title="For sent")
    assert "kolliderer" in str(excinfo.value)
    assert numbers(first) == [1, 2, 3]
    assert numbers(later) == [4, 5, 6, 7]


def test_unknown_item_kinds_are_refused_but_a_council_can_add_its_own(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    with pytest.raises(ValidationError):
        agenda.agenda_item_add(meeting=meeting, title="X", kind="Til høring")
    council.extra_item_kinds = ["Til høring"]
    council.save()
    meeting.refresh_from_db()
    item = agenda.agenda_item_add(meeting=meeting, title="X", kind="Til høring")
    assert item.kind_label == "Til høring"


class TestNumberingProperties(HypothesisTestCase):
    """Whatever the meetings and moves, numbers are gapless, ordered and unique."""

    @settings(max_examples=8, deadline=None)
    @given(
        extra_items=st.lists(
            st.integers(min_value=0, max_value=4), min_size=1, max_size=4
        ),
        moves=st.lists(
            st.tuples(st.integers(min_value=0, max_value=20), st.sampled_from([-1, 1])),
            max_size=6,
        ),
    )
    def test_numbers_are_consecutive_through_the_year(self, extra_items, moves):
        council = CouncilFactory()
        meetings = []
        for index, extra in enumerate(extra_items):
            meeting = make_meeting(council, datetime.date(2022, 1 + index, 10))
            for n in range(extra):
                agenda.agenda_item_add(meeting=meeting, title=f"Sak {n}")
            meetings.append(meeting)
        last = meetings[-1]
        items = list(AgendaItem.objects.filter(meeting=last).order_by("order"))
        for position, delta in moves:
            agenda.agenda_move(item=items[position % len(items)], delta=delta)
        all_numbers = []
        for meeting in meetings:
            mine = numbers(meeting)
            assert mine == sorted(mine)
            all_numbers += mine
        assert all_numbers == list(range(1, len(all_numbers) + 1))
        labels = {
            item.number_label for item in AgendaItem.objects.filter(council=council)
        }
        assert all(label.endswith("/22") for label in labels)


@given(number=st.integers(min_value=1, max_value=9999), year=st.integers(2000, 2099))
def test_the_sak_label_is_number_slash_two_digit_year(number, year):
    item = AgendaItem(number=number, year=year)
    assert item.number_label == f"{number}/{str(year)[-2:]}"
