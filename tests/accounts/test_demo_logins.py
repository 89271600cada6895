"""The demo's secretariat and administrator logins use a fixed, printed authenticator
secret; the demo member logs in with a password."""

import base64
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from ops import demo_data
from tests.accounts.conftest import password_login


@pytest.fixture
def demo_output(db):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def app_code() -> str:
    """What an authenticator app given the printed secret shows now."""
    return f"{totp(base64.b32decode(demo_data.TOTP_SECRET)):06d}"


def test_load_demo_prints_the_authenticator_secret(demo_output):
    assert f"two-factor secret: {demo_data.TOTP_SECRET}" in demo_output
    # sekretariat, admin and sekretariat-fjordvik
    assert demo_output.count(demo_data.TOTP_SECRET) == 3


def test_the_demo_secretariat_logs_in_with_password_and_app_code(demo_output):
    visitor = Client()
    password_login(visitor, "sekretariat", "demo-sekretariat")
    response = visitor.get(reverse("workspace:dashboard"))
    assert response["Location"].startswith(reverse("accounts:otp_verify"))

    response = visitor.post(
        reverse("accounts:otp_verify"), {"code": app_code(), "next": "/arbeid/"}
    )

    assert response["Location"] == "/arbeid/"
    assert visitor.get("/arbeid/").status_code == 200


def test_the_demo_member_needs_only_a_password(demo_output):
    visitor = Client()
    password_login(visitor, "medlem", "demo-medlem")
    assert visitor.get(reverse("review:index")).status_code == 200
