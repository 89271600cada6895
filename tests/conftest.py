import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
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


@pytest.fixture(autouse=True, scope="session")
def tasks_run_at_once():
    """Queued tasks (the outbox's mail, core/outbox.py) run at once, in the test's
    process, with django-tasks's immediate backend: tests see their mail in
    mail.outbox. The mail-outage test uses the database backend and a worker."""
    from django.test import override_settings

    with override_settings(
        TASKS={
            "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
        }
    ):
        yield


@pytest.fixture(autouse=True)
def on_commit_as_in_production(monkeypatch):
    """transaction.on_commit() callbacks run when the code under test commits, as
    they do in production, and not never (a test's own transaction is rolled back,
    so Django would otherwise drop them): a callback registered outside the code's
    own atomic blocks runs at once (autocommit), one registered inside them runs when
    the outermost of them ends without an error. Tests that wrap code in
    django_capture_on_commit_callbacks still work: the callbacks have run by then."""
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.transaction import Atomic

    def only_test_blocks(connection) -> bool:
        return connection.in_atomic_block and all(
            getattr(block, "_from_testcase", False)
            for block in connection.atomic_blocks
        )

    def run(connection) -> None:
        while connection.run_on_commit and not connection.needs_rollback:
            _sids, func, robust = connection.run_on_commit.pop(0)
            if robust:
                try:
                    func()
                except Exception:  # as Django's robust callbacks: logged, not raised
                    import logging

                    logging.getLogger("django.db.backends.base").exception(
                        "on_commit callback failed"
                    )
            else:
                func()

    original_on_commit = BaseDatabaseWrapper.on_commit
    original_exit = Atomic.__exit__

    def on_commit(self, func, robust=False):
        original_on_commit(self, func, robust)
        if only_test_blocks(self):
            run(self)

    def exit_(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        connection = connections[self.using or DEFAULT_DB_ALIAS]
        if exc_type is None and only_test_blocks(connection):
            run(connection)
        return result

    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)
    monkeypatch.setattr(Atomic, "__exit__", exit_)


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


# The demo (`manage.py load_demo`, both demo councils), for the modules that read it.


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker, tmp_path_factory):
    """Loads the demo once for the module, in a transaction rolled back at its end.

    Each test still runs in its own savepoint, so what one test changes the next does
    not see. Uploads go to a temporary folder; a fast hasher keeps the logins cheap.
    """
    fast_hasher = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("media"), PASSWORD_HASHERS=fast_hasher
        ),
        transaction.atomic(),
    ):
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output, db) -> str:
    return demo_output
