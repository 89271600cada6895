"""The formal elements of municipal minutes as data: votes (enstemmig, «vedtatt med 5
mot 2 stemmer», who voted against), protokolltilførsel and inhabilitet (who, the
legal basis, who stood in); their rules, the document, its snapshot and schema, the
public version, the page and the PDF."""

import datetime
import json

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction

from minutes import pdf as minutes_pdf
from minutes.document import SCHEMA_PATH, MinutesDocument, minutes_snapshot
from minutes.errors import MinutesFrozenError
from minutes.models import Disqualification, ProtocolEntry, Vote
from minutes.services.formal import (
    disqualification_add,
    formal_delete,
    protocol_entry_add,
    vote_add,
)
from tests.factories import (
    MembershipFactory,
    PersonFactory,
    decide_all,
    make_meeting,
    publish,
)
from tests.pdf.conftest import pdf_pages, squeeze

pytestmark = pytest.mark.django_db

FVL_A = "forvaltningsloven § 6 første ledd bokstav a"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def people(council):
    def seat(name, party):
        return MembershipFactory(
            council=council, person=PersonFactory(name=name), party=party
        ).person

    return {
        "kari": seat("Kari Hansen", "Sp"),
        "per": seat("Per Vara", "Sp"),
        "ola": seat("Ola Nordmann", "H"),
    }


@pytest.fixture
def meeting(council):
    return make_meeting(council, datetime.date(2024, 3, 1))


@pytest.fixture
def item(meeting):
    return meeting.items.get(standard="secretariat_info")


def formal(meeting, item):
    """The item's elements as the document has them, from the rows."""
    from minutes.services.attendance import attendance_ensure_members

    attendance_ensure_members(meeting=meeting)
    return MinutesDocument.from_rows(meeting).item(item.number)


def fill(item, people):
    vote_add(
        item=item,
        outcome=Vote.Outcome.ADOPTED,
        votes_for=5,
        votes_against=2,
        against_names="Ola Nordmann (H), Kari Hansen (FrP)",
    )
    protocol_entry_add(
        item=item, person=people["ola"], text="Høyre ønsker saken utredet videre."
    )
    disqualification_add(
        item=item, person=people["kari"], basis=FVL_A, substitute=people["per"]
    )


# The printed sentences ---------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ({"outcome": "unanimous"}, "Enstemmig vedtatt."),
        ({"outcome": "unanimously_rejected"}, "Enstemmig forkastet."),
        (
            {"outcome": "adopted", "votes_for": 5, "votes_against": 2},
            "Vedtatt med 5 mot 2 stemmer.",
        ),
        (
            {"outcome": "rejected", "votes_for": 2, "votes_against": 5},
            "Forkastet med 2 mot 5 stemmer.",
        ),
        (
            {"outcome": "adopted", "votes_for": 4, "votes_against": 4},
            "Vedtatt med 4 mot 4 stemmer, med møteleders dobbeltstemme.",
        ),
        (
            {
                "outcome": "adopted",
                "votes_for": 5,
                "votes_against": 1,
                "votes_blank": 1,
                "against_names": "Ola Nordmann (H)",
                "subject": "Forslag fra Ap",
            },
            "Forslag fra Ap: Vedtatt med 5 mot 1 stemmer. 1 stemte blankt. "
            "Mot stemte: Ola Nordmann (H).",
        ),
    ],
)
def test_votes_are_printed_in_good_norwegian(item, values, line):
    vote = vote_add(item=item, **values)
    record = MinutesDocument.from_rows(item.meeting).item(item.number).votes[0]
    assert record.line == line
    assert vote.pk


def test_all_three_under_the_item(meeting, item, people):
    fill(item, people)
    document_item = formal(meeting, item)
    assert [v.line for v in document_item.votes] == [
        "Vedtatt med 5 mot 2 stemmer. Mot stemte: Ola Nordmann (H), Kari Hansen (FrP)."
    ]
    assert [(p.by, p.text) for p in document_item.protocol_entries] == [
        ("Ola Nordmann (H)", "Høyre ønsker saken utredet videre.")
    ]
    assert [d.line for d in document_item.disqualifications] == [
        "Kari Hansen (Sp) ble erklært inhabil etter forvaltningsloven § 6 første "
        "ledd bokstav a og fratrådte under behandlingen av saken. "
        "Per Vara (Sp) tiltrådte."
    ]


def test_a_statement_may_come_from_names_written_out(item):
    entry = protocol_entry_add(item=item, names="Representantene fra Ap", text="Enig.")
    assert entry.person is None
    record = MinutesDocument.from_rows(item.meeting).item(item.number)
    assert record.protocol_entries[0].by == "Representantene fra Ap"


# The rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"outcome": "adopted", "votes_for": 5}, "counts_missing"),
        ({"outcome": "adopted", "votes_for": 2, "votes_against": 5}, None),
        ({"outcome": "rejected", "votes_for": 5, "votes_against": 2}, None),
        ({"outcome": "unanimous", "votes_for": 5}, "counts_without_vote"),
        (
            {"outcome": "unanimous", "against_names": "Ola Nordmann"},
            "names_without_vote",
        ),
        (
            {
                "outcome": "adopted",
                "votes_for": 7,
                "votes_against": 0,
                "against_names": "Ola Nordmann",
            },
            "names_without_against",
        ),
        ({"outcome": "adopted", "votes_for": -1, "votes_against": 0}, None),
        ({"outcome": "somehow"}, None),
    ],
)
def test_a_vote_that_does_not_add_up_is_refused(item, values, code):
    with pytest.raises(ValidationError) as refused:
        vote_add(item=item, **values)
    assert refused.value.messages
    if code:
        assert refused.value.error_dict
        codes = {e.code for errors in refused.value.error_dict.values() for e in errors}
        assert code in codes
    assert not Vote.objects.filter(item=item).exists()


def test_a_statement_needs_text_and_someone(item, people):
    with pytest.raises(ValidationError, match="Skriv protokolltilførselen"):
        protocol_entry_add(item=item, person=people["ola"], text="  ")
    with pytest.raises(ValidationError, match="Velg hvem"):
        protocol_entry_add(item=item, text="Uten avsender.")
    with pytest.raises(ValidationError, match="ikke begge"):
        protocol_entry_add(
            item=item, person=people["ola"], names="Ola og Kari", text="Begge."
        )
    assert not ProtocolEntry.objects.exists()


def test_a_disqualification_needs_a_basis_and_another_substitute(item, people):
    with pytest.raises(ValidationError, match="hjemmelen"):
        disqualification_add(item=item, person=people["kari"], basis=" ")
    with pytest.raises(ValidationError, match="annen enn"):
        disqualification_add(
            item=item, person=people["kari"], basis=FVL_A, substitute=people["kari"]
        )
    disqualification_add(item=item, person=people["kari"], basis=FVL_A)
    with pytest.raises(ValidationError, match="allerede"):
        disqualification_add(item=item, person=people["kari"], basis=FVL_A)
    assert Disqualification.objects.count() == 1


def test_only_the_councils_own_people(item, world):
    stranger = PersonFactory(name="Sven Utenfra")
    other = world.member_b.person
    for person in (stranger, other):
        with pytest.raises(ValidationError, match="hører ikke til rådet"):
            disqualification_add(item=item, person=person, basis=FVL_A)
        with pytest.raises(ValidationError, match="hører ikke til rådet"):
            protocol_entry_add(item=item, person=person, text="Hei.")
    assert not Disqualification.objects.exists()


def test_approved_minutes_refuse_every_change(meeting, item, people):
    fill(item, people)
    decide_all(meeting)
    publish(meeting)
    vote = Vote.objects.get()
    with pytest.raises(MinutesFrozenError):
        vote_add(item=item, outcome="unanimous")
    with pytest.raises(MinutesFrozenError):
        protocol_entry_add(item=item, person=people["ola"], text="For sent.")
    with pytest.raises(MinutesFrozenError):
        disqualification_add(item=item, person=people["per"], basis=FVL_A)
    with pytest.raises(MinutesFrozenError):
        formal_delete(row=vote)
    with pytest.raises(MinutesFrozenError):
        vote.save()
    with pytest.raises(MinutesFrozenError):
        Vote.objects.filter(pk=vote.pk).update(votes_for=6)
    assert Vote.objects.get().votes_for == 5


def test_a_row_recorded_by_mistake_can_be_removed(item, people):
    fill(item, people)
    for row in (
        Vote.objects.get(),
        ProtocolEntry.objects.get(),
        Disqualification.objects.get(),
    ):
        formal_delete(row=row)
    record = MinutesDocument.from_rows(item.meeting).item(item.number)
    assert (record.votes, record.protocol_entries, record.disqualifications) == (
        (),
        (),
        (),
    )


# The document, the snapshot and the public version -----------------------------


def test_the_snapshot_keeps_them_and_the_schema_documents_them(meeting, item, people):
    fill(item, people)
    snapshot = minutes_snapshot(meeting=meeting)
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(
        snapshot
    )
    row = next(i for i in snapshot["items"] if i["id"] == item.pk)
    assert row["votes"][0]["votes_for"] == 5
    assert row["votes"][0]["text"].startswith("Vedtatt med 5 mot 2 stemmer.")
    assert row["disqualifications"][0]["substitute"] == "Per Vara (Sp)"
    assert row["protocol_entries"][0]["by"] == "Ola Nordmann (H)"
    again = MinutesDocument.from_snapshot(snapshot)
    assert again.to_snapshot() == snapshot
    assert again.item(item.number).votes[0].against_names.startswith("Ola")


def test_a_snapshot_stored_before_still_reads(meeting, item, people):
    fill(item, people)
    snapshot = minutes_snapshot(meeting=meeting)
    for row in snapshot["items"]:
        for key in ("votes", "protocol_entries", "disqualifications"):
            del row[key]
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(
        snapshot
    )
    document = MinutesDocument.from_snapshot(snapshot)
    read = document.item(item.number)
    assert (read.votes, read.protocol_entries, read.disqualifications) == ((), (), ())
    assert document.to_snapshot()["items"][0]["votes"] == []


def test_an_item_exempt_as_a_whole_shows_none_of_them(meeting, item, people):
    fill(item, people)
    item.exemption_scope = "whole"
    item.exemption_basis = "offl. § 13"
    item.save()
    full = MinutesDocument.from_rows(meeting)
    assert full.item(item.number).votes
    public = full.public().item(item.number)
    assert (public.votes, public.protocol_entries, public.disqualifications) == (
        (),
        (),
        (),
    )
    text = json.dumps(full.public().to_snapshot(), ensure_ascii=False)
    for secret in ("Kari Hansen", "Høyre ønsker", "Vedtatt med 5"):
        assert secret not in text


def test_an_item_exempt_in_its_body_keeps_them(meeting, item, people):
    fill(item, people)
    item.exemption_scope = "body"
    item.exemption_basis = "offl. § 13"
    item.save()
    public = MinutesDocument.from_rows(meeting).public().item(item.number)
    assert public.votes and public.protocol_entries and public.disqualifications


def test_the_page_and_the_pdf_print_them(meeting, item, people, client):
    fill(item, people)
    from minutes.services.attendance import attendance_ensure_members

    attendance_ensure_members(meeting=meeting)
    decide_all(meeting)
    publish(meeting)
    texts = (
        "Kari Hansen (Sp) ble erklært inhabil etter forvaltningsloven § 6 første "
        "ledd bokstav a og fratrådte under behandlingen av saken.",
        "Per Vara (Sp) tiltrådte.",
        "Votering:",
        "Vedtatt med 5 mot 2 stemmer.",
        "Mot stemte: Ola Nordmann (H), Kari Hansen (FrP).",
        "Protokolltilførsel",
        "Fra Ola Nordmann (H):",
        "Høyre ønsker saken utredet videre.",
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    item_page = client.get(item.get_absolute_url()).content.decode()
    for text in texts:
        assert text in page, text
        assert text in item_page, text
    pdf = squeeze("\n".join(pdf_pages(minutes_pdf.render_minutes_pdf(meeting=meeting))))
    for text in texts:
        assert squeeze(text) in pdf, text


def test_comparing_versions_shows_them(meeting, item, people):
    from minutes.diff import version_diff

    before = MinutesDocument.from_rows(meeting)
    fill(item, people)
    after = MinutesDocument.from_rows(meeting)
    [changed] = [d for d in version_diff(before, after).items if d.status != "same"]
    labels = [field.label for field in changed.fields]
    assert labels == ["Votering", "Inhabilitet", "Protokolltilførsel"]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The frozen-content triggers exist on PostgreSQL only, by design.",
)
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE minutes_vote SET votes_for = 9 WHERE item_id = %(item)s",
        "DELETE FROM minutes_protocolentry WHERE item_id = %(item)s",
        "DELETE FROM minutes_disqualification WHERE item_id = %(item)s",
        'INSERT INTO minutes_vote (item_id, "order", subject, outcome,'
        " against_names, created_at, updated_at) VALUES (%(item)s, 9, '',"
        " 'unanimous', '', now(), now())",
    ],
)
def test_postgresql_refuses_raw_sql_on_frozen_rows(meeting, item, people, sql):
    fill(item, people)
    decide_all(meeting)
    publish(meeting)
    with pytest.raises(DatabaseError, match="kan ikke"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, {"item": item.pk})
    assert Vote.objects.get().votes_for == 5
