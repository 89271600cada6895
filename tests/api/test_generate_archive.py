"""An operator fills a database with an archive-scale data set in one command."""

from collections import defaultdict

import pytest
from django.core.management import CommandError, call_command

from council.models import Council
from minutes.models import AgendaItem, Input, Meeting, Minutes
from minutes.public import public_minutes

pytestmark = pytest.mark.django_db

SMALL = {"councils": 2, "years": 2, "meetings": 3, "items": 4, "inputs": 3}


def _generate(**options):
    call_command("generate_archive", last_year=2022, **{**SMALL, **options})


def test_it_creates_the_requested_amounts_all_published():
    _generate()
    assert Council.objects.filter(slug__startswith="arkiv-").count() == 2
    assert Meeting.objects.count() == 2 * 2 * 3
    assert AgendaItem.objects.count() == 2 * 2 * 3 * 4
    assert Input.objects.count() == 2 * 2 * 3 * 4 * 3
    assert set(Minutes.objects.values_list("status", flat=True)) == {
        Minutes.Status.PUBLISHED
    }
    assert public_minutes().count() == Meeting.objects.count()


def test_every_generated_meeting_has_the_published_version_the_public_reads(client):
    _generate(councils=1, years=1, meetings=2)
    for meeting in Meeting.objects.all():
        response = client.get(meeting.get_absolute_url())
        assert response.status_code == 200
        assert meeting.items.order_by("order").last().title in response.content.decode()


def test_numbers_follow_the_councils_rules():
    _generate()
    meetings = defaultdict(list)
    for meeting in Meeting.objects.order_by("date"):
        meetings[meeting.council_id, meeting.year].append(meeting.number)
    assert set(map(tuple, meetings.values())) == {(1, 2, 3)}
    items = defaultdict(list)
    for item in AgendaItem.objects.order_by("meeting__date", "order"):
        items[item.council_id, item.year].append(item.number)
    # Sak numbers run on through the council's year across meetings: 1 … 12.
    assert set(map(tuple, items.values())) == {tuple(range(1, 13))}
    for meeting in Meeting.objects.prefetch_related("items"):
        agenda = sorted(meeting.items.all(), key=lambda i: i.order)
        assert agenda[0].standard == AgendaItem.Standard.SUMMONS_APPROVAL
        assert agenda[-1].standard == AgendaItem.Standard.ANY_OTHER_BUSINESS


def test_a_later_meeting_approves_the_minutes_of_the_one_before():
    _generate()
    council = Council.objects.get(slug="arkiv-1")
    second = Meeting.objects.get(council=council, year=2022, number=2)
    approval = second.items.get(standard=AgendaItem.Standard.MINUTES_APPROVAL)
    assert approval.approves_minutes_of == Meeting.objects.get(
        council=council, year=2022, number=1
    )


def test_it_refuses_to_run_twice():
    _generate()
    with pytest.raises(CommandError, match="Arkivdata finnes allerede"):
        _generate()
    assert Meeting.objects.count() == 12


def test_the_archive_is_readable_through_the_api(client):
    _generate()
    body = client.get("/api/meetings/", {"body": "arkiv-2"}).json()
    assert body["pagination"]["totalElements"] == 6
    assert len(body["data"][0]["agendaItem"]) == 4
