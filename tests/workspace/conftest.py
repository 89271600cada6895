"""The workspace tests live in the world (tests/world.py): Alice serves council A's
secretariat, Bob is a member of council A, Cecilie serves council B's secretariat and
Charlie is a member of council B. Anonymous users are not logged in.

Here: council A's next meeting and one of its items, and Alice's browser.
"""

import pytest


@pytest.fixture
def meeting(world):
    """Council A's next meeting, two weeks ahead."""
    return world.draft_a


@pytest.fixture
def item(meeting):
    return meeting.items.get(standard="secretariat_info")


@pytest.fixture
def alice_client(client, world):
    """Alice, logged in."""
    client.force_login(world.secretariat_a)
    return client


def json_post(client, url, data):
    return client.post(url, data, HTTP_ACCEPT="application/json")


@pytest.fixture
def clients_for(world):
    """A logged-in client for a persona of the world: clients_for("operator")."""
    from django.test import Client

    def make(persona: str) -> Client:
        client = Client()
        client.force_login(world.user(persona))
        return client

    return make
