"""Exempt content under offentleglova never reaches a public path.

The demo's published meeting 5/2022 has an item whose body is exempt under offl.
§ 23 første ledd; its body holds EXEMPT_SENTENCE. A crawl of every public page the
site links to (pages, item permalinks, search, feeds, calendars, sitemap, the API
followed link by link, attachments, the public PDF and its embedded JSON) never
shows it; members and the secretariat read it in the full record.
"""

import io
import json
import re
from collections import deque
from urllib.parse import urljoin, urlparse

import pypdf
import pytest
from django.test import Client
from django.urls import reverse

from minutes.models import AgendaItem, FullRecordPdf, Meeting
from ops.demo_data import EXEMPT_SENTENCE

pytestmark = pytest.mark.django_db

SLUG = "nasjonalt-e-helserad"
WORDS = ("forhandlingsposisjonen", "Fortrolig")
LINK = re.compile(r'(?:href|src)="([^"#]+)')
API_LINK = re.compile(r'"(http://testserver/api/[^"]+)"')
SKIP = ("/konto/", "/arbeid/", "/gjennomsyn/", "/admin/", "/static/", "/i18n/")


def crawl(client: Client, starts: list[str], limit: int = 1500) -> dict[str, bytes]:
    """Every same-site URL reachable from `starts` by links in HTML and API JSON."""
    seen, queue, bodies = set(starts), deque(starts), {}
    while queue and len(bodies) < limit:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            continue
        content = (
            b"".join(response.streaming_content)
            if getattr(response, "streaming", False)
            else response.content
        )
        bodies[url] = content
        kind = response.get("Content-Type", "")
        if not ("html" in kind or "json" in kind or "xml" in kind):
            continue
        text = content.decode("utf-8", "replace")
        found = [urljoin(url, link) for link in LINK.findall(text)]
        found += [m.replace("http://testserver", "") for m in API_LINK.findall(text)]
        for link in found:
            parsed = urlparse(link)
            if parsed.netloc not in ("", "testserver"):
                continue
            path = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            if path.startswith(SKIP) or path in seen:
                continue
            seen.add(path)
            queue.append(path)
    return bodies


def pdf_text_and_files(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for name, data in reader.attachments.items():
        text += "\n" + name + "\n" + b"".join(data).decode("utf-8", "replace")
    return text


def exempt_item() -> AgendaItem:
    return AgendaItem.objects.get(exemption_basis="offl. § 23 første ledd")


def test_the_demo_has_an_exempt_item_in_published_meeting_5_2022(demo):  # noqa: F811
    item = exempt_item()
    assert (item.meeting.number, item.meeting.year) == (5, 2022)
    assert item.meeting.minutes.status == "published"
    assert item.exemption_scope == "body"
    assert EXEMPT_SENTENCE in item.body


def test_no_public_response_shows_the_exempt_sentence(demo, client):  # noqa: F811
    item = exempt_item()
    starts = [
        "/",
        f"/{SLUG}/",
        f"/{SLUG}/vedtak/",
        f"/{SLUG}/vedtak/?format=json",
        f"/{SLUG}/vedtak/?format=csv",
        f"/{SLUG}/referater.atom",
        f"/{SLUG}/moter.ics",
        "/sitemap.xml",
        "/api/",
        "/api/system/",
        "/api/upcoming-meetings/",
        f"/api/meetings/{item.meeting_id}/minutes/",
        item.get_absolute_url(),
    ]
    starts += [f"/sok/?q={word}" for word in (*WORDS, "meldingsformidling")]
    bodies = crawl(client, starts)
    assert item.get_absolute_url() in bodies
    assert len(bodies) > 50
    leaks = []
    for url, content in bodies.items():
        text = (
            pdf_text_and_files(content)
            if content.startswith(b"%PDF")
            else content.decode("utf-8", "replace")
        )
        # A search page repeats the visitor's own query word: there, look for the
        # sentence around it instead.
        needles = ("posisjonen i anskaffelsen",) if url.startswith("/sok/") else WORDS
        if any(word in text for word in needles):
            leaks.append(url)
    assert leaks == []
    # The public reads the title and the legal basis in the body's place.
    page = bodies[item.get_absolute_url()].decode()
    assert "Anskaffelse av felles meldingsformidling" in page
    assert "Unntatt offentlighet, jf. offl. § 23 første ledd" in page


def test_search_finds_no_exempt_words(demo, client):  # noqa: F811
    for word in WORDS:
        page = client.get(reverse("public:search"), {"q": word}).content.decode()
        assert exempt_item().get_absolute_url() not in page


def test_the_public_pdf_and_its_json_leave_it_out_and_the_full_record_has_it(
    demo,  # noqa: F811
):
    minutes = exempt_item().meeting.minutes
    with minutes.pdf_file.open("rb") as stored:
        public_pdf = stored.read()
    public_text = pdf_text_and_files(public_pdf)
    assert not any(word in public_text for word in WORDS)
    assert "Unntatt offentlighet" in public_text
    embedded = json.loads(
        b"".join(pypdf.PdfReader(io.BytesIO(public_pdf)).attachments["referat.json"])
    )
    assert embedded["public_version"] is True

    record = FullRecordPdf.objects.get(public_sha256=minutes.pdf_sha256)
    with record.file.open("rb") as stored:
        full = stored.read()
    import hashlib

    assert hashlib.sha256(full).hexdigest() == record.sha256
    full_text = re.sub(r"\s+", " ", pdf_text_and_files(full))
    assert "forhandlingsposisjonen" in full_text
    assert "unntatt offentlighet" in full_text.lower()


def test_members_read_the_full_record(demo, client):  # noqa: F811
    assert client.login(username="medlem", password="demo-medlem")
    meeting = exempt_item().meeting
    page = client.get(reverse("review:read", args=[meeting.pk])).content.decode()
    assert EXEMPT_SENTENCE in page
    pdf = client.get(
        reverse("review:draft_pdf", args=[SLUG, meeting.year, meeting.number])
    )
    content = b"".join(pdf.streaming_content)
    assert "forhandlingsposisjonen" in re.sub(r"\s+", " ", pdf_text_and_files(content))


def test_the_summoned_meeting_1_2023_shows_its_agenda(demo, client):  # noqa: F811
    meeting = Meeting.objects.get(council__slug=SLUG, year=2023, number=1)
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200
    assert "Saksliste" in page.content.decode()


def test_follow_up_of_an_exempt_decision_stays_private(
    world, client, settings, tmp_path
):
    """The follow-up's task restates the decision: where the decision is exempt, the
    public sees neither, even when the council publishes its follow-up."""
    from tests.factories import make_meeting, publish
    from tests.followups import add_followup, decided_item

    settings.MEDIA_ROOT = tmp_path
    council = world.council_a
    council.publishes_followup = True
    council.save()
    meeting = make_meeting(council=council)
    item = decided_item(
        meeting, "Anskaffelse", "Rådet godkjenner forhandlingsmandatet."
    )
    item.decision.exemption_basis = "offl. § 23 første ledd"
    item.decision.save()
    publish(meeting)
    add_followup(
        AgendaItem.objects.get(pk=item.pk),
        responsible=world.membership_a.organisation,
        due_date=meeting.date,
        task="Forhandle videre om mandatet",
    )
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Unntatt offentlighet, jf. offl. § 23 første ledd" in page
    register = client.get(reverse("public:decisions", args=[council.slug])).content
    for text in (page, register.decode()):
        assert "forhandlingsmandatet" not in text
        assert "Forhandle videre om mandatet" not in text


def test_the_archive_exports_respect_the_exemption(demo, tmp_path):  # noqa: F811
    """eInnsyn gets the public text only; the Noark 5 extract marks the item with a
    skjerming on its legal basis, and neither carries the exempt sentence."""
    from django.core.management import call_command

    einnsyn = tmp_path / "moetemappe.json"
    call_command("export_einnsyn", SLUG, "5/2022", "-o", str(einnsyn))
    text = einnsyn.read_text(encoding="utf-8")
    assert not any(word in text for word in WORDS)
    assert "Anskaffelse av felles meldingsformidling" in text

    extract = tmp_path / "noark5"
    call_command("export_noark5", SLUG, "2022", "-o", str(extract))
    xml = (extract / "arkivstruktur.xml").read_text(encoding="utf-8")
    assert not any(word in xml for word in WORDS)
    assert "offl. § 23 første ledd</skjermingshjemmel>" in xml
