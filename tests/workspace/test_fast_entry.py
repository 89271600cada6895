"""Fast entry in /arbeid/ (issue 13 item 9): the whole membership's attendance in one
grid, saved with one submit; an agenda pasted as lines of titles."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.models import Membership
from minutes.document import MinutesDocument
from minutes.models import AgendaItem, Attendance, ItemSeries
from minutes.services.agenda import (
    agenda_items_paste,
    agenda_line_read,
    agenda_paste_read,
    agenda_title_from_line,
)
from tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    make_meeting,
)

pytestmark = pytest.mark.django_db

ROLE = Membership.Role
S = Attendance.Status


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
def board(world):
    """Council A with four seats and two deputies, no attendance recorded yet."""
    council = world.council_a
    world.membership_a.delete()
    seats = {
        name: seat(council, name, role=role, party=party, order=index)
        for index, (name, role, party) in enumerate(
            [
                ("Line Leder", ROLE.CHAIR, "Ap"),
                ("Anne Sen", ROLE.MEMBER, "Sp"),
                ("Cato Fri", ROLE.MEMBER, "H"),
                ("Dina Borte", ROLE.MEMBER, "SV"),
            ],
            start=1,
        )
    }
    deputies = {
        "Vera Vara": seat(council, "Vera Vara", role=ROLE.DEPUTY, party="H", order=8),
        "Ulf Ubrukt": seat(
            council, "Ulf Ubrukt", role=ROLE.DEPUTY, party="Ap", order=9
        ),
    }
    meeting = make_meeting(council, datetime.date(2024, 3, 1))
    return meeting, seats, deputies


def key(meeting, membership) -> str:
    """The grid's key for a seat: its attendance row once saved, else the seat."""
    row = Attendance.objects.filter(meeting=meeting, membership=membership).first()
    return f"a{row.pk}" if row else f"m{membership.pk}"


def grid_url(meeting):
    return reverse("workspace:attendance", args=[meeting.pk])


def test_the_grid_lists_every_member_and_deputy_with_a_fieldset_and_radios(
    alice_client, board
):
    meeting, seats, deputies = board
    html = alice_client.get(grid_url(meeting)).content.decode()
    for membership in seats.values():
        key = f"m{membership.pk}"
        assert f'<fieldset class="seat" id="{key}"' in html
        for value in ("present", "notified_absence", "no_show", "left"):
            assert f'type="radio" name="{key}-status" id="{key}-status-{value}"' in html
        assert f'for="{key}-note"' in html
    assert 'Line Leder <span class="seat-party">(Ap)</span>' in html
    assert '<span class="seat-function">, leder</span>' in html
    # Deputies are listed, each with whom they stood in for, none by default.
    for deputy in deputies.values():
        assert f'name="d{deputy.pk}-for"' in html
    assert html.count('<option value="">Ble ikke kalt inn</option>') == 2
    assert html.count("<legend") == len(seats) + len(deputies)


def test_one_submit_records_statuses_a_deputy_who_stood_in_and_a_note(
    alice_client, board
):
    meeting, seats, deputies = board
    line, anne, cato, dina = (f"m{seats[n].pk}" for n in seats)
    response = alice_client.post(
        grid_url(meeting),
        {
            f"{line}-status": "present",
            f"{anne}-status": "left",
            f"{anne}-note": "etter sak 3/24",
            f"{cato}-status": "notified_absence",
            f"{dina}-status": "no_show",
            f"d{deputies['Vera Vara'].pk}-for": cato,
            f"d{deputies['Ulf Ubrukt'].pk}-for": "",
        },
    )
    assert response.status_code == 302
    rows = {
        a.person.name: a
        for a in Attendance.objects.filter(meeting=meeting).select_related("person")
    }
    # Deputies get no row of their own: Vera is Cato's substitute, Ulf is not there.
    assert set(rows) == set(seats)
    assert rows["Cato Fri"].status == S.NOTIFIED_ABSENCE
    assert rows["Cato Fri"].substitute == deputies["Vera Vara"].person
    assert rows["Dina Borte"].status == S.NO_SHOW
    assert rows["Anne Sen"].status == S.LEFT
    assert rows["Anne Sen"].note == "etter sak 3/24"
    document = MinutesDocument.from_rows(meeting)
    printed = dict(document.attendance_rows())
    assert printed["Varamedlemmer"] == ["Vera Vara møtte for Cato Fri (H)"]
    assert printed["Meldt forfall"] == ["Cato Fri (H)"]
    assert printed["Ikke møtt"] == ["Dina Borte (SV)"]
    assert printed["Forlot møtet"] == ["Anne Sen (Sp) – etter sak 3/24"]

    # The grid shows it back: the deputy's choice on the deputy's row, and the
    # member's own substitute field empty (no second copy of the same fact).
    html = alice_client.get(grid_url(meeting)).content.decode()
    cato_key = f"a{rows['Cato Fri'].pk}"
    assert f'<option value="{cato_key}" selected>Cato Fri</option>' in html
    assert (
        f'id="{cato_key}-substitute" list="people-options" autocomplete="off" value=""'
        in html
    )
    assert (
        f'id="{cato_key}-status-notified_absence" value="notified_absence" checked'
        in html
    )


def test_a_deputy_for_a_present_member_is_refused_and_what_was_typed_stays(
    alice_client, board
):
    meeting, seats, deputies = board
    line, anne, cato, dina = (f"m{seats[n].pk}" for n in seats)
    vera = f"d{deputies['Vera Vara'].pk}"
    ulf = f"d{deputies['Ulf Ubrukt'].pk}"
    response = alice_client.post(
        grid_url(meeting),
        {
            f"{line}-status": "present",
            f"{anne}-status": "present",
            f"{anne}-note": "fra sak 2",
            f"{cato}-status": "notified_absence",
            f"{dina}-status": "no_show",
            f"{vera}-for": anne,  # Anne is present: no deputy for her
            f"{ulf}-for": dina,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anne Sen er ført opp som til stede." in html
    assert f'<fieldset class="seat seat-deputy seat-error" id="{vera}"' in html
    assert f'aria-describedby="{vera}-error"' in html
    # What was typed is shown again, the refused choice with it.
    assert f'<option value="{anne}" selected>Anne Sen</option>' in html
    assert 'value="fra sak 2"' in html
    # The other rows were saved: Ulf stood in for Dina.
    dina_row = Attendance.objects.get(meeting=meeting, membership=seats["Dina Borte"])
    assert dina_row.status == S.NO_SHOW
    assert dina_row.substitute == deputies["Ulf Ubrukt"].person


def test_two_deputies_for_one_member_and_two_substitutes_are_refused(
    alice_client, board
):
    meeting, seats, deputies = board
    cato = f"m{seats['Cato Fri'].pk}"
    dina = f"m{seats['Dina Borte'].pk}"
    response = alice_client.post(
        grid_url(meeting),
        {
            f"{cato}-status": "notified_absence",
            f"{dina}-status": "notified_absence",
            f"{dina}-substitute": "Petter Privat",
            f"d{deputies['Vera Vara'].pk}-for": cato,
            f"d{deputies['Ulf Ubrukt'].pk}-for": cato,
        },
    )
    html = response.content.decode()
    assert "Vera Vara møtte allerede for Cato Fri. Velg et annet medlem." in html
    # A deputy and a typed substitute for the same member: which one came?
    cato = key(meeting, seats["Cato Fri"])
    dina = key(meeting, seats["Dina Borte"])
    response = alice_client.post(
        grid_url(meeting),
        {
            f"{cato}-status": "notified_absence",
            f"{dina}-status": "notified_absence",
            f"{dina}-substitute": "Petter Privat",
            f"d{deputies['Ulf Ubrukt'].pk}-for": dina,
        },
    )
    html = response.content.decode()
    assert "Dina Borte har både stedfortreder «Petter Privat» og varamedlem" in html


def test_a_seat_key_that_is_not_a_member_is_refused(alice_client, board, world):
    meeting, seats, deputies = board
    response = alice_client.post(
        grid_url(meeting), {f"d{deputies['Vera Vara'].pk}-for": "a999999"}
    )
    assert "Velg et medlem fra listen." in response.content.decode()


def test_times_are_typed_as_text_and_a_bad_one_is_named(alice_client, board):
    meeting, seats, _deputies = board
    anne = f"m{seats['Anne Sen'].pk}"
    alice_client.post(
        grid_url(meeting), {f"{anne}-status": "present", f"{anne}-arrived_at": "12.30"}
    )
    row = Attendance.objects.get(meeting=meeting, membership=seats["Anne Sen"])
    assert row.arrived_at == datetime.time(12, 30)
    response = alice_client.post(
        grid_url(meeting),
        {f"a{row.pk}-status": "present", f"a{row.pk}-arrived_at": "halv ett"},
    )
    html = response.content.decode()
    assert "Skriv klokkeslett som 10:30." in html
    assert 'value="halv ett"' in html


# The agenda pasted as lines ---------------------------------------------------------


@pytest.mark.parametrize(
    "line, title",
    [
        ("1. Budsjett 2025", "Budsjett 2025"),
        ("2) Valg av nestleder", "Valg av nestleder"),
        ("Sak 3/24 Høring om eldreplanen", "Høring om eldreplanen"),
        ("PS 14/24: Tilskudd til seniorsentre", "Tilskudd til seniorsentre"),
        ("RS 3/24 – Referat fra fylkets eldreråd", "Referat fra fylkets eldreråd"),
        ("Pkt. 1 Åpning", "Åpning"),
        ("38/22 Orientering", "Orientering"),
        ("- Eventuelle saker", "Eventuelle saker"),
        ("• Kulepunkt", "Kulepunkt"),
        ("  1.  Sak 3/24:   Budsjett  ", "Budsjett"),
        # A number that belongs to the title stays.
        ("2 000 kroner til lag og foreninger", "2 000 kroner til lag og foreninger"),
        ("2025-budsjettet", "2025-budsjettet"),
        ("1.5 millioner til veier", "1.5 millioner til veier"),
        ("Saksbehandling i 2024", "Saksbehandling i 2024"),
    ],
)
def test_leading_numbering_is_stripped_from_a_pasted_line(line, title):
    assert agenda_title_from_line(line) == title


def test_a_pasted_text_names_the_lines_that_are_not_titles():
    pasted = agenda_paste_read("1. Budsjett\n\n2.\n" + "x" * 301 + "\n- Valg")
    assert pasted.titles == ["Budsjett", "Valg"]
    assert pasted.problems == [
        (3, "Linje 3 har ikke noen tittel."),
        (4, "Linje 4 er lengre enn 300 tegn."),
    ]


MUNICIPAL = {"case_prefix": "PS", "report_prefix": "RS", "procedural_label": "Pkt."}
CASE, REPORT, PROCEDURAL = ItemSeries.CASE, ItemSeries.REPORT, ItemSeries.PROCEDURAL


@pytest.mark.parametrize(
    "line, series, title",
    [
        ("Pkt. 1 Godkjenning av innkalling", PROCEDURAL, "Godkjenning av innkalling"),
        (
            "Pkt 2 Valg av protokollunderskriver",
            PROCEDURAL,
            "Valg av protokollunderskriver",
        ),
        ("Punkt 3 – Eventuelt", PROCEDURAL, "Eventuelt"),
        ("RS 3/24 Brev fra Statsforvalteren", REPORT, "Brev fra Statsforvalteren"),
        ("- RS 2/24: Protokoll", REPORT, "Protokoll"),
        ("PS 10/24 Budsjett 2025", CASE, "Budsjett 2025"),
        ("Sak 11/24 Høring", CASE, "Høring"),
        ("12/24 Tilskudd", CASE, "Tilskudd"),
        ("3. Trygghetsalarmer", CASE, "Trygghetsalarmer"),
        # The more specific numbering wins over a list number before it.
        ("1. Pkt. 1 Åpning", PROCEDURAL, "Åpning"),
        # No numbering: the series is left to the item's type.
        ("Budsjett 2025", "", "Budsjett 2025"),
        ("Punktlig oppmøte", "", "Punktlig oppmøte"),
        ("2 000 kroner til lag", "", "2 000 kroner til lag"),
    ],
)
def test_a_pasted_line_keeps_the_series_its_numbering_names(line, series, title):
    council = CouncilFactory.build(**MUNICIPAL)
    assert agenda_line_read(line, council) == (series, title)


@pytest.mark.parametrize(
    "line, series, title",
    [
        # A council without procedural points or a report series: stripped only.
        ("Pkt. 1 Åpning", "", "Åpning"),
        ("RS 3/24 Brev", "", "Brev"),
        ("38/22 Orientering", CASE, "Orientering"),
        ("Sak 3/24 Høring", CASE, "Høring"),
    ],
)
def test_a_council_without_the_series_gets_the_numbering_stripped_only(
    line, series, title
):
    assert agenda_line_read(line, CouncilFactory.build()) == (series, title)


def test_a_councils_own_prefixes_are_numbering_too():
    council = CouncilFactory.build(case_prefix="KST", procedural_label="Møtepunkt")
    assert agenda_line_read("KST 3/24 Budsjett", council) == (CASE, "Budsjett")
    assert agenda_line_read("Møtepunkt 2 Åpning", council) == (PROCEDURAL, "Åpning")
    assert agenda_line_read("RS 2/24 Brev", council) == ("", "Brev")


def test_paste_read_returns_the_series_per_title():
    council = CouncilFactory.build(**MUNICIPAL)
    pasted = agenda_paste_read(
        "Pkt. 1 Åpning\n\nPS 10/24 Budsjett\nRS 2/24 Brev\nEventuelt", council
    )
    assert pasted.titles == ["Åpning", "Budsjett", "Brev", "Eventuelt"]
    assert pasted.series == [PROCEDURAL, CASE, REPORT, ""]
    assert agenda_paste_read("Pkt. 1 Åpning").series == [""]


def test_pasted_items_are_numbered_in_the_series_their_lines_name(world):
    council = world.council_a
    for name, value in MUNICIPAL.items():
        setattr(council, name, value)
    council.save()
    meeting = make_meeting(
        council, datetime.date(2024, 6, 5), with_standard_items=False
    )
    made = agenda_items_paste(
        meeting=meeting,
        text="Pkt. 1 Godkjenning av innkalling\nPkt 2 Valg\nPS 10/24 Budsjett\n"
        "RS 3/24 Brev\nBoligplan\nPunkt 3 – Eventuelt",
    )
    assert [(i.number_label, i.title) for i in made] == [
        ("Pkt. 1", "Godkjenning av innkalling"),
        ("Pkt. 2", "Valg"),
        ("PS 1/24", "Budsjett"),
        ("RS 1/24", "Brev"),
        ("PS 2/24", "Boligplan"),
        ("Pkt. 3", "Eventuelt"),
    ]


def test_pasted_lines_become_items_before_eventuelt_with_the_next_numbers(
    alice_client, world
):
    meeting = world.draft_a
    before = list(meeting.items.order_by("order").values_list("title", flat=True))
    url = reverse("workspace:agenda_paste", args=[meeting.pk])
    response = alice_client.post(
        url,
        {
            "text": "1. Budsjett 2025\r\nSak 3/24 Høring om eldreplanen\r\n\r\n"
            "- Tilskudd til seniorsentre\r\n",
            "kind": "orientering",
        },
        follow=True,
    )
    html = response.content.decode()
    items = list(meeting.items.order_by("order"))
    titles = [item.title for item in items]
    assert titles[-1] == "Eventuelt"
    new = titles[len(before) - 1 : -1]
    assert new == [
        "Budsjett 2025",
        "Høring om eldreplanen",
        "Tilskudd til seniorsentre",
    ]
    numbers = [item.number for item in items]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    made = [i for i in items if i.title in new]
    assert {i.kind for i in made} == {"orientering"}
    assert "3 saker er lagt til:" in html
    for item in made:
        assert f"{item.number_label} {item.title}" in html


def test_a_bad_paste_adds_nothing_and_keeps_the_text(alice_client, world):
    meeting = world.draft_a
    count = AgendaItem.objects.filter(meeting=meeting).count()
    text = "1. Budsjett\n2.\n3. Valg"
    response = alice_client.post(
        reverse("workspace:agenda_paste", args=[meeting.pk]), {"text": text}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Linje 2 har ikke noen tittel." in html
    assert "Ingen saker ble lagt til." in html
    assert "1. Budsjett\n2.\n3. Valg</textarea>" in html
    assert AgendaItem.objects.filter(meeting=meeting).count() == count
    empty = alice_client.post(
        reverse("workspace:agenda_paste", args=[meeting.pk]), {"text": "  \n"}
    )
    assert "Lim inn minst én tittel, én sak per linje." in empty.content.decode()


def test_the_grid_runs_the_same_queries_however_many_members(alice_client, board):
    meeting, seats, _deputies = board
    url = grid_url(meeting)
    alice_client.post(url, {f"m{seats['Anne Sen'].pk}-status": "present"})

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get(url).status_code == 200
        return len(captured)

    few = queries()
    for n in range(4):
        seat(meeting.council, f"Ny Person {n}", order=20 + n)
        seat(meeting.council, f"Ny Vara {n}", role=ROLE.DEPUTY, order=30 + n)
    alice_client.post(url, {f"m{seats['Cato Fri'].pk}-status": "no_show"})
    assert queries() == few
