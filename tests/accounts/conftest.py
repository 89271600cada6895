"""Login security, with the world's personas (tests/world.py).

Alice serves council A's secretariat, so she always needs a second factor. Bob is a
member of council A, which does not ask members for one unless the council says so.
Oscar is the operator, an administrator. Each logs in through the real login form
with a plain django.test.Client, never force_login, so the second step is really
exercised.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.world import PASSWORD

__all__ = ["PASSWORD", "password_login"]


@pytest.fixture
def visitor():
    """A plain client, as a browser: it logs in through the login form."""
    return Client()


def password_login(client: Client, username: str, password: str = PASSWORD, **extra):
    return client.post(
        reverse("login"), {"username": username, "password": password}, **extra
    )
