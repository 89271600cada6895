"""The language cookie, set by the language switch in the header, goes only over
HTTPS in production, is not sent along by other sites' forms or scripts (SameSite=Lax)
and is not readable from JavaScript, which never needs it."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_the_language_switch_sets_a_lax_http_only_cookie(client, settings):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
    # Tests run with DEBUG=1 settings, over plain http: Secure is the next test.


def test_in_production_the_language_cookie_is_secure():
    code = (
        "from django.conf import settings; from django.test import Client; "
        "r = Client().post('/i18n/setlang/', {'language': 'en', 'next': '/'}, "
        "secure=True, headers={'host': 'minutes.example.org'}); "
        "c = r.cookies[settings.LANGUAGE_COOKIE_NAME]; "
        "print(r.status_code, c.value, c['secure'] is True, c['samesite'], "
        "c['httponly'] is True)"
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
    assert result.stdout.split()[-5:] == ["302", "en", "True", "Lax", "True"]
