"""A service checks the freeze rule once per change, inside its transaction; the
saves inside that change skip their own check, and nothing else does."""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from minutes.errors import MinutesFrozenError
from minutes.frozen import meeting_editable
from minutes.models import AgendaItem, Attendance, Input, Meeting, Minutes
from minutes.services import lifecycle
from minutes.services.attendance import AttendanceChange, attendance_update
from minutes.services.editing import EditConflict, content_save
from tests.factories import approving_item

FROZEN = "Referatet er godkjent og kan ikke endres"


@pytest.fixture
def frozen(next_meeting_cast):
    """Testrådet's minutes of 1 March 2024 are approved; the next meeting's are not."""
    cast = next_meeting_cast
    item = approving_item(cast.meeting, datetime.date(2024, 5, 1))
    cast.later = item.meeting
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    return cast


def freeze_checks(queries) -> int:
    return sum(
        1
        for query in queries
        if query["sql"].startswith('SELECT 1 AS "a" FROM "minutes_minutes"')
    )


def test_a_service_checks_the_meeting_once(next_meeting_cast):
    row = Attendance.objects.filter(meeting=next_meeting_cast.meeting).first()
    change = AttendanceChange(
        status=Attendance.Status.ABSENT,
        substitute=None,
        arrived_at=None,
        left_at=None,
        note="Syk",
    )
    with CaptureQueriesContext(connection) as context:
        attendance_update(attendance=row, change=change)
    # Before: the service, full_clean() and save() each asked.
    assert freeze_checks(context.captured_queries) == 1
    assert Attendance.objects.get(pk=row.pk).note == "Syk"


def test_the_checked_meeting_does_not_open_another(frozen):
    item = AgendaItem.objects.get(pk=frozen.item.pk)
    item.title = "Sneket inn"
    with transaction.atomic(), meeting_editable(frozen.later):
        with pytest.raises(MinutesFrozenError, match=FROZEN):
            item.save()
    assert AgendaItem.objects.get(pk=item.pk).title != "Sneket inn"


def test_a_row_cannot_be_moved_out_of_frozen_minutes_inside_a_check(frozen):
    entry = Input.objects.select_related("item").get(pk=frozen.inputs[0].pk)
    entry.item = frozen.later.items.first()
    with transaction.atomic(), meeting_editable(frozen.later):
        with pytest.raises(MinutesFrozenError, match=FROZEN):
            entry.save()
    assert Input.objects.get(pk=entry.pk).item_id == frozen.item.pk


def test_the_check_ends_with_its_block(next_meeting_cast):
    cast = next_meeting_cast
    item = AgendaItem.objects.select_related("meeting").get(pk=cast.item.pk)
    with transaction.atomic(), meeting_editable(cast.meeting):
        pass
    Minutes.objects.filter(pk=cast.minutes.pk).transition(
        Minutes.Status.APPROVED, approved_at="2024-04-01T10:00:00Z"
    )
    item.title = "Etter godkjenning"
    with pytest.raises(MinutesFrozenError, match=FROZEN):
        item.save()


def test_update_editable_leaves_frozen_rows_out(frozen):
    later_item = frozen.later.items.first()
    Input.objects.create(item=later_item, text="Åpent", order=1)
    rows = Input.objects.filter(item__meeting__in=[frozen.meeting, frozen.later])
    assert rows.update_editable(text="Endret") == 1
    assert Input.objects.get(pk=frozen.inputs[0].pk).text != "Endret"
    meetings = Meeting.objects.filter(pk__in=[frozen.meeting.pk, frozen.later.pk])
    assert meetings.update_editable(venue="Et annet sted") == 1
    assert Meeting.objects.get(pk=frozen.meeting.pk).venue != "Et annet sted"
    items = AgendaItem.objects.filter(meeting__in=[frozen.meeting, frozen.later])
    assert items.update_editable(presenters="Alice") == frozen.later.items.count()


@pytest.mark.parametrize("stale", [False, True])
def test_content_save_on_frozen_minutes_says_frozen_not_conflict(frozen, stale):
    item = AgendaItem.objects.select_related("meeting").get(pk=frozen.item.pk)
    revision = item.revision - 1 if stale else item.revision
    with pytest.raises(MinutesFrozenError, match=FROZEN):
        content_save(obj=item, revision=revision, changes={"body": "Endret"})
    assert AgendaItem.objects.get(pk=item.pk).body != "Endret"


def test_content_save_leaves_the_object_it_was_given_alone(next_meeting_cast):
    item = AgendaItem.objects.select_related("meeting").get(
        pk=next_meeting_cast.item.pk
    )
    loaded = item.revision
    saved = content_save(obj=item, revision=loaded, changes={"body": "Ny"})
    assert (saved.body, saved.revision) == ("Ny", loaded + 1)
    assert (item.body, item.revision) != ("Ny", loaded + 1)
    with pytest.raises(EditConflict):
        content_save(obj=item, revision=loaded, changes={"body": "Annen"})


@pytest.mark.django_db(transaction=True)
def test_the_check_belongs_inside_a_transaction():
    with pytest.raises(transaction.TransactionManagementError):
        with meeting_editable(1):
            pass
