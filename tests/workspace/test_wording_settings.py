"""Wording and numbering per council, set on the council's settings page: what the
minutes are called («Referat» / «Protokoll»), the heading over the inputs, how a
sector's representative is named, whether speakers are printed, and the prefixes of
the number series. Kept in the document, so a frozen version prints as it was."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from minutes import mail
from minutes.document import MinutesDocument
from minutes.models import AgendaItem, Input, ItemSeries
from minutes.pdf import render_minutes_pdf
from minutes.services import agenda, summons
from tests.factories import (
    CouncilFactory,
    PersonFactory,
    SectorFactory,
    make_meeting,
    publish,
)
from tests.pdf.conftest import pdf_pages, squeeze

pytestmark = pytest.mark.django_db

WORDING = {
    "part": "wording",
    "case_prefix": "PS",
    "report_prefix": "RS",
    "procedural_label": "Pkt.",
    "document_name": "protokoll",
    "inputs_heading": "Innspill i møtet:",
    "sector_representative_pattern": "Representant for {sector}",
    "prints_speakers": "on",
}


def settings_url(council) -> str:
    return reverse("workspace:council_settings", args=[council.slug])


def test_the_secretariat_sets_the_wording_and_numbering(alice_client, council):
    page = alice_client.get(settings_url(council)).text
    assert "Nummerering og ordlyd" in page
    assert 'name="case_prefix"' in page and 'name="document_name"' in page
    draft = make_meeting(council, datetime.date(2024, 3, 1))
    response = alice_client.post(settings_url(council), WORDING)
    assert response.status_code == 302
    council.refresh_from_db()
    assert (council.case_prefix, council.report_prefix) == ("PS", "RS")
    assert council.procedural_label == "Pkt."
    assert council.document_name == "protokoll"
    assert council.prints_speakers
    # A meeting not yet summoned takes the new prefix at once.
    item = AgendaItem.objects.filter(meeting=draft).order_by("order").first()
    assert item.number_label == "PS 1/24"


def test_numbers_sent_out_keep_the_prefix_they_were_printed_with(alice_client, council):
    sent = make_meeting(council, datetime.date(2024, 3, 1))
    summons.summons_mark_sent(meeting=sent)
    alice_client.post(settings_url(council), WORDING)
    item = AgendaItem.objects.filter(meeting=sent).order_by("order").first()
    assert item.number_label == "1/24"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"sector_representative_pattern": "Representant"},
            "Skriv {sector} der sektorens navn skal stå.",
        ),
        (
            {"report_prefix": "PS"},
            "Referatsakene trenger et annet prefiks enn sakene.",
        ),
    ],
)
def test_bad_wording_gets_a_clear_message_and_nothing_is_saved(
    alice_client, council, changes, message
):
    response = alice_client.post(settings_url(council), {**WORDING, **changes})
    assert response.status_code == 200
    assert message in response.text
    council.refresh_from_db()
    assert council.document_name == "referat" and council.case_prefix == ""


@pytest.fixture
def fjordvik():
    return CouncilFactory(
        name="Eldrerådet i Fjordby",
        slug="eldreradet-fjordby",
        case_prefix="PS",
        report_prefix="RS",
        procedural_label="Pkt.",
        document_name="protokoll",
        inputs_heading="Innspill i møtet:",
        sector_representative_pattern="Representant for {sector}",
        prints_speakers=True,
        first_case_numbers={"2024": 14},
    )


def protocol_meeting(council):
    meeting = make_meeting(council, datetime.date(2024, 3, 1))
    point = agenda.agenda_item_add(
        meeting=meeting, title="Konstituering", series=ItemSeries.PROCEDURAL
    )
    while AgendaItem.objects.get(pk=point.pk).order > 1:
        agenda.agenda_move(item=AgendaItem.objects.get(pk=point.pk), delta=-1)
    for n in range(1, 4):
        agenda.agenda_item_add(
            meeting=meeting, title=f"Melding {n}", series=ItemSeries.REPORT
        )
    item = AgendaItem.objects.get(meeting=meeting, series="case", number=14)
    Input.objects.create(
        item=item,
        text="Ønsker bedre busstilbud.",
        attribution=Input.Attribution.SECTOR,
        sector=SectorFactory(name="Kommunal sektor"),
    )
    Input.objects.create(
        item=item,
        text="Spurte om budsjettet.",
        attribution=Input.Attribution.PERSON,
        person=PersonFactory(name="Kari Fjord"),
    )
    return meeting


def test_the_document_carries_the_councils_wording(fjordvik):
    document = MinutesDocument.from_rows(protocol_meeting(fjordvik))
    assert document.council.heading == "Protokoll fra møte i Eldrerådet i Fjordby"
    assert document.council.inputs_heading_text == "Innspill i møtet:"
    item = document.item(14)
    assert [entry.attributed_to for entry in item.inputs] == [
        "Representant for kommunal sektor",
        "Kari Fjord",
    ]


def test_the_reference_wording_is_unchanged(council):
    document = MinutesDocument.from_rows(make_meeting(council))
    assert document.council.heading == f"Referat fra møte i {council.name}"
    assert document.council.inputs_heading_text == (
        "Følgende innspill og spørsmål ble svart ut i møtet:"
    )
    assert not document.council.prints_speakers


def test_the_published_page_and_pdf_print_the_protocol_as_it_was_frozen(
    fjordvik, client, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    meeting = publish(protocol_meeting(fjordvik))
    # The council changes its wording afterwards: the frozen version keeps its own.
    fjordvik.document_name = "referat"
    fjordvik.inputs_heading = ""
    fjordvik.prints_speakers = False
    fjordvik.save()
    page = client.get(meeting.get_absolute_url()).text
    assert "<title>Protokoll – Møte 1/2024 – Eldrerådet i Fjordby" in page
    assert "Protokoll fra møte i Eldrerådet i Fjordby" in page
    assert "Innspill i møtet:" in page
    assert "Representant for kommunal sektor:</span> Ønsker bedre busstilbud." in page
    assert "Kari Fjord:</span> Spurte om budsjettet." in page
    pdf = client.get(
        reverse(
            "public:minutes_pdf", args=[fjordvik.slug, meeting.year, meeting.number]
        )
    )
    text = squeeze("\n".join(pdf_pages(b"".join(pdf.streaming_content))))
    for expected in (
        "Protokoll fra møte i Eldrerådet i Fjordby",
        "Protokollen ble godkjent",
        "Pkt. 1",
        "PS 14/24",
        "RS 3/24",
        "Innspill i møtet:",
        "Representant for kommunal sektor: Ønsker bedre busstilbud.",
    ):
        assert squeeze(expected) in text, expected
    assert squeeze("Referat fra møte") not in text


def test_a_draft_pdf_is_named_in_the_councils_words(fjordvik, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    text = squeeze(
        "\n".join(pdf_pages(render_minutes_pdf(meeting=protocol_meeting(fjordvik))))
    )
    assert squeeze("Protokoll fra møte i Eldrerådet i Fjordby") in text
    assert squeeze("Pkt. 1") in text and squeeze("RS 3/24") in text


def test_mail_subjects_name_the_protocol(fjordvik, council):
    meeting = make_meeting(fjordvik, datetime.date(2024, 3, 1))
    subject = mail._subject(mail.SUBJECT_APPROVED, meeting.minutes)()
    assert subject == "Protokollen er godkjent: Møte 1/2024 i Eldrerådet i Fjordby"
    opened = mail._subject(mail.SUBJECT_OPENED, meeting.minutes)()
    assert opened == "Protokoll til gjennomsyn: Møte 1/2024 i Eldrerådet i Fjordby"
    reference = make_meeting(council, datetime.date(2024, 3, 1))
    assert mail._subject(mail.SUBJECT_OPENED, reference.minutes)().startswith(
        "Referat til gjennomsyn: "
    )


def test_mail_bodies_name_the_protocol(fjordvik, council):
    def body(of, template: str, language: str = "nb") -> str:
        meeting = make_meeting(of, datetime.date(2024, 3, 1 if of == council else 2))
        context = {
            "council": of,
            "meeting": meeting,
            "minutes": meeting.minutes,
            "recipient": {"name": "Gunvor"},
            "review_url": "https://example.org/",
        }
        with translation.override(language):
            return " ".join(render_to_string(template, context).split())

    published = body(fjordvik, "email/review_published.txt")
    assert (
        "Protokollen fra Møte 1/2024 i Eldrerådet i Fjordby er publisert" in published
    )
    answered = body(fjordvik, "email/review_comment_answered.html")
    assert "kommentaren din til protokollen fra" in answered
    assert "Se protokollen" in answered
    assert "referat" not in answered.lower()
    english = body(fjordvik, "email/review_published.html", "en")
    assert "The minutes of Meeting" in english and "have been published" in english
    reference = body(council, "email/review_published.txt")
    assert "Referatet fra Møte 1/2024" in reference
