"""SQLite (the `make run` default) lets concurrent saves wait for each other instead
of failing with «database is locked»: WAL, so readers never block the writer; a busy
timeout, so a writer waits for the one before; and immediate transactions, so a
transaction takes the write lock when it begins, not halfway through, where SQLite
cannot wait and gives up at once.
"""

import threading
import time

import pytest
from django.conf import settings
from django.db import connections, transaction

ENGINE = settings.DATABASES["default"]["ENGINE"]
on_sqlite = pytest.mark.skipif(
    ENGINE != "django.db.backends.sqlite3",
    reason="SQLite's locking only: PostgreSQL lets concurrent writers wait by itself",
)
WRITERS = 7
ROUNDS = 3


@on_sqlite
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_immediate_transactions():
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 20
    commands = [c.strip() for c in options["init_command"].split(";")]
    assert "PRAGMA journal_mode=WAL" in commands
    assert "PRAGMA synchronous=NORMAL" in commands


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """A SQLite file with the default database's settings, as a second alias: the
    test database may be in memory, where there is no file to share."""
    alias = "concurrency"
    connections.settings[alias] = {
        **connections.settings["default"],
        "NAME": str(tmp_path / "concurrency.sqlite3"),
    }
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (n INTEGER NOT NULL)")
            cursor.execute("INSERT INTO counter VALUES (0)")
        connections[alias].close()
        yield alias
    del connections.settings[alias]


@on_sqlite
def test_seven_concurrent_writers_all_succeed_and_lose_nothing(file_database):
    alias = file_database
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            start.wait()
            for _round in range(ROUNDS):
                # Read, think, write: the pattern of a save that checks a revision.
                with transaction.atomic(using=alias):
                    with connections[alias].cursor() as cursor:
                        cursor.execute("SELECT n FROM counter")
                        (n,) = cursor.fetchone()
                        time.sleep(0.02)
                        cursor.execute("UPDATE counter SET n = %s", [n + 1])
        except BaseException as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connections[alias].close()

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    with connections[alias].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("SELECT n FROM counter")
        assert cursor.fetchone()[0] == WRITERS * ROUNDS
    connections[alias].close()
