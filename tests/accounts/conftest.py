"""Personas for login security.

Alice serves Testrådet's secretariat, so she always needs a second factor. Bob is a
member of Testrådet, which does not ask members for one unless the council says so.
Dave is an administrator. Each logs in through the real login form with a plain
django.test.Client, never force_login, so the second step is really exercised.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory, PersonFactory, UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def alice(council):
    user = UserFactory(username="alice", email="alice@example.org")
    council.secretariat_users.add(user)
    return user


@pytest.fixture
def bob(council):
    user = UserFactory(username="bob", email="bob@example.org")
    MembershipFactory(council=council, person=PersonFactory(name="Bob", user=user))
    return user


@pytest.fixture
def dave(db):
    return UserFactory(username="dave", is_staff=True, is_superuser=True)


@pytest.fixture
def visitor():
    """A plain client, as a browser: it logs in through the login form."""
    return Client()


def password_login(client: Client, username: str, password: str = PASSWORD, **extra):
    return client.post(
        reverse("login"), {"username": username, "password": password}, **extra
    )
