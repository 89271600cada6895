"""Attendance as councils record it: present, meldt forfall, ikke møtt, forlot møtet,
each printed under its own heading; deputies only when called in («X møtte for Y»);
the member's function and party; partial presence both ways; and the count line, all
in the document (page, PDF, version JSON), old snapshots still read."""

import datetime
import json

import jsonschema
import pytest
from django.urls import reverse

from council.models import Membership
from minutes import pdf as minutes_pdf
from minutes.document import SCHEMA_PATH, MinutesDocument, minutes_snapshot
from minutes.models import Attendance
from minutes.services.attendance import (
    AttendanceChange,
    attendance_ensure_members,
    attendance_update,
)
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    decide_all,
    make_meeting,
    publish,
)
from tests.pdf.conftest import pdf_pages, squeeze

pytestmark = pytest.mark.django_db

ROLE = Membership.Role


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def seat(council, name, *, role=ROLE.MEMBER, party="", order=0):
    organisation = OrganisationFactory(name=f"{name} sin arbeidsplass")
    return MembershipFactory(
        council=council,
        person=PersonFactory(name=name, organisation=organisation),
        organisation=organisation,
        role=role,
        party=party,
        order=order,
    )


@pytest.fixture
def board(council, world):
    """Seven seats and two deputies, as a municipal council records them (Bob's
    seat in the world's council A is given up for them)."""
    world.membership_a.delete()
    seats = {
        "Line Leder": seat(council, "Line Leder", role=ROLE.CHAIR, party="Ap", order=1),
        "Nils Nestleder": seat(
            council, "Nils Nestleder", role=ROLE.DEPUTY_CHAIR, party="H", order=2
        ),
        "Anne Sen": seat(council, "Anne Sen", party="Sp", order=3),
        "Bjørn By": seat(council, "Bjørn By", party="Ap", order=4),
        "Cato Fri": seat(council, "Cato Fri", party="H", order=5),
        "Dina Borte": seat(council, "Dina Borte", party="SV", order=6),
        "Eva Går": seat(council, "Eva Går", party="KrF", order=7),
    }
    deputies = {
        "Vera Vara": seat(council, "Vera Vara", role=ROLE.DEPUTY, party="H", order=8),
        "Ulf Ubrukt": seat(
            council, "Ulf Ubrukt", role=ROLE.DEPUTY, party="Ap", order=9
        ),
    }
    meeting = make_meeting(council, datetime.date(2024, 3, 1))
    attendance_ensure_members(meeting=meeting)
    return meeting, seats, deputies


def record(
    meeting, membership, status, *, substitute=None, arrived=None, left=None, note=""
):
    row = Attendance.objects.get(meeting=meeting, membership=membership)
    attendance_update(
        attendance=row,
        change=AttendanceChange(
            status=status,
            substitute=substitute,
            arrived_at=arrived,
            left_at=left,
            note=note,
        ),
    )


def recorded(board):
    meeting, seats, deputies = board
    S = Attendance.Status
    record(meeting, seats["Anne Sen"], S.PRESENT, arrived=datetime.time(12))
    record(
        meeting,
        seats["Cato Fri"],
        S.NOTIFIED_ABSENCE,
        substitute=deputies["Vera Vara"].person,
    )
    record(meeting, seats["Dina Borte"], S.NO_SHOW)
    record(
        meeting,
        seats["Eva Går"],
        S.LEFT,
        left=datetime.time(14),
        note="etter behandlingen av sak 3/24",
    )
    return meeting


def rows(document) -> dict[str, list[str]]:
    return dict(document.attendance_rows())


def test_deputies_get_no_row_until_they_are_called_in(board):
    meeting, seats, deputies = board
    people = set(
        Attendance.objects.filter(meeting=meeting).values_list(
            "person__name", flat=True
        )
    )
    assert people == set(seats)


def test_each_status_is_printed_under_its_own_heading(board):
    document = MinutesDocument.from_rows(recorded(board))
    printed = rows(document)
    assert printed["Til stede"] == [
        "Line Leder (Ap), leder",
        "Nils Nestleder (H), nestleder",
        "Anne Sen (Sp) – fra kl. 12",
        "Bjørn By (Ap)",
    ]
    assert printed["Forlot møtet"] == [
        "Eva Går (KrF) – til kl. 14, etter behandlingen av sak 3/24"
    ]
    assert printed["Meldt forfall"] == ["Cato Fri (H)"]
    assert printed["Ikke møtt"] == ["Dina Borte (SV)"]
    assert printed["Varamedlemmer"] == ["Vera Vara møtte for Cato Fri (H)"]
    assert "Ikke til stede" not in printed
    everything = json.dumps(document.to_snapshot(), ensure_ascii=False)
    # The deputy who came is there once; the one not called in, nowhere.
    assert everything.count("Vera Vara") == 1
    assert "Ulf Ubrukt" not in everything


def test_the_count_line_comes_from_the_data(board):
    document = MinutesDocument.from_rows(recorded(board))
    assert document.attendance_count_line == (
        "6 til stede. Ett forfall. Ett medlem møtte ikke. Ett medlem forlot møtet. "
        "Ett varamedlem møtte."
    )


def test_the_count_line_of_the_issue(board):
    meeting, seats, deputies = board
    record(
        meeting,
        seats["Cato Fri"],
        Attendance.Status.NOTIFIED_ABSENCE,
        substitute=deputies["Vera Vara"].person,
    )
    document = MinutesDocument.from_rows(meeting)
    assert document.attendance_count_line == (
        "7 til stede. Ett forfall. Ett varamedlem møtte."
    )


def test_the_page_the_pdf_and_the_snapshot_show_it(board, client):
    meeting = recorded(board)
    decide_all(meeting)
    publish(meeting)
    page = client.get(meeting.get_absolute_url()).content.decode()
    for text in (
        "Meldt forfall",
        "Ikke møtt",
        "Forlot møtet",
        "Vera Vara møtte for Cato Fri (H)",
        "Line Leder (Ap), leder",
        "Eva Går (KrF) – til kl. 14, etter behandlingen av sak 3/24",
        "6 til stede. Ett forfall.",
    ):
        assert text in page, text
    assert "Ulf Ubrukt" not in page
    pdf = squeeze("\n".join(pdf_pages(minutes_pdf.render_minutes_pdf(meeting=meeting))))
    for text in (
        "Meldt forfall",
        "Ikke møtt",
        "Forlot møtet",
        "Vera Vara møtte for Cato Fri (H)",
        "Line Leder (Ap), leder",
        "Ett varamedlem møtte.",
    ):
        assert squeeze(text) in pdf, text
    snapshot = minutes_snapshot(meeting=meeting)
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(
        snapshot
    )
    assert MinutesDocument.from_snapshot(snapshot).to_snapshot() == snapshot
    assert snapshot["attendance_count"]["notified_absence"] == 1
    eva = next(a for a in snapshot["members_present"] if a["name"] == "Eva Går")
    assert (eva["status"], eva["party"]) == ("left", "KrF")


def test_a_snapshot_stored_before_still_reads(board):
    snapshot = minutes_snapshot(meeting=recorded(board))
    old = {
        key: value
        for key, value in snapshot.items()
        if key not in ("attendance_count", "attendance_count_line")
    }
    for key in ("members_present", "members_absent"):
        old[key] = [
            {
                "name": a["name"],
                "organisation": a["organisation"],
                "partial_note": a["partial_note"],
            }
            for a in snapshot[key]
        ]
    old["substitutes"] = [
        {k: s[k] for k in ("substitute", "member", "organisation")}
        for s in snapshot["substitutes"]
    ]
    document = MinutesDocument.from_snapshot(old)
    printed = rows(document)
    # Before statuses were kept apart, every absent member was «Ikke til stede».
    assert printed["Ikke til stede"] == [
        "Cato Fri (Cato Fri sin arbeidsplass)",
        "Dina Borte (Dina Borte sin arbeidsplass)",
    ]
    assert printed["Stedfortreder"] == [
        "Vera Vara for Cato Fri (Cato Fri sin arbeidsplass)"
    ]
    assert document.attendance_count_line.startswith("6 til stede.")


def test_the_grid_lists_deputies_but_saving_it_makes_no_row_for_them(
    board, client, world
):
    meeting, seats, deputies = board
    Attendance.objects.filter(meeting=meeting).delete()
    client.force_login(world.secretariat_a)
    url = reverse("workspace:attendance", args=[meeting.pk])
    grid = client.get(url).content.decode()
    # Listed with whom they stood in for (no one), not with a status of their own.
    ulf = deputies["Ulf Ubrukt"].pk
    assert f'name="d{ulf}-for"' in grid and f'name="m{ulf}-status"' not in grid
    for value, label in (("no_show", "Ikke møtt"), ("left", "Forlot møtet")):
        assert f'value="{value}"' in grid and label in grid
    data = {
        f"m{seats['Cato Fri'].pk}-status": "notified_absence",
        f"m{seats['Cato Fri'].pk}-substitute": "Vera Vara",
    }
    assert client.post(url, data).status_code == 302
    names = set(
        Attendance.objects.filter(meeting=meeting).values_list(
            "person__name", flat=True
        )
    )
    assert names == set(seats)
    cato = Attendance.objects.get(meeting=meeting, membership=seats["Cato Fri"])
    # The deputy is the council's own Vera Vara, not a new namesake.
    assert cato.substitute == deputies["Vera Vara"].person
