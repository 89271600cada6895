"""The demo data (`manage.py load_demo`) against the minutes of 2 December 2022.

The expected values are typed here from the reference document, not read from
ops/demo_data.py, so a slip in either shows up as a failure.
"""

import datetime
import html
import re

import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from council.models import Council, Membership, Organisation, Person, Sector
from minutes.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Decision,
    Input,
    Meeting,
    Minutes,
)
from tests.conftest import load_demo
from tests.reference_minutes import (
    ABSENT,
    AGENDA,
    DECISIONS,
    FULL_INPUTS,
    INPUTS,
    PRESENT,
    SECRETARIAT,
    SLUG,
)

pytestmark = pytest.mark.django_db


def meeting(year: int, number: int) -> Meeting:
    return Meeting.objects.get(council__slug=SLUG, year=year, number=number)


def items_by_number(year: int, number: int) -> dict[str, AgendaItem]:
    items = meeting(year, number).items.select_related("decision").order_by("order")
    return {item.number_label: item for item in items}


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.)])\s+(?=[A-ZÆØÅ])", text) if s]


def assert_in_order(content: str, expected: list[str]) -> None:
    position = 0
    for text in expected:
        found = content.find(text, position)
        assert found >= 0, f"{text!r} missing after position {position}"
        position = found + len(text)


def test_it_creates_the_council_with_its_secretariat(demo):
    council = Council.objects.get(slug=SLUG)
    assert council.name == "Nasjonalt e-helseråd"
    assert council.description
    assert council.secretariat_organisation.name == "Direktoratet for e-helse"
    assert council.default_venue == "Radisson Blu, Gardermoen"
    assert council.default_start_time == datetime.time(10, 0)
    assert council.default_end_time == datetime.time(16, 0)
    assert council.approval_rule == Council.ApprovalRule.NEXT_MEETING


def test_every_organisation_has_a_sector_and_an_ascii_slug(demo):
    organisations = {org.name: org for org in Organisation.objects.all()}
    represented = [org for _, org in PRESENT] + [org for _, org, _ in ABSENT]
    for name in represented:
        assert organisations[name].sector is not None, name
        assert re.fullmatch(r"[a-z0-9-]+", organisations[name].slug), name
    assert organisations["Helse Sør-Øst RHF"].slug == "helse-sor-ost-rhf"
    assert organisations["Helse Midt-Norge RHF"].short_name == "Helse Midt RHF"
    assert organisations["Folkehelseinstituttet"].short_name == "FHI"
    assert organisations["Oslo kommune"].sector.representative_label == (
        "Representant fra kommunal sektor"
    )
    assert organisations["FFO"].sector.representative_label == (
        "Representant fra pasient- og brukerorganisasjonene"
    )
    assert organisations["Helse Vest RHF"].sector != organisations["KS"].sector
    assert Sector.objects.count() >= 5


def test_every_member_holds_a_seat_in_the_reference_order(demo):
    seats = list(
        Membership.objects.filter(council__slug=SLUG)
        .select_related("person", "organisation")
        .order_by("order")
    )
    expected = PRESENT + [(name, org) for name, org, _ in ABSENT]
    assert [(m.person.name, m.organisation.name) for m in seats] == expected
    assert {m.role for m in seats} == {Membership.Role.MEMBER}
    for name in ["Terje Wistner", "Kai Øivind Brenden", *SECRETARIAT]:
        assert Person.objects.filter(name=name).count() == 1
    assert Person.objects.get(name="Karen Lima").organisation.name == (
        "Direktoratet for e-helse"
    )


def test_meeting_6_attendance_is_as_in_the_reference(demo):
    m6 = meeting(2022, 6)
    assert (m6.date, m6.start_time, m6.end_time, m6.venue) == (
        datetime.date(2022, 12, 2),
        datetime.time(10, 0),
        datetime.time(16, 0),
        "Radisson Blu, Gardermoen",
    )
    rows = list(
        m6.attendances.filter(role=Attendance.Role.MEMBER)
        .select_related("person", "substitute", "membership__organisation")
        .order_by("order")
    )
    present = [r for r in rows if r.status == Attendance.Status.PRESENT]
    absent = [r for r in rows if r.status == Attendance.Status.ABSENT]
    assert [(r.person.name, r.membership.organisation.name) for r in present] == PRESENT
    assert [
        (
            r.person.name,
            r.membership.organisation.name,
            r.substitute.name if r.substitute else None,
        )
        for r in absent
    ] == ABSENT
    assert len(rows) == len(PRESENT) + len(ABSENT)
    arrived = {r.person.name: r.arrived_at for r in rows if r.arrived_at}
    assert arrived == {"Lilly Ann Elvestad": datetime.time(12, 0)}
    assert next(r for r in rows if r.arrived_at).partial_note == "fra kl. 12"
    secretariat = m6.attendances.filter(role=Attendance.Role.SECRETARIAT).order_by(
        "order"
    )
    assert [r.person.name for r in secretariat] == SECRETARIAT


def test_meeting_6_has_every_sak_with_its_title_and_kind_in_order(demo):
    items = items_by_number(2022, 6)
    assert [(label, item.title, item.kind) for label, item in items.items()] == AGENDA
    assert not any(item.is_late_addition for item in items.values())
    assert items["39/22"].approves_minutes_of == meeting(2022, 5)


def test_meeting_6_decisions_are_the_reference_sentences(demo):
    items = items_by_number(2022, 6)
    for label, expected in DECISIONS.items():
        decision = items[label].decision
        assert sentences(decision.final_text) == expected, label
        if label == "45/22":
            assert decision.proposed_text == expected[0]
            assert decision.label == "Oppdatert vedtak"
        elif expected:
            assert decision.proposed_text == decision.final_text
            assert decision.label == "Vedtak"
    assert not items["46/22"].decision.text


def test_meeting_6_bodies_and_presenters(demo):
    items = items_by_number(2022, 6)
    assert items["38/22"].body == "Det kom ingen innspill til innkalling og dagsorden."
    assert items["39/22"].body == (
        "Det har kommet innspill til små språklige endringer som er tatt med i "
        "referatet. Det kom ingen øvrige innspill til referatet."
    )
    assert items["40/22"].presenters == "Mariann Hornnes, Direktoratet for e-helse"
    assert items["40/22"].body == (
        "Mariann Hornnes, Direktoratet for e-helse, orienterte om status på følgende "
        "sak:\n\n"
        "- Statsbudsjettet for 2023\n"
        "- Dagsaktuelt\n"
        "  - Tildelingsbrev 2023\n"
        "  - Lagringsprinsipper\n"
        "  - PDS og PLL i 2024"
    )
    paragraphs = items["41/22"].body.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("Direktoratet for e-helse har fått i oppdrag av")
    assert paragraphs[0].endswith("og til innføring av velferdsteknologi.")
    assert paragraphs[1].startswith("Elin Høyvik Kindingstad, Direktoratet for e-helse")
    assert "Elin Høyvik Kindingstad" in items["41/22"].presenters
    assert items["42/22"].presenters.startswith("Siv Ingebrigtsen")
    assert "kan tre i kraft fra 1. januar 2023." in items["42/22"].body
    assert items["43/22"].body.startswith("Ida Marie Ørvik, FHI, og Terje Wistner")
    assert items["44/22"].presenters.startswith("Håvard Kolle Riis")
    assert items["45/22"].presenters == "Lucie Aunan, Direktoratet for e-helse"
    assert items["45/22"].body.split("\n\n")[-1] == (
        "Alternativ 3: «Prioriterte områder med økt fokus på å realisere konkret nytt»."
    )
    assert "176,6 MNOK i 2023" in items["45/22"].body
    assert items["46/22"].body == "Det kom ingen saker til eventuelt."
    for item in items.values():
        for text in (item.body, item.decision.final_text):
            assert not re.search(r"(e|Midt)- (helse|Norge)", text), item


def test_meeting_6_inputs_are_every_bullet_in_order(demo):
    items = items_by_number(2022, 6)
    for label, expected in INPUTS.items():
        inputs = list(
            items[label]
            .inputs.select_related("organisation", "sector")
            .order_by("order")
        )
        assert len(inputs) == len(expected), label
        assert [i.order for i in inputs] == list(range(1, len(inputs) + 1))
        for entry, (opening, ending, who) in zip(inputs, expected, strict=True):
            assert entry.text.startswith(opening), (label, entry.text)
            assert entry.text.endswith(ending), (label, entry.text)
            assert entry.attributed_to == who, (label, entry.text)
            assert entry.parent_id is None
            assert "\n" not in entry.text and "  " not in entry.text
            assert entry.text == entry.text.strip()
            assert not re.search(r"(e|Midt)- (helse|Norge)", entry.text)
    counts = {label: len(expected) for label, expected in INPUTS.items()}
    assert counts == {
        "38/22": 0,
        "39/22": 0,
        "40/22": 2,
        "41/22": 14,
        "42/22": 15,
        "43/22": 12,
        "44/22": 4,
        "45/22": 8,
        "46/22": 0,
    }
    for label, texts in FULL_INPUTS.items():
        stored = set(items[label].inputs.values_list("text", flat=True))
        for text in texts:
            assert text in stored, text


def test_the_written_input_is_oslo_kommunes_and_comes_last(demo):
    written = Input.objects.get(is_written=True)
    assert written.item.number_label == "45/22"
    assert written.attribution == Input.Attribution.ORGANISATION
    assert written.organisation.name == "Oslo kommune"
    assert written.order == written.item.inputs.count()
    none_attributed = Input.objects.filter(
        item__meeting=meeting(2022, 6), attribution=Input.Attribution.NONE
    )
    assert sorted(i.item.number_label for i in none_attributed) == ["42/22", "45/22"]


def test_41_22_has_the_public_addendum_as_a_real_pdf(demo):
    attachment = Attachment.objects.get(item__number=41, item__year=2022)
    assert attachment.title == (
        "Tillegg til protokoll fra kommunal sektors representanter"
    )
    assert attachment.is_public
    assert attachment.meeting == meeting(2022, 6)
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name.endswith(".pdf")
    with attachment.file.open("rb") as handle:
        content = handle.read()
    assert attachment.size == len(content)
    reader = pypdf.PdfReader(attachment.file.path, strict=True)
    assert len(reader.pages) == 1
    assert "Tillegg til protokoll" in reader.pages[0].extract_text()


def test_meeting_5_runs_from_30_22_and_is_approved_by_39_22(demo):
    m5, m6 = meeting(2022, 5), meeting(2022, 6)
    assert m5.date == datetime.date(2022, 9, 21)
    labels = list(items_by_number(2022, 5))
    assert labels == [f"{n}/22" for n in range(30, 38)]
    items = list(m5.items.select_related("decision").order_by("order"))
    assert items[-1].standard == AgendaItem.Standard.ANY_OTHER_BUSINESS
    own = [item for item in items if not item.standard]
    assert len(own) >= 4
    assert all(item.decision.final_text for item in items[:-1])
    assert m5.summons_sent
    members = m5.attendances.filter(role=Attendance.Role.MEMBER)
    assert members.count() == len(PRESENT) + len(ABSENT)
    assert set(members.values_list("status", flat=True)) == {"present"}
    minutes = m5.minutes
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.approval_method == Minutes.ApprovalMethod.MEETING
    assert minutes.approved_at and minutes.published_at
    assert minutes.approved_by_item.number_label == "39/22"
    assert minutes.approved_by_item.meeting == m6
    assert minutes.approved_by_item.approves_minutes_of == m5


def test_meeting_6_is_published_and_approved_by_the_2023_meeting(demo):
    m6, m2023 = meeting(2022, 6), meeting(2023, 1)
    assert m6.summons_sent
    minutes = m6.minutes
    assert minutes.status == Minutes.Status.PUBLISHED
    assert minutes.is_public
    approving = minutes.approved_by_item
    assert approving.meeting == m2023
    assert approving.number_label == "2/23"
    assert approving.standard == AgendaItem.Standard.MINUTES_APPROVAL
    assert approving.approves_minutes_of == m6
    assert approving.title == (
        "Godkjenning av referatet fra møtet 2. desember 2022 i Nasjonalt e-helseråd"
    )
    assert approving.decision.final_text == (
        "Nasjonalt e-helseråd godkjenner referatet fra møtet 2. desember 2022."
    )


def test_the_2023_meeting_is_a_draft_in_review(demo, client):
    m2023 = meeting(2023, 1)
    assert m2023.date.year == 2023 and m2023.date.month <= 4
    items = list(m2023.items.select_related("decision").order_by("order"))
    assert items[0].number_label == "1/23"
    own = [item for item in items if not item.standard]
    assert len(own) >= 3
    assert {item.kind for item in own} <= {"anbefaling", "drofting", "orientering"}
    assert all(item.decision.proposed_text for item in own)
    assert Input.objects.filter(item__meeting=m2023).count() >= 2
    assert m2023.minutes.status == Minutes.Status.IN_REVIEW
    assert not m2023.minutes.is_public
    # Sent for review through the workflow: an open version with a deadline ahead.
    version = m2023.minutes.versions.get(is_open_review=True)
    assert version.deadline >= timezone.localdate()
    assert version.created_by.username == "sekretariat"
    # The public reads its agenda (the summons has gone out), never its minutes.
    agenda = html.unescape(client.get(m2023.get_absolute_url()).content.decode())
    assert "Saksliste" in agenda and own[0].title in agenda
    assert own[0].decision.proposed_text.split("\n")[0] in agenda
    entries = Input.objects.filter(item__meeting=m2023)
    assert not any(entry.text[:60] in agenda for entry in entries)
    assert client.get(own[0].get_absolute_url()).status_code == 404


def test_the_public_page_shows_the_minutes_in_the_reference_order(demo, client):
    m6 = meeting(2022, 6)
    response = client.get(m6.get_absolute_url())
    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    # The members table, then the agenda, then each sak with its inputs and decision.
    expected = [name for name, _ in PRESENT]
    expected[12] = "Lilly Ann Elvestad (FFO) – fra kl. 12"
    expected += [name for name, *_ in ABSENT]
    expected += [
        "Terje Wistner for Kristin W. Wieland (KS)",
        "Kai Øivind Brenden for Lill Sverresdatter Larsen (Norsk Sykepleierforbund)",
    ]
    expected += SECRETARIAT
    for label, title, _ in AGENDA:
        expected += [label, title]
    stored = {
        label: list(item.inputs.order_by("order").values_list("text", flat=True))
        for label, item in items_by_number(2022, 6).items()
    }
    for label, title, _ in AGENDA:
        expected += [f"{label}</span> {title}"]
        for opening, ending, _ in INPUTS[label]:
            expected += [opening, ending]
        if DECISIONS[label]:
            expected.append("Oppdatert vedtak:" if label == "45/22" else "Vedtak:")
            expected += DECISIONS[label]
        if label == "41/22":
            expected.append("Tillegg til protokoll fra kommunal sektors representanter")
    assert_in_order(content, expected)
    # Every input in full, in order, once each.
    assert_in_order(content, [text for texts in stored.values() for text in texts])
    for texts in FULL_INPUTS.values():
        for text in texts:
            assert content.count(text) == 1


def test_running_it_twice_creates_nothing_new(demo):
    assert "Demo data loaded" in demo
    models = [
        Council,
        Sector,
        Organisation,
        Person,
        Membership,
        Meeting,
        Attendance,
        AgendaItem,
        Decision,
        Input,
        Attachment,
        Minutes,
        get_user_model(),
    ]
    before = {model: model.objects.count() for model in models}
    output = load_demo()
    assert {model: model.objects.count() for model in models} == before
    assert "Demo data already loaded" in output
    assert "sekretariat" in output and "demo-sekretariat" in output
    assert meeting(2022, 6).minutes.status == Minutes.Status.PUBLISHED


def test_it_prints_the_demo_logins(demo):
    for username, password in [
        ("sekretariat", "demo-sekretariat"),
        ("medlem", "demo-medlem"),
        ("admin", "demo-admin"),
    ]:
        assert re.search(rf"\b{username}\b.*\b{password}\b", demo)


def test_the_demo_users_can_log_in_with_their_roles(demo, client):
    users = get_user_model().objects
    council = Council.objects.get(slug=SLUG)

    alice = users.get(username="sekretariat")
    assert alice.check_password("demo-sekretariat")
    # The secretariat works in /arbeid/; only the operator has the admin.
    assert not alice.is_staff and not alice.is_superuser
    assert not alice.user_permissions.exists()
    assert alice.email.endswith("@example.org")
    assert council.secretariat_users.filter(pk=alice.pk).exists()
    assert alice.person.name == "Karen Lima"

    bob = users.get(username="medlem")
    assert bob.check_password("demo-medlem")
    assert not bob.is_staff and not bob.is_superuser
    assert bob.person.name == "Erik Hansen"
    assert bob.email.endswith("@example.org")

    admin = users.get(username="admin")
    assert admin.check_password("demo-admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.email.endswith("@example.org")

    assert client.login(username="sekretariat", password="demo-sekretariat")


def test_the_demo_secretariat_gets_no_admin_page_and_the_operator_does(demo, client):
    """The admin is the operator's: the demo secretariat is sent to the admin's login
    from every admin page, while it still reaches its council in /arbeid/."""
    assert client.login(username="sekretariat", password="demo-sekretariat")
    for url in (
        reverse("admin:index"),
        reverse("admin:minutes_agendaitem_changelist"),
        reverse("admin:council_person_changelist"),
        reverse("admin:council_council_changelist"),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login"))
    workspace = client.get(reverse("workspace:council", args=[SLUG]))
    assert workspace.status_code == 200
    assert b"/admin/" not in workspace.content

    client.logout()
    assert client.login(username="admin", password="demo-admin")
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_approvals_are_dated_the_approving_meetings_day(demo, client):
    m5, m6 = meeting(2022, 5), meeting(2022, 6)
    assert timezone.localtime(m5.minutes.approved_at).date() == datetime.date(
        2022, 12, 2
    )
    assert timezone.localtime(m6.minutes.approved_at).date() == datetime.date(
        2023, 3, 9
    )
    page = html.unescape(client.get(m6.get_absolute_url()).content.decode())
    assert "Godkjent 9. mars 2023 i sak 2/23 (møte 1/2023)." in page
    page = html.unescape(client.get(m5.get_absolute_url()).content.decode())
    assert "Godkjent 2. desember 2022 i sak 39/22 (møte 6/2022)." in page
    with m6.minutes.pdf_file.open("rb") as stored:
        text = " ".join(
            page.extract_text() for page in pypdf.PdfReader(stored).pages[:1]
        )
    assert "godkjent 9. mars 2023 i sak 2/23" in " ".join(text.split())
