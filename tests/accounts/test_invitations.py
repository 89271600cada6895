"""Invitations and enrolments: the only ways a login is made or gets an app.

A password alone never enrols a device: a login that needs a second factor and has
none is told whom to ask, and whoever has the password cannot set one up.
"""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import invitations
from accounts.models import Invitation
from council.models import Person
from tests.accounts.conftest import PASSWORD, password_login
from tests.otp import confirmed_totp_device

NEW_PASSWORD = "Et langt og godt passord 2026"


def code_for(invitation: Invitation) -> str:
    invitation.refresh_from_db()
    value = totp(bytes.fromhex(invitation.totp_key))
    return f"{value:06d}"


def invite_secretary(world, by=None, email="siri@example.org"):
    return invitations.invitation_create(
        by=by or world.operator,
        council=world.council_a,
        role=Invitation.Role.SECRETARIAT,
        email=email,
        name="Siri Sekretær",
    )


def accept_url(token: str) -> str:
    return reverse("accounts:invitation", args=[token])


def test_a_new_secretary_accepts_with_password_and_app_in_one_step(
    visitor, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = invite_secretary(world)
    assert len(mail.outbox) == 1
    assert accept_url(token) in mail.outbox[0].body
    assert "7 dager" in mail.outbox[0].body

    page = visitor.get(accept_url(token))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Siri Sekretær" in html and "Testrådet" in html
    assert 'src="data:image/svg+xml;base64,' in html
    secret = re.search(r'id="otp-secret">([A-Z2-7 ]+)<', html).group(1)
    assert len(secret.replace(" ", "")) == 32

    response = visitor.post(
        accept_url(token),
        {
            "username": "siri",
            "password": NEW_PASSWORD,
            "password_again": NEW_PASSWORD,
            "code": code_for(invitation),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:recovery_codes")
    siri = get_user_model().objects.get(username="siri")
    assert siri.check_password(NEW_PASSWORD)
    assert not siri.is_staff and not siri.is_superuser
    assert world.council_a.secretariat_users.filter(pk=siri.pk).exists()
    assert Person.objects.get(user=siri).name == "Siri Sekretær"
    assert TOTPDevice.objects.filter(user=siri, confirmed=True).count() == 1
    # Logged in with both factors: the workspace opens at once.
    assert visitor.get("/arbeid/").status_code == 200
    # The link works once.
    again = visitor.get(accept_url(token))
    assert again.status_code == 410
    assert "allerede brukt" in again.content.decode()


def test_nothing_is_made_when_a_field_is_wrong(visitor, world):
    invitation, token = invite_secretary(world)
    response = visitor.post(
        accept_url(token),
        {
            "username": "siri",
            "password": NEW_PASSWORD,
            "password_again": NEW_PASSWORD,
            "code": "000000" if code_for(invitation) != "000000" else "111111",
        },
    )
    assert response.status_code == 200
    assert "Koden stemmer ikke" in response.content.decode()
    assert not get_user_model().objects.filter(username="siri").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None

    weak = visitor.post(
        accept_url(token),
        {
            "username": "alice",
            "password": "kort",
            "password_again": "kort",
            "code": code_for(invitation),
        },
    )
    html = weak.content.decode()
    assert "Brukernavnet er tatt" in html
    assert "for kort" in html
    assert not Person.objects.get(name="Siri Sekretær").user_id


def test_a_link_that_is_changed_old_resent_or_revoked_does_not_work(visitor, world):
    invitation, token = invite_secretary(world)
    assert visitor.get(accept_url(token[:-2] + "xx")).status_code == 410
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        old = visitor.get(accept_url(token))
        assert old.status_code == 410
        assert "for gammel" in old.content.decode()

    new_token = invitations.invitation_resend(by=world.operator, invitation=invitation)
    replaced = visitor.get(accept_url(token))
    assert "erstattet av en nyere" in replaced.content.decode()
    assert visitor.get(accept_url(new_token)).status_code == 200

    invitations.invitation_revoke(by=world.operator, invitation=invitation)
    revoked = visitor.get(accept_url(new_token))
    assert revoked.status_code == 410
    assert "trukket tilbake" in revoked.content.decode()


def test_only_the_councils_secretariat_and_the_operator_invite(world):
    invite_secretary(world, by=world.secretariat_a, email="a@example.org")
    for outsider in (world.secretariat_b, world.member_a, world.staff):
        with pytest.raises(PermissionDenied):
            invite_secretary(world, by=outsider, email="b@example.org")
    invitation, _token = invite_secretary(world, email="c@example.org")
    with pytest.raises(PermissionDenied):
        invitations.invitation_revoke(by=world.secretariat_b, invitation=invitation)


def test_a_member_invitation_needs_a_seat_and_no_login(world):
    from django.core.exceptions import ValidationError

    stranger = Person.objects.create(name="Ukjent Person")
    with pytest.raises(ValidationError, match="plass i rådet"):
        invitations.invitation_create(
            by=world.secretariat_a,
            council=world.council_a,
            role=Invitation.Role.MEMBER,
            email="x@example.org",
            person=stranger,
        )
    # Bob already has a login.
    with pytest.raises(ValidationError, match="allerede en innlogging"):
        invitations.invitation_create(
            by=world.secretariat_a,
            council=world.council_a,
            role=Invitation.Role.MEMBER,
            email="bob@example.org",
            person=world.member_a.person,
        )


def test_a_member_of_a_council_without_the_2fa_rule_gets_a_password_only(
    visitor, world
):
    from tests.world import add_member

    add_member(world.council_a, "tmp", name="Mona Medlem")
    mona = Person.objects.get(name="Mona Medlem")
    mona.user.delete()
    mona.refresh_from_db()
    _invitation, token = invitations.invitation_create(
        by=world.secretariat_a,
        council=world.council_a,
        role=Invitation.Role.MEMBER,
        email="mona@example.org",
        person=mona,
    )
    page = visitor.get(accept_url(token)).content.decode()
    assert "QR-kode" not in page
    response = visitor.post(
        accept_url(token),
        {"username": "mona", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
    )
    assert response.status_code == 302
    mona.refresh_from_db()
    assert mona.user.username == "mona"
    assert not TOTPDevice.objects.filter(user=mona.user).exists()


def test_a_password_alone_never_sets_up_an_app(visitor, world):
    """Alice needs a second factor and has no app: with her password she reaches
    neither the set-up page nor anything else, only the page that says whom to ask."""
    password_login(visitor, "alice")
    for path in ["/arbeid/", "/", reverse("accounts:account"), "/admin/"]:
        response = visitor.get(path)
        assert response["Location"].startswith(reverse("accounts:otp_missing")), path
    response = visitor.get(reverse("accounts:otp_setup"))
    assert response["Location"].startswith(reverse("accounts:otp_missing"))
    response = visitor.post(reverse("accounts:otp_setup"), {"code": "123456"})
    assert response["Location"].startswith(reverse("accounts:otp_missing"))
    assert not TOTPDevice.objects.filter(user=world.secretariat_a).exists()
    page = visitor.get(reverse("accounts:otp_missing")).content.decode()
    assert "Be sekretariatet" in page


def test_a_lost_phone_is_replaced_with_an_enrolment_link_and_the_password(
    visitor, world
):
    alice = world.secretariat_a
    old = confirmed_totp_device(alice)
    invitation, token = invitations.enrolment_create(
        by=world.operator, user=alice, council=world.council_a
    )
    page = visitor.get(accept_url(token)).content.decode()
    assert "Brukernavn" not in page and "alice" in page

    wrong = visitor.post(
        accept_url(token), {"password": "feil passord", "code": code_for(invitation)}
    )
    assert "Passordet stemmer ikke" in wrong.content.decode()
    assert TOTPDevice.objects.filter(pk=old.pk).exists()

    response = visitor.post(
        accept_url(token), {"password": PASSWORD, "code": code_for(invitation)}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    new = TOTPDevice.objects.get(user=alice)
    assert new.key == invitation.totp_key
    # The code used to enrol does not log in again.
    other = type(visitor)()
    password_login(other, "alice")
    reused = other.post(
        reverse("accounts:otp_verify"), {"code": code_for(invitation), "next": "/"}
    )
    assert "Koden stemmer ikke" in reused.content.decode()


def test_a_secretariat_sends_enrolment_links_for_its_own_people_only(world):
    invitations.enrolment_create(
        by=world.secretariat_a, user=world.member_a, council=world.council_a
    )
    for target in (world.member_b, world.operator, world.secretariat_b):
        with pytest.raises(PermissionDenied):
            invitations.enrolment_create(
                by=world.secretariat_a, user=target, council=world.council_a
            )


def test_the_operators_command_prints_an_enrolment_link(world):
    from io import StringIO

    out = StringIO()
    call_command("enrolment_link", "oscar", stdout=out)
    assert "/konto/invitasjon/" in out.getvalue()
    assert Invitation.objects.filter(
        user=world.operator, kind=Invitation.Kind.ENROLMENT
    ).exists()


def test_guessing_codes_on_a_link_is_stopped(visitor, world):
    invitation, token = invite_secretary(world)
    right = code_for(invitation)
    wrong = "000000" if right != "000000" else "111111"
    data = {
        "username": "siri",
        "password": NEW_PASSWORD,
        "password_again": NEW_PASSWORD,
    }
    for _ in range(invitations_attempts()):
        visitor.post(accept_url(token), {**data, "code": wrong})
    response = visitor.post(accept_url(token), {**data, "code": right})
    assert "For mange feil forsøk" in response.content.decode()
    assert not get_user_model().objects.filter(username="siri").exists()


def invitations_attempts() -> int:
    from accounts.views import INVITATION_ATTEMPTS

    return INVITATION_ATTEMPTS


def test_deactivated_logins_cannot_log_in_and_lose_their_sessions(world):
    from django.test import Client

    bob = Client()
    bob.force_login(world.member_a)
    invitations.login_deactivate(
        by=world.secretariat_a, council=world.council_a, user=world.member_a
    )
    assert bob.get(reverse("accounts:account")).status_code == 302
    world.member_a.refresh_from_db()
    assert not world.member_a.is_active
    with pytest.raises(PermissionDenied):
        invitations.login_deactivate(
            by=world.secretariat_b, council=world.council_b, user=world.member_a
        )
