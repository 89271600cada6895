"""The demo meeting 6/2022 as PDF: it reads like the council's own minutes.

Personas: the public downloads published minutes; Erik Hansen («medlem») is a
member of Nasjonalt e-helseråd; Karen Lima («sekretariat») is its secretariat;
Charlie, the world's member of council B (tests/world.py), is logged in but has no
part in Nasjonalt e-helseråd.
"""

import hashlib
import io
import json
import re
from pathlib import Path

import pypdf
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from council.models import Organisation, Person
from minutes import pdf as minutes_pdf
from minutes.models import Meeting, Minutes
from ops import demo_data
from tests.pdf.conftest import (
    A4_POINTS,
    assert_in_order,
    minutes_layout,
    pdf_pages,
    squeeze,
    text_outside_its_cell,
    text_runs,
)

pytestmark = pytest.mark.django_db

# A copy of the council's published minutes (text extracted from its PDF).
REFERENCE = (
    Path(__file__).resolve().parents[1]
    / "data/referat-nasjonalt-e-helserad-2022-12-02.txt"
)
SLUG = "nasjonalt-e-helserad"
MM = 72 / 25.4  # points
PAGE_NUMBER = re.compile(r"^side \d+ av \d+$")


def meeting(number: int, year: int) -> Meeting:
    return Meeting.objects.select_related("council", "minutes").get(
        council__slug=SLUG, number=number, year=year
    )


PDF_URLS = {
    "minutes": "public:minutes_pdf",
    "draft": "review:draft_pdf",
    "summons": "review:summons_pdf",
}


def url(name: str, number: int, year: int) -> str:
    return reverse(
        PDF_URLS[name], kwargs={"council_slug": SLUG, "year": year, "number": number}
    )


def login(client, username: str) -> None:
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))


def reference_sequence() -> list[str]:
    """What the reference minutes show, in their order, from the transcription."""
    data = demo_data.MEETING_6_2022
    members = [name for name, _org in demo_data.MEMBERS]
    present = [name for name in members if name not in data["absent"]]
    absent = [name for name in members if name in data["absent"]]
    substitutes = [
        f"{substitute} for {member}"
        for member, substitute in data["absent"].items()
        if substitute
    ]
    first = 38
    agenda, items = [], []
    for offset, item in enumerate(data["items"]):
        label = f"{first + offset}/22"
        agenda += [label, item["title"]]
        items += [label, item["title"]]
        if item.get("inputs"):
            items.append("Følgende innspill og spørsmål ble svart ut i møtet:")
            items += [entry["text"] for entry in item["inputs"]]
        if item.get("decision"):
            updated = item.get("proposed") and item["proposed"] != item["decision"]
            items += ["Oppdatert vedtak:" if updated else "Vedtak:", item["decision"]]
    return (
        ["Referat fra møte i Nasjonalt e-helseråd", "6/2022", "2. desember 2022"]
        + ["Kl. 10.00 – 16.00", "Radisson Blu, Gardermoen"]
        + present
        + absent
        + substitutes
        + demo_data.SECRETARIAT_STAFF
        + agenda
        + items
    )


def test_the_transcription_we_check_against_is_the_reference(demo):
    # Guards the test below: every fact it looks for is in the council's own text.
    reference = squeeze(REFERENCE.read_text())
    for fact in reference_sequence():
        if fact in ("Radisson Blu, Gardermoen", "Kl. 10.00 – 16.00"):
            continue
        assert squeeze(fact) in reference, fact


def test_the_public_downloads_minutes_that_read_like_the_reference(demo, client):
    response = client.get(url("minutes", 6, 2022))
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    pages = pdf_pages(content)
    assert len(pages) >= 5
    assert_in_order("\n".join(pages), reference_sequence())
    # «Lilly Ann Elvestad (FFO) – fra kl. 12»: partial presence is kept.
    assert "LillyAnnElvestad(FFO)–frakl.12" in squeeze(pages[0])


def test_the_sub_bullets_of_a_body_are_kept(demo):
    content = minutes_pdf.render_minutes_pdf(meeting=meeting(6, 2022))
    text = squeeze("\n".join(pdf_pages(content)))
    assert_in_order(
        text,
        ["Statsbudsjettet for 2023", "Dagsaktuelt", "Tildelingsbrev 2023"]
        + ["Lagringsprinsipper", "PDS og PLL i 2024"],
    )


def test_the_stored_pdf_is_tagged_pdfa_3a_with_metadata(demo):
    minutes = meeting(6, 2022).minutes
    with minutes.pdf_file.open("rb") as stored:
        content = stored.read()
    reader = pypdf.PdfReader(io.BytesIO(content))
    xmp = reader.xmp_metadata.stream.get_data().decode()
    assert 'pdfaid:part="3"' in xmp
    assert 'pdfaid:conformance="A"' in xmp
    assert "<dc:language><rdf:Bag><rdf:li>nb</rdf:li>" in xmp
    info = reader.metadata
    assert info.title.startswith("Referat fra møte i Nasjonalt e-helseråd")
    assert "Møte 6/2022" in info.title
    assert info.author == "Direktoratet for e-helse"
    assert info.subject
    # The dates are the approval's, so a render of the same data is the same file.
    approved = minutes.approved_at.strftime("%Y%m%d%H%M%S")
    assert info["/CreationDate"].startswith(f"D:{approved}")
    assert info["/ModDate"] == info["/CreationDate"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nb"
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    # One bookmark per item, as the outline of the document.
    outline = [entry["/Title"] for entry in reader.outline]
    for offset, item in enumerate(demo_data.MEETING_6_2022["items"]):
        assert f"{38 + offset}/22 {item['title']}" in outline


MEETING_FACTS = ("number_label", "date", "start_time", "end_time", "venue")


def test_the_pdfa_carries_the_minutes_as_json(demo):
    minutes = meeting(6, 2022).minutes
    with minutes.pdf_file.open("rb") as stored:
        reader = pypdf.PdfReader(stored)
        attachment = reader.attachments["referat.json"][0]
    data = json.loads(attachment)
    # The document's own snapshot, in the schema of minutes/schemas/.
    assert data["format"] == "referat/2"
    facts = data["meeting"]
    assert {key: facts[key] for key in MEETING_FACTS} == {
        "number_label": "6/2022",
        "date": "2022-12-02",
        "start_time": "10:00",
        "end_time": "16:00",
        "venue": "Radisson Blu, Gardermoen",
    }
    assert [item["number_label"] for item in data["items"]] == [
        f"{n}/22" for n in range(38, 47)
    ]
    item_45 = data["items"][7]
    assert item_45["decision"]["label"] == "Oppdatert vedtak"
    assert item_45["inputs"][-1]["text"].startswith("Oslo kommune var ikke tilstede")
    assert data["members_present"][0] == {
        "name": "Erik Hansen",
        "organisation": "Helse Vest RHF",
        "partial_note": "",
        "function": "",
        "party": "",
        "status": "present",
    }
    assert data["attendance_count_line"] == (
        "18 til stede. 3 medlemmer ikke til stede. 2 stedfortredere møtte."
    )
    assert data["status"] == "approved" or data["status"] == "published"
    assert data["approval"]["text"].startswith("Referatet ble godkjent")
    assert "email" not in json.dumps(data)


def test_the_sha256_on_record_is_of_the_stored_bytes(demo, client):
    minutes = meeting(6, 2022).minutes
    response = client.get(url("minutes", 6, 2022))
    content = b"".join(response.streaming_content)
    assert hashlib.sha256(content).hexdigest() == minutes.pdf_sha256
    assert len(content) == minutes.pdf_size


def test_only_drafts_carry_the_utkast_watermark(demo, client):
    login(client, "medlem")
    published = pdf_pages(minutes_pdf.render_minutes_pdf(meeting=meeting(6, 2022)))
    assert not any("UTKAST" in page for page in published)
    assert "Referatet ble godkjent" in published[0]
    assert "sak 2/23" in published[0]

    response = client.get(url("draft", 1, 2023))
    assert response.status_code == 200
    assert (
        response["Cache-Control"] == "no-store, private"
        or "no-store" in (response["Cache-Control"])
    )
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    for number, page in enumerate(reader.pages, start=1):
        # The running header and the status line say UTKAST too, small and level;
        # the watermark is the word alone, large and drawn diagonally.
        watermarks = [
            run
            for run in text_runs(page)
            if run.text == "UTKAST" and run.size >= 48 and 20 <= run.angle <= 50
        ]
        assert len(watermarks) == 1, f"page {number} has no UTKAST watermark"
    assert "pdfaid" not in (
        reader.xmp_metadata.stream.get_data().decode() if reader.xmp_metadata else ""
    )
    assert "Referatet ble godkjent" not in reader.pages[0].extract_text()


def document_pdf(document: str) -> bytes:
    if document == "minutes":  # the stored PDF/A the public downloads
        with meeting(6, 2022).minutes.pdf_file.open("rb") as stored:
            return stored.read()
    if document == "draft":
        return minutes_pdf.render_minutes_pdf(meeting=meeting(1, 2023))
    return minutes_pdf.render_summons_pdf(meeting=meeting(6, 2022))


@pytest.mark.parametrize(
    ("document", "header"),
    [
        ("minutes", "Referat – Nasjonalt e-helseråd – Møte 6/2022"),
        ("draft", "UTKAST – Referat – Nasjonalt e-helseråd – Møte 1/2023"),
        ("summons", "Nasjonalt e-helseråd – Innkalling – Møte 6/2022"),
    ],
)
def test_every_page_is_a4_with_the_running_header_and_side_n_av_m(
    demo, document, header
):
    reader = pypdf.PdfReader(io.BytesIO(document_pdf(document)))
    total = len(reader.pages)
    assert total >= 2, "a running header needs pages to run over"
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        size = (float(box.width), float(box.height))
        assert size == pytest.approx(A4_POINTS, abs=1), f"page {number}: {size}"
        lines = page.extract_text().splitlines()
        footer = f"side {number} av {total}"
        assert lines.count(header) == 1, f"page {number}: {lines}"
        assert [line for line in lines if PAGE_NUMBER.match(line)] == [footer]
        # In the page's margins: the header above the text (top margin 24 mm),
        # the page number below it (bottom margin 22 mm).
        runs = {run.text: run for run in text_runs(page)}
        assert header in runs and footer in runs, f"page {number}: {list(runs)}"
        assert runs[header].y > size[1] - 24 * MM
        assert runs[footer].y < 22 * MM


def test_the_stored_pdf_does_not_change_when_data_changes_after_approval(demo, client):
    minutes = meeting(6, 2022).minutes
    before = b"".join(client.get(url("minutes", 6, 2022)).streaming_content)
    sha, name = minutes.pdf_sha256, minutes.pdf_file.name
    # Data behind the approved minutes changes afterwards: a member's name and an
    # organisation's (the minutes' own content is frozen by the guards).
    Person.objects.filter(name="Erik Hansen").update(name="Erik Hansen-Berg")
    Organisation.objects.filter(name="Legeforeningen").update(
        name="Den norske legeforening"
    )

    minutes_pdf.store_approved_pdf(minutes=minutes)
    after = b"".join(client.get(url("minutes", 6, 2022)).streaming_content)

    minutes.refresh_from_db()
    assert after == before
    assert (minutes.pdf_sha256, minutes.pdf_file.name) == (sha, name)
    # A fresh render would have differed: the record holds because it is stored.
    fresh = minutes_pdf.render_minutes_pdf(meeting=meeting(6, 2022))
    assert "Erik Hansen-Berg" in "\n".join(pdf_pages(fresh))
    assert "Erik Hansen-Berg" not in "\n".join(pdf_pages(after))


def test_a_repeat_download_is_a_304_without_rendering(demo, client, monkeypatch):
    def fail(**kwargs):
        raise AssertionError("published minutes must not be rendered on request")

    monkeypatch.setattr(minutes_pdf, "render_minutes_pdf", fail)
    first = client.get(url("minutes", 6, 2022))
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert (
        'filename="referat-nasjonalt-e-helserad-2022-12-02.pdf"'
        in first["Content-Disposition"]
    )
    assert first["ETag"] == f'"{meeting(6, 2022).minutes.pdf_sha256}"'
    assert first["Last-Modified"]
    again = client.get(url("minutes", 6, 2022), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_serving_the_stored_pdf_runs_one_query(demo, client, django_assert_num_queries):
    # The meeting with its council and minutes; the file comes from storage.
    with django_assert_num_queries(1):
        response = client.get(url("minutes", 6, 2022))
        assert response.status_code == 200
        b"".join(response.streaming_content)


def test_the_public_meeting_page_links_the_pdf_and_shows_its_sha256(demo, client):
    minutes = meeting(6, 2022).minutes
    page = client.get(meeting(6, 2022).get_absolute_url()).content.decode()
    assert f'href="{url("minutes", 6, 2022)}"' in page
    assert minutes.pdf_sha256 in page
    assert "kB" in page or "KB" in page


def test_minutes_not_yet_published_have_no_public_pdf(demo, client):
    assert client.get(url("minutes", 1, 2023)).status_code == 404
    assert client.get(url("minutes", 9, 2023)).status_code == 404


@pytest.mark.parametrize("username", ["medlem", "sekretariat"])
def test_members_and_secretariat_get_the_draft_and_the_summons(demo, client, username):
    login(client, username)
    draft = client.get(url("draft", 1, 2023))
    assert draft.status_code == 200
    assert draft["Content-Type"] == "application/pdf"
    assert "referat-utkast-nasjonalt-e-helserad-2023-" in draft["Content-Disposition"]
    summons = client.get(url("summons", 1, 2023))
    assert summons.status_code == 200
    assert "innkalling-nasjonalt-e-helserad-2023-" in summons["Content-Disposition"]


def test_the_summons_has_facts_agenda_proposals_and_papers(demo, client):
    login(client, "medlem")
    response = client.get(url("summons", 6, 2022))
    text = "\n".join(pdf_pages(response.content))
    data = demo_data.MEETING_6_2022
    item_41 = data["items"][3]
    assert_in_order(
        text,
        ["Innkalling til møte i Nasjonalt e-helseråd", "6/2022", "2. desember 2022"]
        + ["Dagsorden", "38/22", data["items"][0]["title"], "Godkjenning"]
        + ["41/22", item_41["title"], "Anbefaling", "46/22", "Eventuelt"]
        + ["41/22", item_41["title"], "Forslag til vedtak:"]
        + [item_41.get("proposed", item_41["decision"])]
        + ["Saksdokumenter", "41/22", demo_data.ATTACHMENT_41_22["title"]],
    )


@pytest.mark.parametrize("who", ["anonymous", "charlie"])
def test_others_get_no_draft_and_no_summons(demo, client, world, who):
    if who == "charlie":
        client.force_login(world.member_b)
    for name in ("draft", "summons"):
        assert client.get(url(name, 1, 2023)).status_code == 404
        assert client.get(url(name, 6, 2022)).status_code == 404
        assert client.get(url(name, 9, 2023)).status_code == 404


def test_a_member_asking_for_the_draft_of_approved_minutes_gets_the_record(
    demo, client
):
    login(client, "medlem")
    response = client.get(url("draft", 6, 2022))
    content = b"".join(response.streaming_content)
    assert hashlib.sha256(content).hexdigest() == meeting(6, 2022).minutes.pdf_sha256


def test_the_command_renders_the_demo_meeting(demo, tmp_path):
    target = tmp_path / "referat.pdf"
    out = io.StringIO()
    call_command("render_minutes", SLUG, "6/2022", "-o", str(target), stdout=out)
    text = "\n".join(pdf_pages(target.read_bytes()))
    assert_in_order(text, reference_sequence())
    stored = tmp_path / "stored.pdf"
    call_command(
        "render_minutes", SLUG, "6/2022", "-o", str(stored), "--stored", stdout=out
    )
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == (
        meeting(6, 2022).minutes.pdf_sha256
    )


@pytest.mark.parametrize(
    ("council", "number", "message"),
    [
        ("finnes-ikke", "6/2022", "No council"),
        (SLUG, "9/2022", "no meeting 9/2022"),
        (SLUG, "6-2022", "not a meeting number"),
        (SLUG, "6/22", "not a meeting number"),
    ],
)
def test_the_command_explains_a_bad_address(demo, tmp_path, council, number, message):
    with pytest.raises(CommandError, match=message):
        call_command("render_minutes", council, number, "-o", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_minutes_status_of_the_demo_is_as_expected(demo):
    # The tests above rely on these states of the demo.
    assert meeting(6, 2022).minutes.status == Minutes.Status.PUBLISHED
    assert meeting(1, 2023).minutes.status == Minutes.Status.IN_REVIEW


def test_no_table_rule_crosses_text_on_page_one(demo, db):
    """The members table's names sat on the column rules: the list's hanging
    indent pulled each first line out of the cell's padding."""
    layout = minutes_layout(meeting(6, 2022))
    assert text_outside_its_cell(layout.pages[0]) == []


def test_no_table_rule_crosses_text_on_page_one_of_the_second_demo(demo, db):
    """Fjordvik's «Fra administrasjonen» is one word longer than its cell."""
    fjordvik = Meeting.objects.get(
        council__slug="eldreradet-fjordvik", year=2024, number=3
    )
    layout = minutes_layout(fjordvik)
    assert text_outside_its_cell(layout.pages[0]) == []
