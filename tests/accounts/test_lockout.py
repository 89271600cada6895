"""Guessing passwords: five wrong tries lock that username from that address for 15
minutes, with a plain Norwegian page instead of a bare error."""

import datetime

import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.accounts.conftest import password_login


def fail(client, username="alice", times=5, **extra):
    for _ in range(times):
        response = password_login(client, username, "wrong password", **extra)
    return response


def test_four_wrong_passwords_still_let_alice_in(visitor, world):
    fail(visitor, times=4)
    response = password_login(visitor, "alice")
    assert response.status_code == 302
    assert "_auth_user_id" in visitor.session


def test_the_fifth_wrong_password_locks_alice_out_in_norwegian(visitor, world):
    response = fail(visitor)

    assert response.status_code == 429
    page = response.content.decode()
    assert "Innloggingen er sperret etter for mange feil passord" in page
    assert "Vent 15 minutter før du prøver igjen" in page
    assert reverse("password_reset") in page

    # Now even the right password is refused.
    response = password_login(visitor, "alice")
    assert response.status_code == 429
    assert "_auth_user_id" not in visitor.session


def test_the_lockout_ends_fifteen_minutes_after_the_last_try(visitor, world):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        fail(visitor)
        clock.shift(datetime.timedelta(minutes=14))
        assert password_login(visitor, "alice").status_code == 429
        # That try started the wait again.
        clock.shift(datetime.timedelta(minutes=14))
        assert password_login(visitor, "alice").status_code == 429
        clock.shift(datetime.timedelta(minutes=16))
        assert password_login(visitor, "alice").status_code == 302


def test_the_lockout_is_per_username_and_address(visitor, world):
    fail(visitor, username="alice")

    assert password_login(visitor, "bob").status_code == 302
    other_address = type(visitor)(REMOTE_ADDR="192.0.2.7")
    assert password_login(other_address, "alice").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(visitor, world):
    fail(visitor)
    response = password_login(visitor, "alice", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert response.status_code == 429


def test_the_admin_login_is_locked_out_too(visitor, world):
    for _ in range(5):
        response = visitor.post(
            reverse("admin:login"),
            {"username": world.operator.username, "password": "nope"},
        )
    assert response.status_code == 429
