"""Two editors saving the same field at the same moment: one wins, the other gets the
conflict. On PostgreSQL the second save waits for the first one's row lock and then
re-checks the revision; SQLite runs one writer at a time anyway."""

import threading
import time

import pytest
from django.db import connection, transaction

from minutes.models import AgendaItem
from minutes.services.editing import EditConflict, content_save
from tests.factories import CouncilFactory, make_meeting

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Needs two connections to one database that lock rows: PostgreSQL.",
    ),
    pytest.mark.django_db(transaction=True),
]


def load(pk):
    return AgendaItem.objects.select_related("meeting", "meeting__council").get(pk=pk)


def test_the_second_of_two_simultaneous_saves_gets_the_conflict():
    meeting = make_meeting(CouncilFactory())
    item = meeting.items.first()
    loaded = item.revision
    outcome = {}

    def bob_saves():
        try:
            content_save(obj=load(item.pk), revision=loaded, changes={"body": "Bob"})
            outcome["bob"] = "saved"
        except EditConflict as conflict:
            outcome["bob"] = conflict.current.body
        finally:
            connection.close()

    with transaction.atomic():
        content_save(obj=load(item.pk), revision=loaded, changes={"body": "Alice"})
        bob = threading.Thread(target=bob_saves)
        bob.start()
        time.sleep(0.5)  # Bob's save is now waiting for Alice's row lock.
    bob.join(timeout=10)
    assert outcome == {"bob": "Alice"}
    assert AgendaItem.objects.get(pk=item.pk).body == "Alice"
