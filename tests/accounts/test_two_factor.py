"""A stolen password alone does not open the secretariat's account."""

import re

import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.services import recovery_codes_create, user_requires_2fa
from tests.accounts.conftest import PASSWORD, password_login
from tests.factories import MembershipFactory, PersonFactory, UserFactory
from tests.otp import confirmed_totp_device, current_code

WORKSPACE = "/arbeid/"


def verify(client, code, next_url=WORKSPACE):
    return client.post(reverse("accounts:otp_verify"), {"code": code, "next": next_url})


def test_alice_with_only_her_password_is_sent_to_the_code_page(visitor, world):
    confirmed_totp_device(world.secretariat_a)
    response = password_login(visitor, "alice")
    assert response.status_code == 302

    for path in [WORKSPACE, "/", reverse("accounts:account"), "/admin/"]:
        response = visitor.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("accounts:otp_verify"))

    page = visitor.get(response["Location"]).content.decode()
    assert "sekssifrede koden" in page
    assert 'autocomplete="one-time-code"' in page


def test_alice_gets_in_with_the_code_from_her_app(visitor, world):
    device = confirmed_totp_device(world.secretariat_a)
    password_login(visitor, "alice")

    response = verify(visitor, current_code(device))

    assert response.status_code == 302
    assert response["Location"] == WORKSPACE
    assert visitor.get(WORKSPACE).status_code == 200


def test_a_wrong_code_keeps_alice_out_with_a_norwegian_message(visitor, world):
    device = confirmed_totp_device(world.secretariat_a)
    password_login(visitor, "alice")
    wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"

    response = verify(visitor, wrong)

    assert response.status_code == 200
    assert "Koden stemmer ikke" in response.content.decode()
    assert visitor.get(WORKSPACE).status_code == 302


def test_guessing_codes_is_slowed_down(visitor, world):
    device = confirmed_totp_device(world.secretariat_a)
    password_login(visitor, "alice")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        verify(visitor, "000000" if current_code(device) != "000000" else "111111")
        # Even the right code is refused until the pause is over.
        response = verify(visitor, current_code(device))
        assert "For mange feil forsøk" in response.content.decode()
        clock.shift(5)
        response = verify(visitor, current_code(device))
        assert response.status_code == 302


def test_a_code_cannot_be_used_twice(world):
    from django.test import Client

    device = confirmed_totp_device(world.secretariat_a)
    first, second = Client(), Client()
    password_login(first, "alice")
    password_login(second, "alice")
    code = current_code(device)

    assert verify(first, code).status_code == 302
    assert verify(second, code).status_code == 200


def test_the_session_gets_a_new_key_when_the_code_is_accepted(visitor, world):
    device = confirmed_totp_device(world.secretariat_a)
    password_login(visitor, "alice")
    before = visitor.session.session_key

    verify(visitor, current_code(device))

    assert visitor.session.session_key != before


def test_a_recovery_code_works_once(visitor, world):
    alice = world.secretariat_a
    confirmed_totp_device(alice)
    codes = recovery_codes_create(user=alice)
    assert len(codes) == 10
    password_login(visitor, "alice")

    response = verify(visitor, codes[0].upper())  # case and spaces do not matter
    assert response.status_code == 302
    assert "9 igjen" in visitor.get(WORKSPACE).content.decode()

    other = type(visitor)()
    password_login(other, "alice")
    assert verify(other, codes[0]).status_code == 200
    assert other.get(WORKSPACE).status_code == 302


def test_bob_who_needs_no_code_may_choose_to_set_up_an_app(visitor, world):
    """A login that needs no second factor is fully logged in with its password, and
    may turn one on (a login that needs one gets it by a link only)."""
    bob = world.member_a
    password_login(visitor, "bob")

    page = visitor.get(reverse("accounts:otp_setup"))
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=bob, confirmed=False)
    secret = re.search(r'<code[^>]*id="otp-secret">([A-Z2-7 ]+)</code>', html)
    assert secret and len(secret.group(1).replace(" ", "")) == 32
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<script" not in html.split("<main", 1)[1]
    # A reload shows the same secret: one unconfirmed device at a time.
    assert (
        secret.group(1) in visitor.get(reverse("accounts:otp_setup")).content.decode()
    )
    assert TOTPDevice.objects.filter(user=bob).count() == 1
    assert "default-src 'self'" in page["Content-Security-Policy"]

    with time_machine.travel(timezone.now(), tick=False) as clock:
        wrong = verify_setup(visitor, "123")
        assert "Koden stemmer ikke" in wrong.content.decode()
        too_soon = verify_setup(visitor, current_code(device))
        assert "For mange feil forsøk" in too_soon.content.decode()
        clock.shift(5)
        response = verify_setup(visitor, current_code(device))
    assert response.status_code == 302
    codes_page = visitor.get(response["Location"]).content.decode()
    codes = StaticToken.objects.filter(device__user=bob).values_list("token", flat=True)
    assert len(codes) == 10
    assert all(code in codes_page for code in codes)
    # Shown once only.
    again = visitor.get(reverse("accounts:recovery_codes")).content.decode()
    assert not any(code in again for code in codes)
    assert "10 ubrukte gjenopprettingskoder" in again

    assert visitor.get(reverse("review:index")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def verify_setup(client, code):
    return client.post(reverse("accounts:otp_setup"), {"code": code, "next": WORKSPACE})


def test_a_password_alone_cannot_replace_alices_app(visitor, world):
    alice = world.secretariat_a
    device = confirmed_totp_device(alice)
    password_login(visitor, "alice")

    response = visitor.get(reverse("accounts:otp_setup"))
    assert response["Location"].startswith(reverse("accounts:otp_verify"))
    response = visitor.post(reverse("accounts:otp_setup"), {"code": "123456"})
    assert response["Location"].startswith(reverse("accounts:otp_verify"))
    assert list(TOTPDevice.objects.filter(user=alice)) == [device]


def test_alice_replaces_her_app_and_the_old_one_stops_working(visitor, world):
    alice = world.secretariat_a
    old = confirmed_totp_device(alice)
    password_login(visitor, "alice")
    verify(visitor, current_code(old))

    visitor.get(reverse("accounts:otp_setup"))
    new = TOTPDevice.objects.get(user=alice, confirmed=False)
    with time_machine.travel(60, tick=False):  # the next time step: a fresh code
        verify_setup(visitor, current_code(new))

    assert list(TOTPDevice.objects.filter(user=alice)) == [new]


def test_new_recovery_codes_replace_the_old_ones(client, world):
    alice = world.secretariat_a
    client.force_login(alice)
    old = recovery_codes_create(user=alice)

    response = client.post(reverse("accounts:recovery_codes"))
    page = client.get(response["Location"]).content.decode()

    new = list(
        StaticToken.objects.filter(device__user=alice).values_list("token", flat=True)
    )
    assert len(new) == 10 and not set(old) & set(new)
    assert all(code in page for code in new)


def test_bob_the_member_gets_in_with_his_password(visitor, world):
    password_login(visitor, "bob")
    assert visitor.get(reverse("accounts:account")).status_code == 200


def test_bob_needs_a_code_when_his_council_asks_members_for_one(
    visitor, world, council
):
    council.members_require_2fa = True
    council.save()
    password_login(visitor, "bob")

    # Without an app he is told to ask for an enrolment link: a password alone
    # never sets one up (tests/accounts/test_invitations.py).
    response = visitor.get(reverse("review:index"))
    assert response["Location"].startswith(reverse("accounts:otp_missing"))


def test_bob_who_chose_a_second_factor_must_give_it(visitor, world):
    device = confirmed_totp_device(world.member_a)
    password_login(visitor, "bob")
    assert visitor.get("/").status_code == 302
    verify(visitor, current_code(device), next_url="/")
    assert visitor.get("/").status_code == 200


def test_the_administrator_needs_a_code_for_the_admin(visitor, world):
    device = confirmed_totp_device(world.operator)
    visitor.post(
        reverse("admin:login"),
        {"username": world.operator.username, "password": PASSWORD},
    )
    response = visitor.get("/admin/")
    assert response["Location"].startswith(reverse("accounts:otp_verify"))
    verify(visitor, current_code(device), next_url="/admin/")
    assert visitor.get("/admin/").status_code == 200


def test_logging_out_is_possible_between_password_and_code(visitor, world):
    confirmed_totp_device(world.secretariat_a)
    password_login(visitor, "alice")
    visitor.post(reverse("logout"))
    assert "_auth_user_id" not in visitor.session


def test_who_requires_two_factor_authentication(council, world):
    bob = world.member_a
    staff = UserFactory(username="erin", is_staff=True)
    outsider = UserFactory(username="frank")
    assert user_requires_2fa(world.secretariat_a)
    assert user_requires_2fa(world.operator)
    assert user_requires_2fa(staff)
    assert not user_requires_2fa(bob)
    assert not user_requires_2fa(outsider)
    # Charlie sits in council B, which asks no second factor of its members.
    assert not user_requires_2fa(world.member_b)
    council.members_require_2fa = True
    council.save()
    assert user_requires_2fa(bob)
    assert not user_requires_2fa(outsider)
    assert not user_requires_2fa(world.member_b)


def test_a_former_member_is_not_held_to_the_councils_rule(council):
    import datetime

    user = UserFactory(username="gina")
    MembershipFactory(
        council=council,
        person=PersonFactory(name="Gina", user=user),
        end_date=datetime.date(2020, 1, 1),
    )
    council.members_require_2fa = True
    council.save()
    assert not user_requires_2fa(user)


def test_tests_force_login_counts_as_a_full_login(client, world):
    """The suite's force_login skips the code as it skips the password."""
    client.force_login(world.secretariat_a)
    assert client.get(WORKSPACE).status_code == 200


def test_the_code_page_never_sends_alice_to_another_site(visitor, world):
    device = confirmed_totp_device(world.secretariat_a)
    password_login(visitor, "alice")
    response = verify(visitor, current_code(device), next_url="https://evil.example/")
    assert response["Location"] == "/"
