"""Rendering is local-only and prints user text as text; approval freezes the PDF."""

import datetime
import hashlib
import io
import json

import pypdf
import pytest

from minutes import pdf as minutes_pdf
from minutes.document import minutes_snapshot
from minutes.models import Attendance, Input, Minutes, MinutesVersion
from minutes.pdf import LocalStaticFetcher, css_string
from tests import factories
from tests.factories import MembershipFactory, approving_item, make_meeting
from tests.pdf.conftest import pdf_pages, squeeze

pytestmark = pytest.mark.django_db


def publish(meeting):
    return factories.publish(
        meeting, approved_at=datetime.datetime(2022, 3, 1, 12, tzinfo=datetime.UTC)
    )


HOSTILE = (
    'Se <img src="http://example.invalid/spor.png"> og '
    '<link rel="stylesheet" href="https://example.invalid/x.css"> <b>fet</b> & co'
)


def test_the_fetcher_serves_our_static_files():
    fetcher = LocalStaticFetcher()
    font = minutes_pdf.static_path("fonts/DejaVuSans.ttf")
    response = fetcher(font.as_uri())
    assert response.read()[:4] == b"\x00\x01\x00\x00"
    assert fetcher.refused == []


@pytest.mark.parametrize(
    "url",
    [
        "http://example.invalid/x.png",
        "https://example.invalid/x.css",
        "ftp://example.invalid/x",
        "data:text/plain,hei",
        "file:///etc/passwd",
        "file://otherhost/static/css/pdf.css",
    ],
)
def test_the_fetcher_refuses_everything_else(url):
    fetcher = LocalStaticFetcher()
    with pytest.raises(ValueError, match="Refused"):
        fetcher(url)
    assert fetcher.refused == [url]


def test_the_fetcher_refuses_a_path_that_climbs_out_of_static():
    fetcher = LocalStaticFetcher()
    inside = minutes_pdf.static_path("css/pdf.css")
    climbing = inside.parent.as_uri() + "/../../config/settings.py"
    with pytest.raises(ValueError):
        fetcher(climbing)


def test_raw_html_with_remote_references_fetches_nothing_remote():
    fetcher = LocalStaticFetcher()
    html = (
        '<html lang="nb"><head><title>t</title>'
        '<link rel="stylesheet" href="https://example.invalid/x.css"></head>'
        '<body><p>Hei</p><img src="http://example.invalid/spor.png" alt="spor">'
        "</body></html>"
    )
    content = minutes_pdf.render_html_to_pdf(html, url_fetcher=fetcher)
    assert content.startswith(b"%PDF-")
    assert "http://example.invalid/spor.png" in fetcher.refused
    assert "https://example.invalid/x.css" in fetcher.refused
    assert all(
        url.startswith("file:")
        for url in fetcher.requested
        if url not in fetcher.refused
    )


def test_input_text_with_html_prints_as_text_and_fetches_nothing(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.order_by("order").first()
    Input.objects.create(item=item, order=1, text=HOSTILE)
    publish(meeting)
    fetcher = LocalStaticFetcher()

    content = minutes_pdf.render_minutes_pdf(meeting=meeting, url_fetcher=fetcher)

    text = "\n".join(pdf_pages(content))
    assert squeeze(HOSTILE) in squeeze(text)
    # The document asked for nothing at all (the stylesheet and its fonts are
    # loaded once, from static/, by the same kind of fetcher).
    assert fetcher.refused == []
    assert fetcher.requested == []


def test_css_strings_cannot_break_out_of_the_style_element():
    value = css_string('Rådet "x" </style><script>alert(1)</script>\\')
    assert "</style>" not in value
    assert value.startswith('"') and value.endswith('"')
    assert '\\"x\\"' in value


def test_the_pdf_shows_members_with_organisation_and_partial_times(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    seat = MembershipFactory(
        council=council,
        person__name="Kari Nordmann",
        person__organisation__name="Fylket",
    )
    Attendance.objects.create(
        meeting=meeting,
        membership=seat,
        person=seat.person,
        arrived_at=datetime.time(12),
        left_at=datetime.time(15, 30),
    )
    publish(meeting)
    text = "\n".join(pdf_pages(minutes_pdf.render_minutes_pdf(meeting=meeting)))
    assert "KariNordmann(Fylket)–frakl.12,tilkl.15.30" in squeeze(text)


def test_approving_minutes_at_the_next_meeting_stores_the_pdf_once(council, media_root):
    from minutes.services import lifecycle

    first = make_meeting(council, datetime.date(2022, 2, 1))
    factories.decide_all(first)
    item = approving_item(first, datetime.date(2022, 3, 1))
    minutes = Minutes.objects.get(meeting=first)

    lifecycle.minutes_approve_at_meeting(minutes=minutes, item=item)

    minutes.refresh_from_db()
    assert minutes.pdf_file.name.startswith(f"referater/{council.slug}/2022/")
    with minutes.pdf_file.open("rb") as stored:
        content = stored.read()
    assert hashlib.sha256(content).hexdigest() == minutes.pdf_sha256
    assert minutes.pdf_size == len(content)
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert 'pdfaid:part="3"' in reader.xmp_metadata.stream.get_data().decode()
    assert "UTKAST" not in reader.pages[0].extract_text()
    assert f"sak {item.number_label}" in reader.pages[0].extract_text()

    name, rendered_at = minutes.pdf_file.name, minutes.pdf_rendered_at
    minutes_pdf.store_approved_pdf(minutes=minutes)
    minutes.refresh_from_db()
    assert (minutes.pdf_file.name, minutes.pdf_rendered_at) == (name, rendered_at)
    assert len(list((media_root / "referater" / council.slug / "2022").iterdir())) == 1


def test_draft_minutes_get_no_stored_pdf(council, media_root):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    with pytest.raises(ValueError):
        minutes_pdf.store_approved_pdf(minutes=meeting.minutes)
    meeting.minutes.refresh_from_db()
    assert not meeting.minutes.pdf_file


def test_published_minutes_without_a_file_get_one_on_first_download(
    council, media_root, client
):
    meeting = publish(make_meeting(council, datetime.date(2022, 2, 1)))
    url = f"/{council.slug}/mote/2022/{meeting.number}/referat.pdf"
    first = b"".join(client.get(url).streaming_content)
    meeting.minutes.refresh_from_db()
    assert hashlib.sha256(first).hexdigest() == meeting.minutes.pdf_sha256
    second = b"".join(client.get(url).streaming_content)
    assert second == first


def test_minutes_under_correction_without_a_file_get_no_public_pdf(
    council, media_root, client
):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    # As minutes approved and published before PDFs were stored (so without one),
    # then opened for correction.
    at = datetime.datetime(2022, 3, 1, tzinfo=datetime.UTC)
    MinutesVersion.objects.create(
        minutes=meeting.minutes,
        number=1,
        content=minutes_snapshot(meeting=meeting),
        approved_at=at,
        approval_method=Minutes.ApprovalMethod.MEETING,
        published_at=at,
    )
    rows = Minutes.objects.filter(meeting=meeting)
    rows.transition(Minutes.Status.APPROVED, approved_at=at)
    rows.transition(Minutes.Status.PUBLISHED, published_at=at)
    rows.transition(Minutes.Status.CORRECTING)
    url = f"/{council.slug}/mote/2022/{meeting.number}/referat.pdf"
    assert client.get(url).status_code == 404
    with pytest.raises(ValueError):
        minutes_pdf.store_approved_pdf(minutes=Minutes.objects.get(meeting=meeting))


def test_sub_bullets_of_an_input_are_kept_in_order(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.order_by("order").first()
    parent = Input.objects.create(item=item, order=1, text="Hovedpunktet")
    Input.objects.create(item=item, parent=parent, order=1, text="Første underpunkt")
    Input.objects.create(item=item, parent=parent, order=2, text="Andre underpunkt")
    Input.objects.create(item=item, order=2, text="Neste hovedpunkt")
    publish(meeting)
    content = minutes_pdf.render_minutes_pdf(meeting=meeting)
    text = squeeze("\n".join(pdf_pages(content)))
    expected = [
        "Hovedpunktet",
        "◦Førsteunderpunkt",
        "◦Andreunderpunkt",
        "•Nestehovedpunkt",
    ]
    positions = [text.find(part) for part in expected]
    assert -1 not in positions and positions == sorted(positions), positions
    data = json.loads(
        pypdf.PdfReader(io.BytesIO(content)).attachments["referat.json"][0]
    )
    entries = next(i for i in data["items"] if i["inputs"])["inputs"]
    assert [entry["text"] for entry in entries] == ["Hovedpunktet", "Neste hovedpunkt"]
    assert [child["text"] for child in entries[0]["children"]] == [
        "Første underpunkt",
        "Andre underpunkt",
    ]
