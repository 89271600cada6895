"""Guessing passwords across many user names from one address: django-axes locks a
user name at one address after five wrong tries, so four tries each on thirty names
never met it. After 30 failed logins from one address in 15 minutes, that address may
not try again, as anyone, until the window ends."""

import time

import time_machine
from django.test import Client
from django.urls import reverse

from tests.accounts.conftest import password_login

REFUSED = "For mange mislykkede innlogginger fra din adresse"


def window_start(seconds: int = 15 * 60) -> int:
    """The start of a coming window, so a whole test runs inside one."""
    return (int(time.time()) // seconds + 1) * seconds


def test_thirty_names_times_four_wrong_passwords_shut_the_address_out(visitor, world):
    start = window_start()
    with time_machine.travel(start, tick=False):
        statuses = [
            password_login(visitor, f"guess{n}", "wrong password").status_code
            for n in range(30)
            for _ in range(4)
        ]
        # The first 30 failures get the login form back; the other 90 are refused.
        assert statuses == [200] * 30 + [429] * 90

        # Refused before the password is looked at: even Alice's right one.
        response = password_login(visitor, "alice")
        assert response.status_code == 429
        assert "_auth_user_id" not in visitor.session
        assert REFUSED in response.content.decode()
        assert response["Retry-After"] == str(15 * 60)

        # Another address is not affected.
        other = Client(REMOTE_ADDR="192.0.2.7")
        assert password_login(other, "alice").status_code == 302

    with time_machine.travel(start + 15 * 60, tick=False):
        assert password_login(visitor, "alice").status_code == 302


def test_a_successful_login_does_not_count(world, settings):
    settings.LOGIN_ADDRESS_LIMIT = 3
    with time_machine.travel(window_start(), tick=False):
        for _ in range(5):
            assert password_login(Client(), "bob").status_code == 302
        for n in range(2):
            assert password_login(Client(), f"guess{n}", "nope").status_code == 200
        assert password_login(Client(), "bob").status_code == 302
        assert password_login(Client(), "guess2", "nope").status_code == 200
        assert password_login(Client(), "bob").status_code == 429


def test_the_admin_login_counts_and_is_refused_too(visitor, world, settings):
    settings.LOGIN_ADDRESS_LIMIT = 2
    admin_login = reverse("admin:login")
    with time_machine.travel(window_start(), tick=False):
        for n in range(2):
            response = visitor.post(
                admin_login, {"username": f"guess{n}", "password": "nope"}
            )
            assert response.status_code == 200
        response = visitor.post(
            admin_login,
            {"username": world.operator.username, "password": "nope"},
        )
        assert response.status_code == 429
        assert password_login(visitor, "bob").status_code == 429


def test_the_window_is_a_setting(visitor, world, settings):
    settings.LOGIN_ADDRESS_LIMIT = 2
    settings.LOGIN_ADDRESS_WINDOW = 60
    start = window_start(60)
    with time_machine.travel(start, tick=False):
        for n in range(2):
            password_login(visitor, f"guess{n}", "nope")
        assert password_login(visitor, "bob").status_code == 429
    with time_machine.travel(start + 60, tick=False):
        assert password_login(visitor, "bob").status_code == 302


def test_zero_turns_the_limit_off(visitor, world, settings):
    settings.LOGIN_ADDRESS_LIMIT = 0
    with time_machine.travel(window_start(), tick=False):
        for n in range(10):
            for _ in range(4):
                assert password_login(visitor, f"guess{n}", "nope").status_code == 200
        assert password_login(visitor, "alice").status_code == 302
