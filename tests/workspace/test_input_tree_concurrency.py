"""Two secretaries indent neighbouring inputs at the same moment.

Each request reads the item's inputs and picks the input above as the new parent. Run
side by side without a lock, both read the list as it was: one input becomes the
parent of the other while itself becoming a sub-bullet, a tree two levels deep (or a
cycle) that the readers used to drop. The tree operations lock the item first, so
the second request reads the first one's result and either indents under the right
parent or is refused.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from minutes.document import MinutesDocument
from minutes.models import Input
from minutes.services.editing import input_add

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Needs two connections to one database that lock rows at the same "
        "time: PostgreSQL. SQLite runs one writer at a time, so the race cannot "
        "happen there.",
    ),
    pytest.mark.django_db(transaction=True),
]

ROUNDS = 5


def indent_both_at_once(alice, entries: list[Input]) -> list[int]:
    """POST «indent» for every entry, each from its own thread, client and
    connection, released together by a barrier."""
    barrier = threading.Barrier(len(entries))
    statuses: list[int] = []
    errors: list[BaseException] = []

    def indent(entry: Input) -> None:
        try:
            client = Client()
            client.force_login(alice)
            url = reverse("workspace:input_action", args=[entry.pk])
            barrier.wait(timeout=10)
            statuses.append(client.post(url, {"action": "indent"}).status_code)
        except BaseException as error:  # noqa: BLE001 - reported in the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=indent, args=(e,)) for e in entries]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return statuses


def test_simultaneous_indents_leave_a_tree_that_shows_every_input(
    world, alice_client, meeting, item
):
    for round_ in range(ROUNDS):
        Input.objects.filter(item=item).delete()
        top = input_add(item=item, text=f"Øverst {round_}")
        first = input_add(item=item, text=f"Første nabo {round_}")
        second = input_add(item=item, text=f"Andre nabo {round_}")

        statuses = indent_both_at_once(world.secretariat_a, [first, second])

        assert statuses == [302, 302]
        rows = {e.pk: e for e in Input.objects.filter(item=item)}
        for entry in rows.values():
            if entry.parent_id is not None:
                parent = rows[entry.parent_id]
                # No cycle, no input its own parent, one level of sub-bullets only.
                assert parent.pk != entry.pk
                assert parent.parent_id is None, (round_, entry.text, parent.text)
        texts = {e.text for e in rows.values()}
        assert texts == {top.text, first.text, second.text}

        html = alice_client.get(
            reverse("workspace:minute", args=[meeting.pk])
        ).content.decode()
        document = MinutesDocument.from_rows(meeting)
        shown = next(i for i in document.items if i.id == item.pk)
        in_document = [e.text for e in shown.inputs] + [
            child.text for e in shown.inputs for child in e.children
        ]
        for text in texts:
            assert text in html, (round_, text)
        assert sorted(in_document) == sorted(texts), round_
