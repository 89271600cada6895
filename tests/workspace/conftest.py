"""Personas for the workspace tests.

Alice serves Testrådet's secretariat. Bob is a member of Testrådet. Charlie serves
another council's secretariat. Anonymous users are not logged in.
"""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    CouncilFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
    make_meeting,
)

PASSWORD = "correct horse battery"


@pytest.fixture
def alice(council):
    user = UserFactory(username="alice", first_name="Alice", last_name="Sekretær")
    council.secretariat_users.add(user)
    return user


@pytest.fixture
def bob(council):
    user = UserFactory(username="bob", first_name="Bob")
    person = PersonFactory(name="Bob Medlem", user=user, email="bob@example.org")
    MembershipFactory(council=council, person=person)
    return user


@pytest.fixture
def charlie(db):
    user = UserFactory(username="charlie")
    CouncilFactory(
        name="Det andre rådet", slug="det-andre-radet"
    ).secretariat_users.add(user)
    return user


@pytest.fixture
def meeting(council):
    return make_meeting(
        council=council, date=timezone.localdate() + datetime.timedelta(days=14)
    )


@pytest.fixture
def item(meeting):
    return meeting.items.get(standard="secretariat_info")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


def json_post(client, url, data):
    return client.post(url, data, HTTP_ACCEPT="application/json")
