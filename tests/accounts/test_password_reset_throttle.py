"""Asking for a new password is limited per address and per e-mail address, five an
hour each. The form never tells whether an account exists: past the limit for one
e-mail address nothing more is sent, but the answer is the same «check your e-mail»
page; only one address asking too often is told to wait."""

import time

import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

HOUR = 60 * 60


def hour_start() -> int:
    """The start of a coming hour, so a whole test runs inside one window."""
    return (int(time.time()) // HOUR + 1) * HOUR


def ask(client: Client, email: str):
    return client.post(reverse("password_reset"), {"email": email})


def test_many_requests_for_bobs_address_send_him_five_mails(world):
    with time_machine.travel(hour_start(), tick=False):
        # From ten addresses, so only the limit per e-mail address is met.
        responses = [
            ask(Client(REMOTE_ADDR=f"192.0.2.{n}"), "bob@example.org")
            for n in range(10)
        ]
    assert all(r["Location"] == reverse("password_reset_done") for r in responses)
    assert len(mail.outbox) == 5
    assert {tuple(m.to) for m in mail.outbox} == {("bob@example.org",)}


def test_the_limit_per_email_ignores_case(world):
    with time_machine.travel(hour_start(), tick=False):
        for n, email in enumerate(["bob@example.org", "BOB@example.org"] * 4):
            ask(Client(REMOTE_ADDR=f"192.0.2.{n}"), email)
    assert len(mail.outbox) == 5


def test_bob_can_ask_again_the_next_hour(world):
    start = hour_start()
    with time_machine.travel(start, tick=False):
        for n in range(6):
            ask(Client(REMOTE_ADDR=f"192.0.2.{n}"), "bob@example.org")
    with time_machine.travel(start + HOUR, tick=False):
        ask(Client(REMOTE_ADDR="192.0.2.99"), "bob@example.org")
    assert len(mail.outbox) == 6


def test_one_address_asking_too_often_is_told_to_wait(visitor, world):
    start = hour_start()
    with time_machine.travel(start, tick=False):
        for n in range(5):
            response = ask(visitor, f"someone{n}@example.org")
            assert response["Location"] == reverse("password_reset_done")
        response = ask(visitor, "bob@example.org")

        assert response.status_code == 429
        assert response["Retry-After"] == str(HOUR)
        assert "Du har bedt om nytt passord mange ganger" in response.content.decode()
        assert mail.outbox == []

        # Another address is not affected.
        other = Client(REMOTE_ADDR="192.0.2.7")
        assert ask(other, "bob@example.org")["Location"] == reverse(
            "password_reset_done"
        )
        assert len(mail.outbox) == 1

        # Only asking counts: the form itself can still be read.
        assert visitor.get(reverse("password_reset")).status_code == 200


def test_an_unknown_address_gets_the_same_page_as_a_known_one(world):
    with time_machine.travel(hour_start(), tick=False):
        known = ask(Client(REMOTE_ADDR="192.0.2.1"), "bob@example.org")
        unknown = ask(Client(REMOTE_ADDR="192.0.2.2"), "nobody@example.org")
        assert known.status_code == unknown.status_code == 302
        assert known["Location"] == unknown["Location"]
        # And past the limit for Bob, still the same page.
        for n in range(10, 20):
            past_limit = ask(Client(REMOTE_ADDR=f"192.0.2.{n}"), "bob@example.org")
        assert past_limit.status_code == 302
        assert past_limit["Location"] == known["Location"]
    assert len(mail.outbox) == 5


def test_zero_turns_the_limits_off(visitor, world, settings):
    settings.PASSWORD_RESET_LIMIT = 0
    with time_machine.travel(hour_start(), tick=False):
        for _ in range(8):
            assert ask(visitor, "bob@example.org").status_code == 302
    assert len(mail.outbox) == 8
