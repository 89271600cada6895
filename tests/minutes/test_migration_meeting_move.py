"""A database from before Meeting and Attendance moved to minutes/ migrates with its
data in place: the move changes Django's state only, never a table."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("council", "0002_person_language"), ("minutes", "0007_input_listing_index")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_populated_database_from_before_the_move_keeps_its_meetings():
    old = _migrate(BEFORE)
    council = old.get_model("council", "Council").objects.create(
        name="Eldrerådet", slug="eldreradet"
    )
    organisation = old.get_model("council", "Organisation").objects.create(
        name="Fjordvik kommune", slug="fjordvik-kommune"
    )
    person = old.get_model("council", "Person").objects.create(name="Kari Nordmann")
    membership = old.get_model("council", "Membership").objects.create(
        council=council, person=person, organisation=organisation
    )
    meeting = old.get_model("council", "Meeting").objects.create(
        council=council, year=2024, number=3, date=datetime.date(2024, 5, 2)
    )
    old.get_model("council", "Attendance").objects.create(
        meeting=meeting, person=person, membership=membership, status="absent"
    )
    item = old.get_model("minutes", "AgendaItem").objects.create(
        meeting=meeting, council=council, year=2024, number=14, title="Budsjett"
    )
    old.get_model("minutes", "Minutes").objects.create(meeting=meeting)

    executor = MigrationExecutor(connection)
    _migrate(executor.loader.graph.leaf_nodes())

    from django.contrib.contenttypes.models import ContentType

    from minutes.models import AgendaItem, Attendance, Meeting

    moved = Meeting.objects.get(pk=meeting.pk)
    assert moved.number_label == "3/2024"
    assert moved.council.slug == "eldreradet"
    assert AgendaItem.objects.get(pk=item.pk).meeting == moved
    attendance = Attendance.objects.get(meeting=moved)
    assert (attendance.person.name, attendance.status) == ("Kari Nordmann", "absent")
    assert moved.minutes.status == "draft"
    # The models' content types (permissions, admin history) moved with them.
    assert ContentType.objects.get_for_model(Meeting).app_label == "minutes"
    assert not ContentType.objects.filter(app_label="council", model="meeting")
