"""Whatever people type is shown as text, never run, wherever it is shown: pages,
feeds, calendar, API, PDF and e-mail."""

import io
import json
import xml.etree.ElementTree as ET

import pypdf
import pytest
from django.urls import reverse

from tests.security.hostile.payloads import (
    COUNCIL_NAME,
    PAYLOADS,
    assert_shown_as_text,
    audit,
    get_html,
    item_paths,
)

# Pages ------------------------------------------------------------------------------


def test_the_public_minutes_page_prints_every_payload_as_text(hostile, client):
    html = get_html(client, hostile.published.get_absolute_url())
    assert_shown_as_text(html, "public meeting")


def test_every_item_page_prints_its_payload_as_text(hostile, client):
    paths = item_paths(hostile.published, "public:item", by_pk=False)
    assert len(paths) == len(PAYLOADS)
    for path, payload in zip(paths, PAYLOADS, strict=True):
        assert_shown_as_text(get_html(client, path), path, [payload])
        # Search highlighting goes through its own marking code.
        marked = get_html(client, path + "?q=alert")
        audit(marked, path + "?q=alert")


def test_public_lists_organisations_and_search_print_payloads_as_text(hostile, client):
    slug = hostile.council.slug
    pages = [
        reverse("public:home"),
        reverse("public:council", args=[slug]),
        reverse("public:search") + "?q=alert",
        reverse("public:search") + "?q=" + "%3Cscript%3Ealert(1)%3C/script%3E",
        reverse("public:search") + "?q=klikk&type=%3Cscript%3E",
        reverse("public:version", args=[slug, 2024, hostile.published.number, 1]),
    ] + [reverse("public:organisation", args=[o.slug]) for o in hostile.organisations]
    for path in pages:
        assert_shown_as_text(get_html(client, path), path, [COUNCIL_NAME])
    for organisation in hostile.organisations:
        path = reverse("public:organisation", args=[organisation.slug])
        assert_shown_as_text(get_html(client, path), path, [organisation.name])
    search = get_html(client, reverse("public:search") + "?q=alert")
    assert_shown_as_text(search, "search", [PAYLOADS[0], PAYLOADS[7]])


def test_workspace_pages_print_payloads_as_text(hostile, secretariat):
    draft = hostile.draft
    slug = hostile.council.slug
    pages = [
        reverse("workspace:dashboard"),
        reverse("workspace:council", args=[slug]),
        reverse("workspace:members", args=[slug]),
        reverse("workspace:organisations", args=[slug]),
        reverse("workspace:meeting", args=[draft.pk]),
        reverse("workspace:meeting_edit", args=[draft.pk]),
        reverse("workspace:summons", args=[draft.pk]),
        reverse("workspace:attendance", args=[draft.pk]),
        reverse("workspace:meeting", args=[hostile.published.pk]),
    ]
    for path in pages:
        audit(get_html(secretariat, path), path)
    minute = get_html(secretariat, reverse("workspace:minute", args=[draft.pk]))
    # The minute-taking page holds the texts in <textarea>s: «</textarea>» must not
    # close one early.
    assert_shown_as_text(minute, "minute-taking")
    for path in item_paths(draft, "workspace:item", by_pk=True):
        audit(get_html(secretariat, path), path)
    for path in item_paths(draft, "workspace:item_history", by_pk=True)[:3]:
        audit(get_html(secretariat, path), path)


def test_review_pages_print_payloads_as_text(hostile, secretariat, member):
    draft = hostile.draft
    read = get_html(member, reverse("review:read", args=[draft.pk]))
    assert_shown_as_text(read, "review")
    for name in ("review:dashboard", "review:history", "review:compare"):
        audit(get_html(secretariat, reverse(name, args=[draft.pk])), name)
    audit(get_html(member, reverse("review:index")), "review index")


# Feeds, calendar, API ---------------------------------------------------------------


def test_the_atom_feed_is_well_formed_and_its_html_has_no_payload_elements(
    hostile, client
):
    response = client.get(reverse("public:council_feed", args=[hostile.council.slug]))
    root = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert COUNCIL_NAME in root.find("a:title", ns).text
    entries = root.findall("a:entry", ns)
    assert entries
    for entry in entries:
        for element in entry:
            if element.get("type") == "html":
                # A feed reader renders this as HTML.
                assert_shown_as_text(element.text, "feed entry", [PAYLOADS[0]])


def test_the_calendar_keeps_a_payload_on_its_own_line(hostile, client):
    response = client.get(
        reverse("public:council_calendar", args=[hostile.council.slug])
    )
    text = response.content.decode()
    lines = text.replace("\r\n ", "").split("\r\n")
    assert not [line for line in lines if line.startswith("X-INJECTED")]
    assert "BEGIN:VEVENT" in text


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize(
    "name",
    [
        "api:meeting-list",
        "api:agendaitem-list",
        "api:input-list",
        "api:decision-list",
        "api:file-list",
        "api:organization-list",
        "api:person-list",
        "api:body-list",
    ],
)
def test_the_api_gives_payloads_back_as_plain_json_strings(hostile, client, name):
    response = client.get(reverse(name) + "?limit=100")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    strings = _strings(json.loads(response.content))
    assert any(
        any(payload in s for payload in PAYLOADS + [COUNCIL_NAME]) for s in strings
    ), f"{name} shows none of the payloads"
    # Nothing was escaped into HTML entities on the way: it is data, not markup.
    assert not any("&lt;script" in s for s in strings)


def test_the_api_documentation_page_is_safe(hostile, client):
    audit(get_html(client, reverse("api:index")), "api index")


# PDF and e-mail ---------------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_pdfs_print_payloads_as_text(hostile, client, secretariat):
    meeting = hostile.published
    slug = meeting.council.slug
    response = client.get(
        reverse("public:minutes_pdf", args=[slug, meeting.year, meeting.number])
    )
    text = pdf_text(b"".join(response.streaming_content))
    for payload in ("<script>alert(1)</script>", "<svg onload=alert(1)>", "{{ 7|"):
        assert payload in text
    draft = hostile.draft
    response = secretariat.get(
        reverse("review:draft_pdf", args=[slug, draft.year, draft.number])
    )
    assert "<script>alert(1)</script>" in pdf_text(response.content)


def test_emails_print_payloads_as_text_in_both_parts(hostile):
    subjects = {message.subject for message in hostile.emails}
    # Summons, review opened, comment answered, approved, published.
    assert len(hostile.emails) >= 5, subjects
    for message in hostile.emails:
        assert "\n" not in message.subject
        html = [body for body, kind in message.alternatives if kind == "text/html"]
        assert html, message.subject
        audit(html[0], f"e-mail «{message.subject}»")
    summons = next(m for m in hostile.emails if "innkalling" in m.subject.lower())
    assert_shown_as_text(summons.alternatives[0][0], "summons e-mail", PAYLOADS[:4])
    answered = [m for m in hostile.emails if PAYLOADS[1] in m.alternatives[0][0]]
    assert answered or any(
        "&quot;&gt;&lt;img" in m.alternatives[0][0] for m in hostile.emails
    )


def test_plain_text_emails_show_what_was_typed_not_html_entities(hostile):
    summons = next(m for m in hostile.emails if "innkalling" in m.subject.lower())
    assert "<script>alert(1)</script>" in summons.body
    for message in hostile.emails:
        assert "&lt;" not in message.subject, message.subject
        assert "&lt;" not in message.body, message.subject
        assert "&quot;" not in message.body, message.subject
