"""The summons reaches each member in the language they chose for e-mail, like every
other message from the council."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def dave(council):
    """Dave sits in Testrådet and reads his e-mail in English."""
    person = PersonFactory(name="Dave Member", email="dave@ex.org", language="en")
    return MembershipFactory(council=council, person=person)


@pytest.fixture
def erik(council):
    """Erik reads his e-mail in Norwegian."""
    person = PersonFactory(name="Erik Hansen", email="erik@ex.org", language="nb")
    return MembershipFactory(council=council, person=person)


def _mail_to(address):
    (message,) = [m for m in mail.outbox if m.to == [address]]
    return message


def test_each_member_gets_the_summons_in_their_own_language(
    alice_client, meeting, dave, erik
):
    response = alice_client.post(
        reverse("workspace:summons", args=[meeting.pk]), {"confirm": "on"}
    )
    assert response.status_code == 302

    english = _mail_to("dave@ex.org")
    assert english.subject.startswith(f"Summons: Meeting {meeting.number_label} of ")
    assert "You are summoned to" in english.body
    assert "Agenda:" in english.body
    assert "Can't attend?" in english.body
    html = english.alternatives[0][0]
    assert 'lang="en"' in html and "You are summoned to" in html

    norwegian = _mail_to("erik@ex.org")
    assert norwegian.subject.startswith(
        f"Innkalling: Møte {meeting.number_label} i Testrådet"
    )
    assert "Du innkalles til" in norwegian.body
    assert "Saksliste:" in norwegian.body
    assert "Kan du ikke møte?" in norwegian.body
    assert 'lang="nb"' in norwegian.alternatives[0][0]


def test_the_secretariats_language_does_not_decide_the_members(
    alice_client, meeting, dave, erik
):
    """Alice works in English; Erik still reads Norwegian."""
    with translation.override("en"):
        alice_client.post(
            reverse("workspace:summons", args=[meeting.pk]),
            {"confirm": "on"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert "Du innkalles til" in _mail_to("erik@ex.org").body
    assert "You are summoned to" in _mail_to("dave@ex.org").body
