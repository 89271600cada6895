import os

import pytest
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.world import World, build_world

# A shared two-core CI machine makes single examples slow now and then; time limits
# would make property tests flaky without finding anything. On Hypothesis's own
# defaults, not on whatever it loaded by itself on seeing a CI variable.
hypothesis_settings.register_profile(
    "project", parent=hypothesis_settings.get_profile("default"), deadline=None
)
# Under CI (CI=true) every run tries the same examples: a failure shows again on the
# next run and a green run stays green, with no example database carried between runs
# and the blob to reproduce a failure printed. Elsewhere examples vary from run to run.
hypothesis_settings.register_profile(
    "ci",
    parent=hypothesis_settings.get_profile("project"),
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# Loaded before any test module, so settings(...) written in a test inherit from it.
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "project")


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Production hashes passwords slowly on purpose; tests only need them to match."""
    from django.test import override_settings

    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    ):
        yield


@pytest.fixture(autouse=True, scope="session")
def private_cache_directory(tmp_path_factory):
    """The default file cache, in a directory of this test run's own, so a server
    running from the same checkout neither sees nor loses what the tests cache."""
    from django.conf import settings
    from django.test import override_settings

    caches = {"default": {**settings.CACHES["default"]}}
    if caches["default"]["BACKEND"].endswith("FileCache"):
        caches["default"]["LOCATION"] = tmp_path_factory.mktemp("cache")
    with override_settings(CACHES=caches):
        yield


@pytest.fixture(autouse=True)
def norwegian():
    """Every test starts in Norwegian bokmål, whatever a request switched to."""
    with translation.override("nb"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached public pages (core/cache.py) never leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def logins_include_the_second_factor(monkeypatch):
    """client.force_login() and client.login() log in fully, code included (see
    tests/otp.py); the real two-step login is tested in tests/accounts/."""
    from django.test import Client

    from tests.otp import verified_force_login, verified_login

    monkeypatch.setattr(Client, "force_login", verified_force_login)
    monkeypatch.setattr(Client, "login", verified_login)


@pytest.fixture
def world(db) -> World:
    """Councils A and B with their secretariats and members, and the operator: the
    personas of tests/world.py, made afresh for each test."""
    return build_world()


@pytest.fixture
def council(world):
    """Council A of the world, Testrådet, for tests about one council."""
    return world.council_a
