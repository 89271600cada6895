"""Password rules per ASVS 5.0: at least 8 characters, long passphrases welcome,
common passwords refused, no rules about character classes."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.accounts.conftest import PASSWORD, password_login


@pytest.mark.parametrize(
    "password",
    [
        "hestene på jordet spiser høy om høsten og vinteren, sa bestefar"[:64],
        "lang setning " * 9 + "ok",  # 119 characters
        "x7" + "en lang og rolig passordsetning uten tall og store bokstaver " * 2,
        "bare små bokstaver",
    ],
)
def test_long_passphrases_without_special_characters_are_accepted(password):
    assert len(password) >= 18
    validate_password(password)


def test_a_64_and_a_128_character_passphrase_are_accepted(world, client):
    alice = world.secretariat_a
    for length in (64, 128):
        password = ("trygg passordsetning for sekretariatet " * 4)[:length]
        assert len(password) == length
        validate_password(password, user=alice)
        alice.set_password(password)
        alice.save()
        assert client.login(username="alice", password=password)


@pytest.mark.parametrize("password", ["password1", "12345678", "qwertyuiop"])
def test_common_passwords_are_refused_in_norwegian(password):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert "Dette passordet er for vanlig." in error.value.messages


def test_short_passwords_are_refused_in_norwegian():
    with pytest.raises(ValidationError) as error:
        validate_password("kort7")
    assert any("minst 8 tegn" in message for message in error.value.messages)


def test_alice_changes_her_password_to_a_long_passphrase(client, world):
    alice = world.secretariat_a
    client.force_login(alice)
    new = "en lang passordsetning som er lett å huske for alice " * 2
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new)


def test_the_password_change_form_explains_a_common_password(client, world):
    client.force_login(world.secretariat_a)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "password1",
            "new_password2": "password1",
        },
    )
    assert response.status_code == 200
    assert "Dette passordet er for vanlig." in response.content.decode()


def test_no_rule_asks_for_digits_capitals_or_symbols():
    from django.conf import settings

    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "UserAttributeSimilarityValidator",
    ]


def test_the_login_form_takes_a_128_character_passphrase(world, visitor):
    bob = world.member_a
    password = ("bobs passordsetning er lang og god " * 4)[:128]
    bob.set_password(password)
    bob.save()
    assert (
        "maxlength"
        not in visitor.get(reverse("login"))
        .content.decode()
        .split('id="id_password"')[1]
        .split(">")[0]
    )
    response = password_login(visitor, "bob", password)
    assert response.status_code == 302
