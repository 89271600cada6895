"""Fast entry of a real-shaped municipal protocol (issue 13 item 9): meeting 3/2024 of
Eldrerådet i Fjordvik kommune, the second demo council (issue 13 item 10; the demo
data's MEETING_3_2024), entered from an empty meeting in at most 40 clicks.

The council is set up here through factories and services as the demo sets it up
(PS/RS/«Pkt.», «Protokoll», eight members with functions and parties, three
deputies), with its meeting 2/2024 before (PS 7–9/24, RS 1/24) and 4/2024 after;
3/2024 is empty. The secretariat then, in the browser: pastes the agenda with its
numbering (which keeps each line's series); makes the item that was planned as an
orientering one; records the attendance in the grid by the keyboard; marks how the
meeting handled two items (one «behandlet som til uttalelse», one utsatt); types the
høring's two inputs, each with who said it, one after another with Ctrl+Enter; types
the decisions (from an empty meeting there is no proposal to adopt as it stands); and
records the inhabilitet, the two votes and the protokolltilførsel. Every click is
counted (tests/browser/clicks.py); fields are reached by a click (counted) or by the
keyboard (Tab, typing to choose in a list), never set behind the page's back.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from council.models import Council, Membership
from minutes.document import MinutesDocument
from minutes.models import (
    AgendaItem,
    Attendance,
    Disqualification,
    Input,
    ItemSeries,
    Meeting,
    ProtocolEntry,
    Vote,
)
from minutes.services.agenda import agenda_item_add, meeting_create
from tests.browser.clicks import press_until_focused
from tests.browser.conftest import login
from tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
)
from tests.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_CLICKS = 40
ROLE = Membership.Role
MEMBERS = [
    ("Randi Fjeldstad", ROLE.CHAIR, "Ap"),
    ("Odd Sætre", ROLE.DEPUTY_CHAIR, "H"),
    ("Gunvor Lie", ROLE.MEMBER, "Sp"),
    ("Knut Brekke", ROLE.MEMBER, "FrP"),
    ("Solveig Haugland", ROLE.MEMBER, "SV"),
    ("Arne Tveit", ROLE.MEMBER, "KrF"),
    ("Marit Engen", ROLE.MEMBER, "Ap"),
    ("Bjørn Aas", ROLE.MEMBER, "V"),
]
DEPUTIES = [("Ingrid Vik", "FrP"), ("Tor Moen", "Ap"), ("Eva Lund", "H")]
# Arrow-right presses from «Til stede» in a row's radio group.
STATUS_STEPS = {"notified_absence": 1, "no_show": 2, "left": 3}
STATUSES = {
    "Knut Brekke": "notified_absence",
    "Solveig Haugland": "no_show",
    "Arne Tveit": "left",
}
LEFT_AT = "12:10"
LEFT_NOTE = "under behandlingen av PS 13/24"

SUMMONS = "Godkjenning av innkalling og saksliste"
SIGNING = "Valg av én representant til å underskrive protokollen sammen med leder"
APPROVAL = "Godkjenning av protokoll fra møte 2/2024"
BUDGET = "Budsjett 2025 – tilskudd til seniorsentrene"
HEARING = "Høring: Boligsosial handlingsplan 2024–2027"
ALARMS = "Trygghetsalarmer og velferdsteknologi"
ACTIVITIES = "Aktivitetstilbud for eldre sommeren 2024"
REPORT_COUNCIL = (
    "Protokoll fra kommunestyret 23. mai 2024, sak 45/24 Seniorpolitisk plattform"
)
REPORT_LETTER = "Brev fra Statsforvalteren om tilsyn med hjemmetjenesten"
AOB = "Eventuelt"
# As the secretariat pastes it from the summons: the numbering names the series.
AGENDA = f"""Pkt. 1 {SUMMONS}
Pkt. 2 {SIGNING}
PS 10/24 {APPROVAL}
PS 11/24 {BUDGET}
PS 12/24 {HEARING}
PS 13/24 {ALARMS}
PS 14/24 {ACTIVITIES}
RS 2/24 {REPORT_COUNCIL}
RS 3/24 {REPORT_LETTER}
Pkt. 3 – {AOB}"""
NUMBERS = [
    "Pkt. 1",
    "Pkt. 2",
    "PS 10/24",
    "PS 11/24",
    "PS 12/24",
    "PS 13/24",
    "PS 14/24",
    "RS 2/24",
    "RS 3/24",
    "Pkt. 3",
]
INPUTS = [
    (
        "Odd Sætre",
        "Mente at rehabilitering av Sentrum bo- og servicesenter er billigere og "
        "holder beboerne nær butikker og legekontor.",
    ),
    ("Gunvor Lie", "Pekte på at Nordmarka mangler busstilbud på kveldstid."),
]
REPORT_NOTED = "Referatsaken tas til orientering."
DECISIONS = {
    SUMMONS: "Innkalling og saksliste godkjennes.",
    SIGNING: "Bjørn Aas velges til å underskrive protokollen sammen med leder.",
    APPROVAL: "Protokollen fra møte 2/2024 godkjennes med den rettelsen som ble "
    "gjort i møtet.",
    BUDGET: "Eldrerådet støtter at tilskuddet til seniorsentrene videreføres, og ber "
    "om at tilskuddet til Fjordvik seniorsenter økes med 150 000 kroner til utvidet "
    "åpningstid.",
    HEARING: "Eldrerådet støtter forslaget til boligsosial handlingsplan, og ber om "
    "at det etableres kollektivtilbud til Nordmarka før de nye omsorgsboligene tas "
    "i bruk.",
    ALARMS: "Eldrerådet ber om at alle brukere får besøk og opplæring når alarmen "
    "byttes, og at pårørende varsles i god tid.",
    REPORT_COUNCIL: REPORT_NOTED,
    REPORT_LETTER: REPORT_NOTED,
}
AOB_BODY = "Det ble ikke tatt opp saker under eventuelt."
BASIS = "forvaltningsloven § 6 første ledd bokstav e"
AGAINST = "Odd Sætre (H), Ingrid Vik (FrP)"
PROTOCOL_ENTRY = (
    "Høyre mener at Sentrum bo- og servicesenter bør rehabiliteres før det bygges "
    "nytt på Nordmarka, og ber om at kostnadene ved begge alternativene legges frem "
    "for kommunestyret."
)
POSTPONED_REASON = "Saksfremlegget kom for sent til at rådet kunne behandle det."


@pytest.fixture
def fjordvik() -> Meeting:
    """Eldrerådet i Fjordvik kommune as the demo sets it up, its secretariat login,
    meetings 2/2024 (PS 7–9/24, RS 1/24) and 4/2024, and 3/2024 empty."""
    municipality = OrganisationFactory(name="Fjordvik kommune")
    council = CouncilFactory(
        name="Eldrerådet i Fjordvik kommune",
        slug="eldreradet-fjordvik",
        secretariat_organisation=municipality,
        default_venue="Fjordvik rådhus, formannskapssalen",
        default_start_time=datetime.time(10),
        default_end_time=datetime.time(13),
        approval_rule=Council.ApprovalRule.NEXT_MEETING,
        document_name=Council.DocumentName.PROTOCOL,
        case_prefix="PS",
        report_prefix="RS",
        procedural_label="Pkt.",
        prints_speakers=True,
        inputs_heading="Ordskifte:",
        first_case_numbers={"2024": 7},
    )
    secretary = UserFactory(username="sekretariat-fjordvik", first_name="Siri")
    PersonFactory(name="Siri Holm", organisation=municipality, user=secretary)
    council.secretariat_users.add(secretary)
    seats = MEMBERS + [(name, ROLE.DEPUTY, party) for name, party in DEPUTIES]
    for order, (name, role, party) in enumerate(seats, start=1):
        MembershipFactory(
            council=council,
            person=PersonFactory(name=name, organisation=municipality),
            organisation=municipality,
            role=role,
            party=party,
            order=order,
        )
    earlier = meeting_create(
        council=council,
        date=datetime.date(2024, 4, 17),
        number=2,
        with_standard_items=False,
    )
    for title in (
        "Godkjenning av protokoll fra møte 1/2024",
        "Demensplan for Fjordvik kommune 2024–2028",
        "Tilgjengelighet i sentrum – befaring med teknisk etat",
    ):
        agenda_item_add(meeting=earlier, title=title)
    agenda_item_add(
        meeting=earlier,
        title="Årsmelding 2023 for Eldrerådet i Fjordvik kommune",
        series=ItemSeries.REPORT,
    )
    meeting = meeting_create(
        council=council,
        date=datetime.date(2024, 6, 5),
        number=3,
        with_standard_items=False,
    )
    meeting_create(
        council=council,
        date=datetime.date(2024, 9, 18),
        number=4,
        with_standard_items=False,
    )
    assert not meeting.items.exists()
    return meeting


def seat(page, name: str):
    return page.get_by_role("group", name=re.compile(rf"^{re.escape(name)}\b"))


def item_section(page, title: str):
    # Playwright sends the pattern as /…/: a «/» in a title is escaped.
    pattern = re.escape(title).replace("/", r"\/")
    return page.get_by_role("region", name=re.compile(pattern))


def choose_by_keyboard(page, select, text: str) -> None:
    """Reach a closed list by Tab and choose by typing the start of an option, as a
    keyboard user does."""
    press_until_focused(page, select)
    page.keyboard.type(text)


def test_fjordvik_meeting_3_2024_is_entered_from_empty_in_at_most_40_clicks(
    page, fjordvik, click_counter, screenshot
):
    meeting = fjordvik
    login(page, "sekretariat-fjordvik", PASSWORD)
    click_counter.reset()

    # To the empty meeting.
    page.get_by_role("link", name="Alle møter").first.click()
    page.get_by_role("link", name="Møte 3/2024", exact=True).click()

    # The agenda, pasted with its numbering: «Pkt.», «PS» and «RS» keep their series.
    page.get_by_label("Titler, én sak per linje").click()
    page.keyboard.insert_text(AGENDA)
    page.get_by_role("button", name="Opprett sakene").click()
    expect(page.get_by_text("10 saker er lagt til")).to_be_visible()
    rows = page.locator("#agenda-table tbody tr td.sak-number")
    expect(rows).to_have_text(NUMBERS)
    screenshot("01-agenda-pasted")

    # The item the summons announced as an orientering.
    page.get_by_role("link", name=ALARMS, exact=True).click()
    choose_by_keyboard(page, page.get_by_label("Sakstype"), "Orientering")
    expect(page.get_by_label("Sakstype")).to_have_value("orientering")
    page.get_by_role("button", name="Lagre saken").click()
    expect(page.get_by_text("Saken er lagret.")).to_be_visible()

    # Attendance in the grid, by the keyboard from the first row on.
    page.get_by_role("link", name="Oppmøte", exact=True).first.click()
    seat(page, MEMBERS[0][0]).get_by_label("Til stede", exact=True).click()
    for name, _role, _party in MEMBERS:
        row = seat(page, name)
        press_until_focused(page, row.get_by_label("Til stede", exact=True))
        for _ in range(STATUS_STEPS.get(STATUSES.get(name, ""), 0)):
            page.keyboard.press("ArrowRight")
        if STATUSES.get(name) == "left":
            press_until_focused(page, row.get_by_label(re.compile("^Gikk kl.")))
            page.keyboard.type(LEFT_AT)
            press_until_focused(page, row.get_by_label(re.compile("^Merknad")))
            page.keyboard.type(LEFT_NOTE)
    stood_in = seat(page, "Ingrid Vik").get_by_label(re.compile("^Møtte for"))
    press_until_focused(page, stood_in)
    page.keyboard.type("Knut")
    expect(stood_in).to_have_value(re.compile(r"^[am]\d+$"))
    screenshot("02-attendance-typed")
    page.get_by_role("button", name="Lagre oppmøtet").click()
    expect(page.get_by_text("Oppmøtet er lagret.")).to_be_visible()

    # The minute-taking page. How the meeting handled two items (each saves the
    # page): the orientering handled as til uttalelse, the activities postponed.
    page.get_by_role("link", name="Referat", exact=True).click()
    alarms = item_section(page, ALARMS)
    alarms.locator("summary", has_text="Behandling i møtet").click()
    choose_by_keyboard(page, alarms.get_by_label("Behandlet som"), "Til uttalelse")
    with page.expect_navigation():
        alarms.get_by_role("button", name=re.compile("^Lagre")).click()
    expect(
        item_section(page, ALARMS).get_by_text("behandlet som til uttalelse").first
    ).to_be_visible()
    activities = item_section(page, ACTIVITIES)
    activities.locator("summary", has_text="Behandling i møtet").click()
    press_until_focused(page, activities.get_by_label("Utsatt", exact=True))
    page.keyboard.press("Space")
    press_until_focused(page, activities.get_by_label(re.compile("^Grunn til")))
    page.keyboard.type(POSTPONED_REASON)
    with page.expect_navigation():
        activities.get_by_role("button", name=re.compile("^Lagre")).click()
    expect(
        item_section(page, ACTIVITIES).get_by_text("Utsatt", exact=True).first
    ).to_be_visible()

    # The høring's inputs one after another, each with who said it: Tab to «Hvem»,
    # Ctrl+Enter saves and leaves the box empty for the next.
    status = page.locator("#save-status")
    hearing = item_section(page, HEARING)
    new_input = hearing.get_by_label("Nytt innspill")
    new_input.click()
    for number, (who, text) in enumerate(INPUTS, start=1):
        page.keyboard.type(text)
        press_until_focused(page, hearing.locator("[data-new-who]"))
        page.keyboard.type(who)
        page.keyboard.press("Control+Enter")
        expect(hearing.locator(".input-row")).to_have_count(number)
        expect(new_input).to_have_value("")
        expect(new_input).to_be_focused()

    # The decisions, typed: leaving a field saves it.
    for title, text in DECISIONS.items():
        item_section(page, title).get_by_label("Vedtak", exact=True).click()
        page.keyboard.type(text)
    item_section(page, AOB).get_by_label("Saksfremstilling").click()
    page.keyboard.type(AOB_BODY)
    page.keyboard.press("Tab")
    # Ten fields save one after another: wait for the last, however slow the host.
    expect(status).to_have_text("Lagret", timeout=20_000)

    # The formal elements, each form opened by its summary and filled by the keyboard.
    budget = item_section(page, BUDGET)
    budget.locator("summary", has_text="Legg til inhabilitet").click()
    choose_by_keyboard(page, budget.get_by_label("Inhabil", exact=True), "Marit")
    choose_by_keyboard(page, budget.get_by_label(re.compile("^Tiltrådte")), "Tor")
    press_until_focused(page, budget.get_by_label("Hjemmel"))
    page.keyboard.type(BASIS)
    budget.get_by_role("button", name="Legg til inhabilitet", exact=True).click()
    expect(budget.locator(".formal-list")).to_contain_text("Marit Engen")
    budget.locator("summary", has_text="Legg til votering").click()
    budget.get_by_role("button", name="Legg til votering", exact=True).click()
    expect(budget.locator(".formal-list")).to_contain_text("Votering:")

    hearing.locator("summary", has_text="Legg til votering").click()
    choose_by_keyboard(page, hearing.get_by_label("Resultat"), "Vedtatt ved")
    press_until_focused(page, hearing.get_by_label("For", exact=True))
    page.keyboard.type("5")
    press_until_focused(page, hearing.get_by_label("Mot", exact=True))
    page.keyboard.type("2")
    press_until_focused(page, hearing.get_by_label(re.compile("^Mot stemte")))
    page.keyboard.type(AGAINST)
    hearing.get_by_role("button", name="Legg til votering", exact=True).click()
    expect(hearing.locator(".formal-list")).to_contain_text("5 mot 2")
    hearing.locator("summary", has_text="Legg til protokolltilførsel").click()
    choose_by_keyboard(page, hearing.get_by_label("Fra", exact=True), "Odd")
    press_until_focused(page, hearing.get_by_label("Tekst", exact=True))
    page.keyboard.type(PROTOCOL_ENTRY)
    hearing.get_by_role(
        "button", name="Legg til protokolltilførsel", exact=True
    ).click()
    expect(hearing.locator(".formal-list")).to_contain_text("Protokolltilførsel")
    screenshot("03-minuted")

    clicks = click_counter.count
    print(f"fast entry, Fjordvik 3/2024: {clicks} clicks")
    assert clicks <= MAX_CLICKS, "\n".join(click_counter.log)

    # What was entered is what the protocol holds.
    items = {
        item.title: item
        for item in AgendaItem.objects.filter(meeting=meeting).select_related(
            "decision"
        )
    }
    by_order = sorted(items.values(), key=lambda item: item.order)
    assert [item.number_label for item in by_order] == NUMBERS
    for title, text in DECISIONS.items():
        assert items[title].decision.final_text == text, title
    assert items[AOB].body == AOB_BODY
    assert not items[ACTIVITIES].decision.final_text

    alarms_item = items[ALARMS]
    assert (alarms_item.kind, alarms_item.handled_kind) == (
        "orientering",
        "til_uttalelse",
    )
    postponed = items[ACTIVITIES]
    assert postponed.is_postponed
    assert postponed.postponed_reason == POSTPONED_REASON
    carried = AgendaItem.objects.get(postponed_from=postponed)
    assert (carried.meeting.number, carried.number_label) == (4, "PS 15/24")

    attendance = {
        a.person.name: a
        for a in Attendance.objects.filter(meeting=meeting).select_related(
            "person", "substitute"
        )
    }
    assert set(attendance) == {name for name, _role, _party in MEMBERS}
    absent = attendance["Knut Brekke"]
    assert absent.status == Attendance.Status.NOTIFIED_ABSENCE
    assert absent.substitute.name == "Ingrid Vik"
    assert attendance["Solveig Haugland"].status == Attendance.Status.NO_SHOW
    left = attendance["Arne Tveit"]
    assert left.status == Attendance.Status.LEFT
    assert left.left_at == datetime.time(12, 10)
    assert left.note == LEFT_NOTE
    others = set(attendance) - set(STATUSES)
    assert {attendance[n].status for n in others} == {Attendance.Status.PRESENT}

    inputs = Input.objects.filter(item=items[HEARING]).order_by("order", "id")
    assert [(i.attributed_to, i.text) for i in inputs] == INPUTS

    disqualification = Disqualification.objects.get(item=items[BUDGET])
    assert disqualification.person.name == "Marit Engen"
    assert disqualification.substitute.name == "Tor Moen"
    assert disqualification.basis == BASIS
    assert [v.outcome for v in Vote.objects.filter(item=items[BUDGET])] == [
        Vote.Outcome.UNANIMOUS
    ]
    vote = Vote.objects.get(item=items[HEARING])
    assert (vote.outcome, vote.votes_for, vote.votes_against) == (
        Vote.Outcome.ADOPTED,
        5,
        2,
    )
    assert vote.against_names == AGAINST
    entry = ProtocolEntry.objects.get(item=items[HEARING])
    assert (entry.person.name, entry.text) == ("Odd Sætre", PROTOCOL_ENTRY)

    # And the protocol prints it so.
    document = MinutesDocument.from_rows(meeting)
    printed = dict(document.attendance_rows())
    assert printed["Varamedlemmer"] == ["Ingrid Vik møtte for Knut Brekke (FrP)"]
    assert printed["Meldt forfall"] == ["Knut Brekke (FrP)"]
    assert printed["Ikke møtt"] == ["Solveig Haugland (SV)"]
    assert printed["Forlot møtet"] == [
        "Arne Tveit (KrF) – til kl. 12.10, under behandlingen av PS 13/24"
    ]
    assert printed["Til stede"][:2] == [
        "Randi Fjeldstad (Ap), leder",
        "Odd Sætre (H), nestleder",
    ]
    assert document.attendance_count_line.startswith("7 til stede. Ett forfall.")
    lines = {item.title: item for item in document.items}
    assert lines[ALARMS].kind_line == "Orientering – behandlet som til uttalelse"
    assert "4/2024" in lines[ACTIVITIES].postponed_line
