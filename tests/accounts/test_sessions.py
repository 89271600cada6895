"""Sessions: a new key at login, an idle timeout, secure cookies in production, and
"log out everywhere"."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from tests.accounts.conftest import password_login
from tests.otp import confirmed_totp_device, current_code

ROOT = Path(__file__).resolve().parents[2]


def test_logging_in_gives_the_session_a_new_key(visitor, world):
    visitor.get(reverse("login"))
    session = visitor.session
    session["before_login"] = True  # an anonymous session with a key
    session.save()
    before = session.session_key

    password_login(visitor, "bob")

    assert visitor.session.session_key != before
    assert not Session.objects.filter(session_key=before).exists()


def test_sessions_end_after_eight_idle_hours_not_eight_hours_after_login():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_every_request_pushes_the_idle_timeout_forward(visitor, world):
    password_login(visitor, "bob")
    key = visitor.session.session_key
    first = Session.objects.get(session_key=key).expire_date
    Session.objects.filter(session_key=key).update(
        expire_date=first - settings.SESSION_COOKIE_AGE / 2 * _second()
    )
    visitor.get(reverse("accounts:account"))
    assert Session.objects.get(session_key=key).expire_date >= first


def _second():
    import datetime

    return datetime.timedelta(seconds=1)


def test_production_cookies_are_secure_and_http_only():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SAMESITE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "minutes.example.org",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "Lax", "Lax"]


def test_alice_logs_out_everywhere_and_her_other_browser_is_logged_out(world):
    alice = world.secretariat_a
    device = confirmed_totp_device(alice)
    laptop, phone = Client(), Client()
    for browser in (laptop, phone):
        password_login(browser, "alice")
        browser.post(
            reverse("accounts:otp_verify"), {"code": current_code(device), "next": "/"}
        )
        device.refresh_from_db()
        device.last_t = -1  # the test reuses one code for both browsers
        device.save()
        assert browser.get("/arbeid/").status_code == 200
    # Cecilie, of council B's secretariat, is logged in elsewhere.
    stranger = world.client("secretariat_b")

    response = laptop.post(reverse("accounts:logout_everywhere"))

    assert response["Location"] == reverse("login")
    page = laptop.get(response["Location"]).content.decode()
    assert "Du er logget ut på alle enheter" in page
    for browser in (laptop, phone):
        response = browser.get("/arbeid/")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    # Other people's sessions are left alone.
    assert stranger.get(reverse("accounts:account")).status_code == 200


def test_log_out_everywhere_accepts_only_post(client, world):
    client.force_login(world.secretariat_a)
    assert client.get(reverse("accounts:logout_everywhere")).status_code == 405


def test_the_account_page_links_every_security_action(client, world):
    client.force_login(world.secretariat_a)
    page = client.get(reverse("accounts:account")).content.decode()
    assert "Tofaktorinnlogging er slått på." in page
    for name in [
        "password_change",
        "accounts:otp_setup",
        "accounts:recovery_codes",
        "accounts:logout_everywhere",
    ]:
        assert reverse(name) in page
    assert "Logg ut overalt" in page


def test_bob_is_offered_two_factor_authentication_on_his_account_page(visitor, world):
    password_login(visitor, "bob")
    page = visitor.get(reverse("accounts:account")).content.decode()
    assert "Tofaktorinnlogging er ikke slått på" in page
    assert reverse("accounts:otp_setup") in page


def test_the_account_page_needs_a_login(visitor, db):
    response = visitor.get(reverse("accounts:account"))
    assert response["Location"].startswith(reverse("login"))


def test_every_page_links_a_logged_in_user_to_the_account_page(client, world):
    client.force_login(world.member_a)
    assert f'href="{reverse("accounts:account")}"' in client.get("/").content.decode()
