import pytest
from django.db import transaction
from django.test import Client, override_settings

from tests.security.world import PERSONAS, build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two councils built once per module (building approves minutes, which renders
    a PDF), inside a transaction that is rolled back when the module is done. Each
    test still runs in its own savepoint through the `db` fixture."""
    media = tmp_path_factory.mktemp("media")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=fast):
        with django_db_blocker.unblock(), transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)


@pytest.fixture
def clients(db, world) -> dict[str, Client]:
    """One browser per persona; logged in (second factor included, see tests/otp.py)
    except the anonymous one."""
    clients = {}
    for persona in PERSONAS:
        client = Client()
        if persona != "anonymous":
            client.force_login(world.users[persona])
        clients[persona] = client
    return clients
