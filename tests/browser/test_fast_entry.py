"""Fast entry (issue 13 item 9): a meeting of a municipal council entered from an empty
meeting in at most 40 clicks.

The secretariat creates the meeting; pastes its agenda of six items as lines; records
the attendance of nine members and two deputies in the one grid with the keyboard
(one meldt forfall with a deputy who møtte for her, one ikke møtt, one who forlot
møtet); types inputs under two items one after another with Ctrl+Enter; and records
the decisions, one «Vedtatt som foreslått» and one typed. Every click is counted
(tests/browser/clicks.py); fields are reached by clicking them (counted) or by the
keyboard, never by setting values behind the page's back.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from council.models import Membership
from minutes.document import MinutesDocument
from minutes.models import AgendaItem, Attendance, Input, Meeting
from tests.browser.clicks import press_until_focused
from tests.browser.conftest import login
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_CLICKS = 40
ROLE = Membership.Role
MEMBERS = [
    ("Solveig Lunde", ROLE.CHAIR, "Ap"),
    ("Per Haugen", ROLE.DEPUTY_CHAIR, "H"),
    ("Kari Nilsen", ROLE.MEMBER, "Sp"),
    ("Odd Berg", ROLE.MEMBER, "Ap"),
    ("Randi Moe", ROLE.MEMBER, "H"),
    ("Arne Dahl", ROLE.MEMBER, "FrP"),
    ("Grete Vik", ROLE.MEMBER, "SV"),
    ("Tor Eide", ROLE.MEMBER, "KrF"),
    ("Liv Strand", ROLE.MEMBER, "Ap"),
]
DEPUTIES = [("Inger Holm", "H"), ("Bjarne Lie", "Ap")]
# Arrow-right presses from «Til stede» in a row's radio group.
STATUS_STEPS = {"notified_absence": 1, "no_show": 2, "left": 3}
AGENDA = """PS 10/24 Høring: plan for helse og omsorg 2024–2028
PS 11/24 Budsjett for eldrerådet 2025
PS 12/24 Tilskudd til seniorsentrene
PS 13/24 Universell utforming av sentrum
RS 3/24 Referat fra fylkets eldreråd
RS 4/24 Årsmelding for 2023"""
INPUTS = {
    "Høring: plan for helse og omsorg 2024–2028": [
        "Rådet ber om at hjemmetjenesten får en egen plan for rekruttering.",
        "Dagtilbudet for personer med demens må nevnes særskilt.",
    ],
    "Budsjett for eldrerådet 2025": [
        "Midlene til kurs bør økes.",
        "Reiseutgifter til fylkets eldreråd må med.",
        "Sekretariatet lager et revidert forslag til neste møte.",
    ],
}
TYPED_DECISION = "Eldrerådet vedtar budsjettet med en økning til kurs på 10 000 kroner."


@pytest.fixture
def council(world):
    """Council A as a municipal council: nine seats with parties, two deputies."""
    council = world.council_a
    council.default_start_time = datetime.time(10)
    council.default_end_time = datetime.time(14)
    council.default_venue = "Rådhuset, møterom 2"
    council.save()
    world.membership_a.delete()
    for order, (name, role, party) in enumerate(
        MEMBERS + [(n, ROLE.DEPUTY, p) for n, p in DEPUTIES], start=1
    ):
        organisation = OrganisationFactory(name=f"{name}s parti")
        MembershipFactory(
            council=council,
            person=PersonFactory(name=name, organisation=organisation),
            organisation=organisation,
            role=role,
            party=party,
            order=order,
        )
    return council


def seat(page, name: str):
    return page.get_by_role("group", name=re.compile(rf"^{re.escape(name)}\b"))


def test_a_meeting_is_entered_from_empty_in_at_most_40_clicks(
    page, council, click_counter, screenshot
):
    login(page, "alice", PASSWORD)
    click_counter.reset()

    # The meeting: date typed, the council's times and venue kept.
    page.get_by_role("link", name="Nytt møte").first.click()
    date = page.get_by_label("Dato")
    date.click()
    date.fill("2024-03-14")
    page.get_by_role("button", name="Opprett møtet").click()
    expect(page.get_by_text("er opprettet med standardsakene")).to_be_visible()
    meeting = Meeting.objects.get(council=council)

    # The agenda, pasted as lines: numbering stripped, each with the next number.
    box = page.get_by_label("Titler, én sak per linje")
    box.click()
    page.keyboard.insert_text(AGENDA)
    page.get_by_role("button", name="Opprett sakene").click()
    expect(page.get_by_text("6 saker er lagt til")).to_be_visible()
    screenshot("01-agenda-pasted")

    # Attendance, the whole membership in one grid, by the keyboard from the first
    # row on: arrow keys choose within a row, Tab goes on.
    page.get_by_role("link", name="Oppmøte", exact=True).first.click()
    statuses = {"Randi Moe": "notified_absence", "Arne Dahl": "no_show"}
    statuses["Odd Berg"] = "left"
    seat(page, MEMBERS[0][0]).get_by_label("Til stede", exact=True).click()
    for name, _role, _party in MEMBERS:
        row = seat(page, name)
        press_until_focused(page, row.get_by_label("Til stede", exact=True))
        for _ in range(STATUS_STEPS.get(statuses.get(name, ""), 0)):
            page.keyboard.press("ArrowRight")
        if name == "Odd Berg":
            press_until_focused(page, row.get_by_label(re.compile("^Merknad")))
            page.keyboard.type("etter behandlingen av budsjettet")
    deputy = seat(page, "Inger Holm").get_by_label(re.compile("^Møtte for"))
    press_until_focused(page, deputy)
    page.keyboard.type("Randi")
    expect(deputy).to_have_value(re.compile(r"^[am]\d+$"))
    screenshot("02-attendance-typed")
    page.get_by_role("button", name="Lagre oppmøtet").click()
    expect(page.get_by_text("Oppmøtet er lagret.")).to_be_visible()

    # Inputs one after another: Ctrl+Enter saves and leaves an empty box.
    page.get_by_role("link", name="Referat", exact=True).click()
    status = page.locator("#save-status")
    for title, texts in INPUTS.items():
        section = page.get_by_role("region", name=re.compile(re.escape(title)))
        new_input = section.get_by_label("Nytt innspill")
        new_input.click()
        for number, text in enumerate(texts, start=1):
            page.keyboard.type(text)
            page.keyboard.press("Control+Enter")
            expect(section.locator(".input-row")).to_have_count(number)
            expect(new_input).to_have_value("")
            expect(new_input).to_be_focused()
    expect(status).to_have_text("Lagret")

    # Decisions: the summons approved as proposed in one click; one typed.
    with page.expect_navigation():
        page.get_by_role(
            "region", name=re.compile("Godkjenning av innkalling og dagsorden")
        ).get_by_role("button", name=re.compile("Vedtatt som foreslått")).click()
    budget = page.get_by_role("region", name=re.compile("Budsjett for eldrerådet"))
    decision = budget.get_by_label("Vedtak", exact=True)
    decision.click()
    page.keyboard.type(TYPED_DECISION)
    page.keyboard.press("Tab")  # leaving the field saves it
    expect(status).to_have_text("Lagret")
    screenshot("03-minuted")

    clicks = click_counter.count
    assert clicks <= MAX_CLICKS, "\n".join(click_counter.log)

    # What was entered is what the minutes hold.
    titles = list(
        AgendaItem.objects.filter(meeting=meeting)
        .order_by("order")
        .values_list("title", flat=True)
    )
    for line in AGENDA.splitlines():
        assert line.split(" ", 2)[2] in titles
    assert titles[-1] == "Eventuelt"
    for title, texts in INPUTS.items():
        assert (
            list(
                Input.objects.filter(item__meeting=meeting, item__title=title)
                .order_by("order", "id")
                .values_list("text", flat=True)
            )
            == texts
        )
    rows = {
        a.person.name: a
        for a in Attendance.objects.filter(meeting=meeting).select_related(
            "person", "substitute"
        )
    }
    assert set(rows) == {name for name, _role, _party in MEMBERS}
    assert rows["Randi Moe"].status == Attendance.Status.NOTIFIED_ABSENCE
    assert rows["Randi Moe"].substitute.name == "Inger Holm"
    assert rows["Arne Dahl"].status == Attendance.Status.NO_SHOW
    assert rows["Odd Berg"].status == Attendance.Status.LEFT
    assert rows["Odd Berg"].note == "etter behandlingen av budsjettet"
    document = MinutesDocument.from_rows(meeting)
    printed = dict(document.attendance_rows())
    assert printed["Varamedlemmer"] == ["Inger Holm møtte for Randi Moe (H)"]
    assert document.attendance_count_line.startswith("8 til stede.")
    decisions = {
        item.title: item.decision.final_text
        for item in AgendaItem.objects.filter(meeting=meeting).select_related(
            "decision"
        )
    }
    assert decisions["Budsjett for eldrerådet 2025"] == TYPED_DECISION
    assert decisions["Godkjenning av innkalling og dagsorden"]
    print(f"fast entry: {clicks} clicks")
