"""Numbering per council: case prefixes («PS 14/24»), reports numbered on their own
(«RS 3/24») and procedural points numbered per meeting outside the case sequence
(«Pkt. 1»); a council without them keeps the plain «38/22»."""

import datetime
import json

import jsonschema
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from minutes.document import SCHEMA_PATH, MinutesDocument, minutes_snapshot
from minutes.models import AgendaItem, ItemSeries
from minutes.services import agenda
from tests.factories import CouncilFactory, make_meeting, publish

pytestmark = pytest.mark.django_db

PROCEDURAL, REPORT, CASE = (
    ItemSeries.PROCEDURAL,
    ItemSeries.REPORT,
    ItemSeries.CASE,
)


@pytest.fixture
def municipal():
    """A municipal council: PS and RS series, «Pkt.» for procedural points, its
    first case number of 2024 set to 14."""
    return CouncilFactory(
        name="Eldrerådet i Testvik",
        slug="eldreradet-testvik",
        case_prefix="PS",
        report_prefix="RS",
        procedural_label="Pkt.",
        document_name="protokoll",
        first_case_numbers={"2024": 14},
    )


def labels(meeting) -> list[str]:
    return [
        item.number_label
        for item in AgendaItem.objects.filter(meeting=meeting).order_by("order")
    ]


def add(meeting, title, series, **fields):
    return agenda.agenda_item_add(meeting=meeting, title=title, series=series, **fields)


def municipal_meeting(council, date=datetime.date(2024, 3, 1)):
    """Two procedural points first, the standard cases, three reports."""
    meeting = make_meeting(council, date)
    first = add(meeting, "Konstituering", PROCEDURAL)
    second = add(meeting, "Godkjenning av innkalling", PROCEDURAL)
    for item in (second, first):
        while AgendaItem.objects.get(pk=item.pk).order > 1:
            agenda.agenda_move(item=AgendaItem.objects.get(pk=item.pk), delta=-1)
    for n in range(1, 4):
        add(meeting, f"Melding {n}", REPORT, proposed_decision="Tas til orientering.")
    return meeting


def test_the_plain_council_keeps_its_numbers_and_addresses(council):
    meeting = make_meeting(council, datetime.date(2022, 12, 2))
    item = AgendaItem.objects.filter(meeting=meeting).order_by("order").first()
    assert labels(meeting) == ["1/22", "2/22", "3/22"]
    assert item.series == CASE and item.prefix == ""
    assert item.get_absolute_url() == f"/{council.slug}/sak/2022/1/"
    assert agenda.council_series(council) == [("case", "Sak")]


def test_a_council_prints_its_prefixes_and_numbers_each_series_on_its_own(
    municipal,
):
    meeting = municipal_meeting(municipal)
    assert labels(meeting) == [
        "Pkt. 1",
        "Pkt. 2",
        "PS 14/24",
        "PS 15/24",
        "RS 1/24",
        "RS 2/24",
        "RS 3/24",
        "PS 16/24",
    ]
    # The next meeting runs on in the year's series; its points start again.
    later = make_meeting(municipal, datetime.date(2024, 6, 1))
    add(later, "Konstituering", PROCEDURAL)
    add(later, "Melding", REPORT)
    assert labels(later) == [
        "PS 17/24",
        "PS 18/24",
        "PS 19/24",
        "Pkt. 1",
        "RS 4/24",
    ] + ["PS 20/24"]


def test_back_filling_a_meeting_moves_every_series_of_the_later_ones(municipal):
    june = municipal_meeting(municipal, datetime.date(2024, 6, 1))
    march = make_meeting(municipal, datetime.date(2024, 3, 1))
    add(march, "Melding om budsjett", REPORT)
    add(march, "Konstituering", PROCEDURAL)
    assert labels(march) == ["PS 14/24", "PS 15/24", "RS 1/24", "Pkt. 1", "PS 16/24"]
    # June was the year's first meeting when made (no previous minutes to approve).
    assert labels(june) == [
        "Pkt. 1",
        "Pkt. 2",
        "PS 17/24",
        "PS 18/24",
        "RS 2/24",
        "RS 3/24",
        "RS 4/24",
        "PS 19/24",
    ]


def test_a_number_is_unique_in_its_series_only(municipal):
    meeting = municipal_meeting(municipal)
    report = AgendaItem.objects.get(meeting=meeting, series=REPORT, number=1)
    report.number = 2
    with pytest.raises(ValidationError, match="RS 2/24 er allerede brukt"):
        report.full_clean()
    point = AgendaItem.objects.get(meeting=meeting, series=PROCEDURAL, number=1)
    point.number = 2
    with pytest.raises(ValidationError):
        point.full_clean()
    # Pkt. 1 of another meeting, and PS 1 beside RS 1, are no clash.
    other = make_meeting(municipal, datetime.date(2024, 6, 1))
    assert add(other, "Konstituering", PROCEDURAL).number == 1


def test_an_item_moved_to_another_series_takes_its_next_number(municipal):
    meeting = municipal_meeting(municipal)
    item = AgendaItem.objects.get(meeting=meeting, series=CASE, number=15)
    decision = item.decision
    moved = agenda.agenda_item_update(
        item=item,
        item_revision=item.revision,
        decision_revision=decision.revision,
        fields={"series": REPORT},
        proposed_text=decision.proposed_text,
    )
    # Before the summons, numbers follow the agenda order in each series.
    assert moved.number_label == "RS 1/24"
    assert labels(meeting) == [
        "Pkt. 1",
        "Pkt. 2",
        "PS 14/24",
        "RS 1/24",
        "RS 2/24",
        "RS 3/24",
        "RS 4/24",
        "PS 15/24",
    ]


def test_a_series_the_council_does_not_use_is_refused(council):
    meeting = make_meeting(council, datetime.date(2024, 3, 1))
    with pytest.raises(ValidationError, match="bruker ikke denne nummerserien"):
        add(meeting, "Konstituering", PROCEDURAL)


def test_the_document_keeps_the_series_and_reads_old_snapshots_as_cases(municipal):
    meeting = municipal_meeting(municipal)
    document = MinutesDocument.from_rows(meeting)
    assert document.item(1, PROCEDURAL).number_label == "Pkt. 1"
    assert document.item(3, REPORT).number_label == "RS 3/24"
    assert document.item(14).number_label == "PS 14/24"
    assert document.item(1, PROCEDURAL).anchor == "pkt-1"
    assert document.item(3, REPORT).anchor == "rs-3"
    assert document.item(14).anchor == "sak-14"
    snapshot = minutes_snapshot(meeting=meeting)
    jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(
        snapshot
    )
    old = json.loads(json.dumps(snapshot))
    for row in old["items"]:
        del row["series"]
    for key in ("document_name", "inputs_heading", "prints_speakers"):
        del old["council"][key]
    read = MinutesDocument.from_snapshot(old)
    assert {item.series for item in read.items} == {CASE}
    assert read.council.document_name == "referat"


def test_the_approval_of_previous_minutes_names_the_approving_item_with_its_prefix(
    municipal,
):
    meeting = municipal_meeting(municipal)
    later = make_meeting(municipal, datetime.date(2024, 6, 1))
    approving = AgendaItem.objects.get(meeting=later, approves_minutes_of=meeting)
    assert approving.number_label == "PS 18/24"


def test_published_items_of_each_series_have_their_own_addresses(municipal, client):
    meeting = publish(municipal_meeting(municipal))
    slug = municipal.slug
    pages = {
        f"/{slug}/sak/2024/14/": "PS 14/24",
        f"/{slug}/referatsak/2024/3/": "RS 3/24",
        f"/{slug}/mote/2024/1/punkt/1/": "Pkt. 1",
    }
    for path, label in pages.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<span class="sak-number">{label}</span>' in response.text
    # No such case, report or point.
    for path in (
        f"/{slug}/sak/2024/1/",
        f"/{slug}/referatsak/2024/9/",
        f"/{slug}/mote/2024/1/punkt/9/",
        f"/{slug}/mote/2024/2/punkt/1/",
    ):
        assert client.get(path).status_code == 404, path
    page = client.get(meeting.get_absolute_url()).text
    for path in pages:
        assert f'href="{path}"' in page
    assert 'id="pkt-1"' in page and 'id="rs-3"' in page and 'id="sak-14"' in page
    register = client.get(f"/{slug}/vedtak/").text
    assert f'href="/{slug}/referatsak/2024/1/"' in register
    assert "RS 1/24" in register
    sitemap = client.get("/sitemap.xml").text
    for path in pages:
        assert path in sitemap


def test_the_api_prints_the_labels_and_links_each_series(municipal, client):
    publish(municipal_meeting(municipal))
    data = client.get("/api/meetings/").json()["data"]
    (meeting,) = [m for m in data if m["body"].endswith(f"/{municipal.slug}/")]
    items = {item["number"]: item for item in meeting["agendaItem"]}
    assert items["PS 14/24"]["series"] == "case"
    assert items["RS 3/24"]["series"] == "report"
    assert items["RS 3/24"]["web"].endswith(f"/{municipal.slug}/referatsak/2024/3/")
    assert items["Pkt. 1"]["web"].endswith(f"/{municipal.slug}/mote/2024/1/punkt/1/")
    assert items["PS 14/24"]["web"].endswith(f"/{municipal.slug}/sak/2024/14/")


def test_the_secretariat_chooses_the_series_in_the_agenda_and_the_item_form(
    world, council
):
    alice = world.client("secretariat_a")
    meeting = make_meeting(council, datetime.date(2024, 3, 1))
    page = alice.get(reverse("workspace:meeting", args=[meeting.pk])).text
    # A council that numbers every item as a sak has nothing to choose.
    assert 'name="series"' not in page
    council.report_prefix, council.procedural_label = "RS", "Pkt."
    council.save()
    page = alice.get(reverse("workspace:meeting", args=[meeting.pk])).text
    assert 'name="series"' in page and "Referatsak" in page
    response = alice.post(
        reverse("workspace:item_add", args=[meeting.pk]),
        {"title": "Konstituering", "series": "procedural"},
    )
    assert response.status_code == 302
    point = AgendaItem.objects.get(meeting=meeting, title="Konstituering")
    assert point.number_label == "Pkt. 1"
    item = AgendaItem.objects.get(meeting=meeting, standard="secretariat_info")
    form = alice.get(reverse("workspace:item", args=[item.pk])).text
    assert 'name="series"' in form
    response = alice.post(
        reverse("workspace:item", args=[item.pk]),
        {
            "title": item.title,
            "kind": item.kind,
            "series": "report",
            "item_revision": item.revision,
            "decision_revision": item.decision.revision,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.number_label == "RS 1/24"
    # The cases close up: summons approval 1/24, Eventuelt 2/24.
    assert labels(meeting) == ["1/24", "RS 1/24", "Pkt. 1", "2/24"]


def test_a_referatsak_is_a_report_where_the_council_numbers_reports_apart(
    municipal, council
):
    meeting = make_meeting(municipal, datetime.date(2024, 3, 1))
    item = agenda.agenda_item_add(meeting=meeting, title="Melding", kind="referatsaker")
    assert item.number_label == "RS 1/24"
    plain = make_meeting(council, datetime.date(2024, 3, 1))
    item = agenda.agenda_item_add(meeting=plain, title="Melding", kind="referatsaker")
    assert item.number_label == "3/24"
