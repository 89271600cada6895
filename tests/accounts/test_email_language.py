"""A member chooses the language of the council's e-mail to them (account page)."""

import pytest
from django.urls import reverse

from core.cache import ALL_SCOPE, _version_key
from council.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, world):
    """Bob, logged in; the council's e-mail to him is in bokmål."""
    client.force_login(world.member_a)
    person = world.member_a.person
    assert person.language == "nb"
    return person


def test_a_member_switches_their_e_mail_to_english(client, member):
    page = client.get(reverse("accounts:account")).content.decode()
    assert "Språk i e-post fra rådet" in page

    response = client.post(reverse("accounts:account"), {"language": "en"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == "en"
    page = client.get(response["Location"]).content.decode()
    assert "E-post fra rådet kommer nå på engelsk." in page


def test_an_unknown_language_is_refused_in_norwegian_and_nothing_changes(
    client, member
):
    response = client.post(reverse("accounts:account"), {"language": "xx"})
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()
    member.refresh_from_db()
    assert member.language == "nb"


def test_an_account_without_a_person_has_no_e_mail_language(client, world):
    # Alice serves the secretariat; she is no person in the council's register.
    client.force_login(world.secretariat_a)
    assert (
        "Språk i e-post fra rådet"
        not in client.get(reverse("accounts:account")).content.decode()
    )
    response = client.post(reverse("accounts:account"), {"language": "en"})
    assert response.status_code == 302
    assert not Person.objects.filter(language="en").exists()


def test_choosing_a_language_keeps_the_public_pages_cached(client, member):
    from django.core.cache import cache

    client.get("/")
    version = cache.get(_version_key(ALL_SCOPE))
    client.post(reverse("accounts:account"), {"language": "en"})
    assert cache.get(_version_key(ALL_SCOPE)) == version
    # A public change to a person still makes every page stale.
    member.name = "Bob Medlem-Berg"
    member.save()
    assert cache.get(_version_key(ALL_SCOPE)) != version
