"""The formal elements in the API: an agenda item carries its votes, statements for
the record (protocolEntries) and disqualifications in camelCase, the minutes
document carries them with their printed sentences, and an item exempt as a whole
shows none of them."""

import datetime

import pytest

from minutes.models import Vote
from minutes.services.formal import (
    disqualification_add,
    protocol_entry_add,
    vote_add,
)
from tests.api.conftest import publish
from tests.factories import MembershipFactory, PersonFactory, make_meeting

pytestmark = pytest.mark.django_db

FVL_A = "forvaltningsloven § 6 første ledd bokstav a"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def published(world):
    council = world.council_a
    kari = MembershipFactory(
        council=council, person=PersonFactory(name="Kari Hansen"), party="Sp"
    ).person
    per = MembershipFactory(
        council=council, person=PersonFactory(name="Per Vara"), party="Sp"
    ).person
    meeting = make_meeting(council, datetime.date(2022, 12, 2))
    items = list(meeting.items.order_by("order"))
    open_item, closed_item = items[1], items[2]
    for item in (open_item, closed_item):
        vote_add(
            item=item,
            outcome=Vote.Outcome.ADOPTED,
            votes_for=5,
            votes_against=2,
            against_names="Ola Nordmann (H)",
        )
        protocol_entry_add(item=item, person=kari, text="Sp tar forbehold.")
        disqualification_add(item=item, person=kari, basis=FVL_A, substitute=per)
    closed_item.exemption_scope = "whole"
    closed_item.exemption_basis = "offl. § 13"
    closed_item.save()
    for item in meeting.items.select_related("decision"):
        item.decision.final_text = "Vedtatt."
        item.decision.save()
    publish(meeting)
    return meeting, open_item, closed_item, kari, per


def test_an_item_carries_them_in_camel_case(client, published):
    meeting, item, _closed, kari, per = published
    data = client.get(f"/api/agenda-items/{item.pk}/").json()
    assert data["votes"] == [
        {
            "outcome": "adopted",
            "subject": "",
            "votesFor": 5,
            "votesAgainst": 2,
            "votesBlank": None,
            "againstNames": "Ola Nordmann (H)",
            "text": "Vedtatt med 5 mot 2 stemmer. Mot stemte: Ola Nordmann (H).",
        }
    ]
    [entry] = data["protocolEntries"]
    assert entry["person"].endswith(f"/api/persons/{kari.pk}/")
    assert (entry["by"], entry["text"]) == ("Kari Hansen", "Sp tar forbehold.")
    [row] = data["disqualifications"]
    assert row["person"].endswith(f"/api/persons/{kari.pk}/")
    assert row["substitute"].endswith(f"/api/persons/{per.pk}/")
    assert (row["personName"], row["legalBasis"], row["substituteName"]) == (
        "Kari Hansen",
        FVL_A,
        "Per Vara",
    )
    meeting_data = client.get(f"/api/meetings/{meeting.pk}/").json()
    embedded = next(i for i in meeting_data["agendaItem"] if i["id"] == data["id"])
    assert embedded["votes"] == data["votes"]


def test_the_minutes_document_carries_the_sentences(client, published):
    meeting, item, _closed, _kari, _per = published
    document = client.get(f"/api/meetings/{meeting.pk}/minutes/").json()
    row = next(i for i in document["items"] if i["id"] == item.pk)
    assert row["votes"][0]["text"].startswith("Vedtatt med 5 mot 2 stemmer.")
    assert row["disqualifications"][0]["text"] == (
        "Kari Hansen (Sp) ble erklært inhabil etter " + FVL_A + " og fratrådte "
        "under behandlingen av saken. Per Vara (Sp) tiltrådte."
    )
    assert row["protocol_entries"] == [
        {"by": "Kari Hansen (Sp)", "text": "Sp tar forbehold."}
    ]


def test_an_item_exempt_as_a_whole_shows_none(client, published):
    meeting, _item, closed, _kari, _per = published
    data = client.get(f"/api/agenda-items/{closed.pk}/").json()
    assert (data["votes"], data["protocolEntries"], data["disqualifications"]) == (
        [],
        [],
        [],
    )
    document = client.get(f"/api/meetings/{meeting.pk}/minutes/").json()
    row = next(i for i in document["items"] if i["id"] == closed.pk)
    assert (row["votes"], row["protocol_entries"], row["disqualifications"]) == (
        [],
        [],
        [],
    )
