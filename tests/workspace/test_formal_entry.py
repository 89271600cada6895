"""Entering the formal elements on the minute-taking page: a vote, a statement for
the record, a disqualification, with htmx (the item's panel comes back) and without
(a redirect to the item); bad input gets a Norwegian message and keeps what was
typed; only the council's own people are offered and accepted; frozen minutes
offer no forms."""

import pytest
from django.urls import reverse

from minutes.models import Disqualification, ProtocolEntry, Vote
from tests.factories import MembershipFactory, PersonFactory, decide_all, publish

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
FVL_A = "forvaltningsloven § 6 første ledd bokstav a"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def kari(world):
    return MembershipFactory(
        council=world.council_a, person=PersonFactory(name="Kari Hansen"), party="Sp"
    ).person


def page(client, meeting) -> str:
    return client.get(reverse("workspace:minute", args=[meeting.pk])).content.decode()


def test_the_page_offers_the_forms_and_the_councils_people(
    alice_client, meeting, item, kari, world
):
    html = page(alice_client, meeting)
    assert reverse("workspace:vote_create", args=[item.pk]) in html
    assert reverse("workspace:protocol_entry_create", args=[item.pk]) in html
    assert reverse("workspace:disqualification_create", args=[item.pk]) in html
    assert "Kari Hansen" in html
    assert FVL_A in html  # the pick list of legal bases
    assert world.member_b.person.name not in html


def test_a_vote_with_htmx_returns_the_panel(alice_client, item):
    response = alice_client.post(
        reverse("workspace:vote_create", args=[item.pk]),
        {
            "outcome": "adopted",
            "votes_for": "5",
            "votes_against": "2",
            "against_names": "Ola Nordmann (H)",
        },
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="formal-{item.pk}"' in html
    assert "Vedtatt med 5 mot 2 stemmer. Mot stemte: Ola Nordmann (H)." in html
    vote = Vote.objects.get(item=item)
    assert (vote.votes_for, vote.votes_against) == (5, 2)
    # The form stays open and empty for the next vote (keyboard users keep going).
    assert html.count('<details class="formal-form" open>') == 1
    assert f'id="f-{item.pk}-names" value=""' in html


def test_a_bad_vote_is_refused_in_norwegian_and_keeps_what_was_typed(
    alice_client, item
):
    response = alice_client.post(
        reverse("workspace:vote_create", args=[item.pk]),
        {
            "outcome": "unanimous",
            "votes_for": "",
            "votes_against": "",
            "against_names": "Ola Nordmann (H)",
        },
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "føres bare når saken ble avgjort ved votering" in html
    assert 'value="Ola Nordmann (H)"' in html
    assert not Vote.objects.exists()
    response = alice_client.post(
        reverse("workspace:vote_create", args=[item.pk]),
        {"outcome": "adopted", "votes_for": "-3", "votes_against": "1"},
        **HTMX,
    )
    assert "Stemmetall kan ikke være negative." in response.content.decode()
    assert not Vote.objects.exists()


def test_a_statement_and_a_disqualification_without_javascript(
    alice_client, meeting, item, kari
):
    response = alice_client.post(
        reverse("workspace:protocol_entry_create", args=[item.pk]),
        {"person": kari.pk, "text": "Sp ber om at saken utredes."},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#sak-{item.pk}")
    response = alice_client.post(
        reverse("workspace:disqualification_create", args=[item.pk]),
        {"person": kari.pk, "basis": FVL_A},
    )
    assert response.status_code == 302
    assert ProtocolEntry.objects.get().person == kari
    assert Disqualification.objects.get().basis == FVL_A
    html = page(alice_client, meeting)
    assert "Kari Hansen ble erklært inhabil etter " + FVL_A in html
    assert "Sp ber om at saken utredes." in html


def test_a_stranger_is_refused(alice_client, item, world):
    stranger = PersonFactory(name="Sven Utenfra")
    response = alice_client.post(
        reverse("workspace:disqualification_create", args=[item.pk]),
        {"person": stranger.pk, "basis": FVL_A},
        **HTMX,
    )
    assert "Velg en person fra listen." in response.content.decode()
    assert not Disqualification.objects.exists()


def test_a_missing_basis_is_refused(alice_client, item, kari):
    response = alice_client.post(
        reverse("workspace:disqualification_create", args=[item.pk]),
        {"person": kari.pk, "basis": ""},
    )
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "Oppgi hjemmelen for inhabiliteten." in messages
    assert not Disqualification.objects.exists()


def test_removing_a_row(alice_client, item):
    alice_client.post(
        reverse("workspace:vote_create", args=[item.pk]), {"outcome": "unanimous"}
    )
    vote = Vote.objects.get()
    response = alice_client.post(
        reverse("workspace:formal_remove", args=["votering", vote.pk]), **HTMX
    )
    assert response.status_code == 200
    assert "Enstemmig vedtatt" not in response.content.decode().split("<form")[0]
    assert not Vote.objects.exists()


def test_another_council_gets_404(clients_for, item):
    client = clients_for("secretariat_b")
    response = client.post(
        reverse("workspace:vote_create", args=[item.pk]), {"outcome": "unanimous"}
    )
    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_frozen_minutes_offer_no_forms_and_refuse_posts(alice_client, meeting, item):
    alice_client.post(
        reverse("workspace:vote_create", args=[item.pk]), {"outcome": "unanimous"}
    )
    decide_all(meeting)
    publish(meeting)
    html = page(alice_client, meeting)
    assert "Enstemmig vedtatt." in html
    assert reverse("workspace:vote_create", args=[item.pk]) not in html
    response = alice_client.post(
        reverse("workspace:vote_create", args=[item.pk]),
        {"outcome": "unanimous"},
        **HTMX,
    )
    assert "Referatet er godkjent og kan ikke endres." in response.content.decode()
    assert Vote.objects.count() == 1
