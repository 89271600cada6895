"""Uploads are checked by content and size and served as downloads; forms keep what
was typed on error; the parsers of addresses, commands and search never fall over."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes.models import Attachment
from public import search as search_engine
from tests.factories import PDF_BYTES, make_meeting
from tests.security.hostile.payloads import PAYLOADS, audit

# Uploads and downloads --------------------------------------------------------------


def _upload(client, meeting, name: str, content: bytes, follow=True):
    return client.post(
        reverse("workspace:attachment_upload", args=[meeting.pk]),
        {
            "title": "Notat",
            "file": SimpleUploadedFile(name, content),
            "is_public": "on",
        },
        follow=follow,
    )


@pytest.fixture
def editable(hostile):
    return make_meeting(council=hostile.council, date=datetime.date(2025, 1, 10))


def test_an_html_file_named_pdf_is_refused_by_its_content(editable, secretariat):
    html = b"<!doctype html><html><script>alert(1)</script></html>"
    response = _upload(secretariat, editable, "evil.pdf", html)
    assert "Denne filtypen kan ikke lastes opp" in response.content.decode()
    assert not Attachment.objects.filter(meeting=editable).exists()


def test_a_pdf_named_png_is_refused_as_a_mismatch(editable, secretariat):
    response = _upload(secretariat, editable, "bilde.png", PDF_BYTES)
    assert "men innholdet er PDF" in response.content.decode()
    assert not Attachment.objects.filter(meeting=editable).exists()


def test_an_oversized_file_is_refused_with_a_norwegian_message(
    editable, secretariat, settings
):
    settings.MAX_UPLOAD_SIZE = 1024
    response = _upload(secretariat, editable, "stor.pdf", PDF_BYTES + b"0" * 2000)
    assert "Største tillatte størrelse er 1,0\xa0KB" in response.content.decode()
    assert not Attachment.objects.filter(meeting=editable).exists()


def test_a_real_pdf_is_accepted(editable, secretariat):
    _upload(secretariat, editable, "notat.pdf", PDF_BYTES)
    assert Attachment.objects.get(meeting=editable).content_type == "application/pdf"


SAFE_FILENAME = re.compile(
    r'^attachment; filename(="(?:[^"\\\r\n]|\\.)*"|\*=[^\r\n]+)$'
)


def _assert_safe_download(response) -> None:
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert SAFE_FILENAME.match(disposition), disposition
    assert "/" not in disposition.split("filename", 1)[1].replace("utf-8''", "")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_papers_are_served_as_downloads_with_a_safe_name(hostile, client, secretariat):
    attachment = hostile.published.attachments.get(title=PAYLOADS[1])
    meeting = hostile.published
    public = client.get(
        reverse(
            "public:attachment",
            args=[meeting.council.slug, meeting.year, meeting.number, attachment.pk],
        )
    )
    _assert_safe_download(public)
    workspace = secretariat.get(
        reverse("workspace:attachment_download", args=[attachment.pk])
    )
    _assert_safe_download(workspace)
    api = client.get(reverse("api:file-download", args=[attachment.pk]) + "?download=1")
    _assert_safe_download(api)


def test_a_file_name_with_a_line_break_cannot_split_the_headers(hostile, secretariat):
    # The draft is not frozen, so its paper can be given a hostile stored name.
    attachment = hostile.draft.attachments.first()
    Attachment.objects.filter(pk=attachment.pk).update(
        original_name="notat\r\nSet-Cookie: x=1.pdf"
    )
    response = secretariat.get(
        reverse("workspace:attachment_download", args=[attachment.pk])
    )
    _assert_safe_download(response)
    assert "Set-Cookie" not in response.headers


# Forms keep what was typed ----------------------------------------------------------


def test_a_meeting_form_with_a_bad_date_keeps_what_was_typed(hostile, secretariat):
    response = secretariat.post(
        reverse("workspace:meeting_create", args=[hostile.council.slug]),
        {
            "date": "31.02.2025",
            "venue": "Mitt typede <b>sted</b>",
            "start_time": "10:00",
            "end_time": "12:00",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Oppgi en gyldig dato" in html
    assert 'value="Mitt typede &lt;b&gt;sted&lt;/b&gt;"' in html


def test_an_item_form_without_title_keeps_the_typed_presenters(hostile, secretariat):
    item = hostile.draft.items.exclude(standard__gt="").first()
    response = secretariat.post(
        reverse("workspace:item", args=[item.pk]),
        {
            "title": "",
            "presenters": "Kari Nordmann </textarea><script>alert(1)</script>",
            "proposed_text": "Mitt forslag",
            "item_revision": item.revision,
            "decision_revision": item.decision.revision,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dette feltet er påkrevd" in html
    audit(html, "item form")
    assert "Kari Nordmann &lt;/textarea&gt;&lt;script&gt;" in html
    assert "Mitt forslag" in html


# Parsing never falls over -----------------------------------------------------------

PROPERTY = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@given(st.text())
def test_cleaning_a_search_query_never_fails_and_leaves_no_control_characters(raw):
    query, messages = search_engine.clean_query(raw)
    assert len(query) <= search_engine.MAX_QUERY_LENGTH
    assert not any(ord(c) < 32 or c == "\x7f" for c in query)
    assert query == query.strip()
    search_engine.query_words(query)


@PROPERTY
@given(q=st.text(max_size=300), page=st.text(max_size=8), year=st.text(max_size=6))
def test_the_search_page_answers_any_query(db, client, q, page, year):
    from django.core.cache import cache

    cache.clear()  # the search rate limit counts per address
    response = client.get(reverse("public:search"), {"q": q, "side": page, "ar": year})
    assert response.status_code == 200


@PROPERTY
@given(
    year=st.integers(min_value=0, max_value=10**20),
    number=st.integers(min_value=0, max_value=10**20),
)
def test_meeting_and_item_addresses_with_any_numbers_are_a_404(
    db, client, council, year, number
):
    for name in (
        "public:meeting",
        "public:item",
        "public:minutes_pdf",
        "review:draft_pdf",
    ):
        response = client.get(reverse(name, args=[council.slug, year, number]))
        assert response.status_code == 404, (name, year, number)


@PROPERTY
@given(pk=st.integers(min_value=10**6, max_value=10**30))
def test_api_and_workspace_ids_of_any_size_are_a_404(db, client, pk):
    for path in (
        reverse("api:meeting-detail", args=[pk]),
        reverse("api:file-download", args=[pk]),
        reverse("review:read", args=[pk]),
    ):
        response = client.get(path)
        assert response.status_code in (302, 404), (path, response.status_code)


@PROPERTY
@given(st.text(min_size=1, max_size=40))
def test_render_minutes_refuses_any_meeting_argument_it_cannot_find(
    db, council, tmp_path, argument
):
    with pytest.raises(CommandError):
        call_command(
            "render_minutes", council.slug, argument, "-o", str(tmp_path / "x.pdf")
        )


@given(
    number=st.integers(min_value=1, max_value=9999),
    year=st.integers(min_value=1000, max_value=9999),
    space=st.sampled_from(["", " ", "\t"]),
)
def test_render_minutes_reads_number_slash_year(number, year, space):
    from minutes.management.commands.render_minutes import NUMBER_RE

    match = NUMBER_RE.match(f"{space}{number}/{year}{space}".strip())
    assert (int(match["number"]), int(match["year"])) == (number, year)
