"""Hostile input: whatever people type is shown as text, never run as HTML or script,
wherever it is shown (pages, PDF, e-mail, feeds, calendar, API); uploads are checked
by content and size and served as downloads; forms keep what was typed on error; and
the parsers of addresses, commands and search never fall over.

A council whose name, members, organisations, meetings, items, inputs, decisions,
papers and comments are all classic XSS payloads is taken through its whole life:
summons, minute-taking, review, comment and answer, approval and publication. It is
the world's council A (tests/world.py), renamed: Alice serves its secretariat and
Bob, its one member, carries a payload in his name.
"""

import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pypdf
import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from council.models import Council
from minutes import search as search_engine
from minutes.models import Attachment, Attendance, Input
from minutes.services import agenda, lifecycle
from minutes.services.summons import summons_send
from tests.factories import OrganisationFactory, PersonFactory, make_meeting
from tests.security.conftest import PDF_BYTES
from tests.world import build_world

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "{{ 7|add:42 }}{% debug %}",
    "</textarea><script>alert(1)</script>",
    '<a href="javascript:alert(1)">klikk</a>',
    "'; alert(1); //",
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    "]]><script>alert(1)</script><![CDATA[",
    "<b onmouseover=alert(1)>fet</b>",
]
# The payload that names the council, so it is on every page.
COUNCIL_NAME = "Rådet <script>alert(1)</script>"


@dataclass
class Hostile:
    council: Council
    secretariat: object
    member: object
    published: object
    draft: object
    organisations: list
    emails: list = field(default_factory=list)


def _fill(meeting, organisations, person) -> None:
    for n, payload in enumerate(PAYLOADS):
        item = agenda.agenda_item_add(
            meeting=meeting,
            title=payload,
            kind="drofting",
            body=f"{payload}\n- {payload}",
            presenters=payload,
            archive_reference=payload[:40],
            proposed_decision=payload,
        )
        item.decision.final_text = f"{payload} vedtatt"
        item.decision.save()
        Input.objects.create(
            item=item,
            order=1,
            text=payload,
            attribution=Input.Attribution.ORGANISATION,
            organisation=organisations[n],
        )
        Input.objects.create(
            item=item,
            order=2,
            text=f"{payload} (person)",
            attribution=Input.Attribution.PERSON,
            person=person,
        )
        Attachment.objects.create(
            meeting=meeting,
            item=item,
            title=payload,
            original_name=f"{payload}.pdf",
            file=ContentFile(PDF_BYTES, name="vedlegg.pdf"),
            content_type="application/pdf",
            size=len(PDF_BYTES),
        )
    Attendance.objects.create(
        meeting=meeting,
        role=Attendance.Role.GUEST,
        person=PersonFactory(name=PAYLOADS[1], organisation=organisations[2]),
        note=PAYLOADS[0][:200],
    )


def build_hostile() -> Hostile:
    organisations = [
        OrganisationFactory(name=f"Virksomhet {n} {payload}", slug=f"fiendtlig-{n}")
        for n, payload in enumerate(PAYLOADS)
    ]
    world = build_world()
    council = world.council_a
    council.name = COUNCIL_NAME
    council.slug = "fiendtlig"
    council.description = PAYLOADS[6]
    council.approval_rule = Council.ApprovalRule.ONLINE_ALL
    council.default_venue = PAYLOADS[3]
    council.save()
    secretariat = world.secretariat_a
    member = world.member_a
    person = member.person
    person.name = f"Medlem {PAYLOADS[1]}"
    person.organisation = organisations[0]
    person.save()
    membership = world.membership_a
    membership.organisation = organisations[0]
    membership.save()
    deadline = timezone.localdate() + datetime.timedelta(days=7)
    outbox_start = len(mail.outbox)

    published = make_meeting(
        council=council, date=datetime.date(2024, 3, 1), venue=PAYLOADS[9]
    )
    _fill(published, organisations, person)
    lifecycle.minutes_send_for_review(
        minutes=published.minutes, by=secretariat, deadline=deadline
    )
    lifecycle.minutes_member_decide(
        minutes=published.minutes, by=member, decision="approve"
    )

    # Ahead: the summons goes out, then the draft is reviewed and commented.
    draft = make_meeting(
        council=council,
        date=timezone.localdate() + datetime.timedelta(days=20),
        venue=f"Rom 1\r\nX-INJECTED:{PAYLOADS[0]}",
    )
    _fill(draft, organisations, person)
    summons_send(meeting=draft, message=PAYLOADS[5])
    lifecycle.minutes_send_for_review(
        minutes=draft.minutes, by=secretariat, deadline=deadline
    )
    comment = lifecycle.review_comment_add(
        minutes=draft.minutes,
        by=member,
        text=PAYLOADS[1],
        item_id=draft.items.order_by("order").last().pk,
    )
    lifecycle.review_comment_resolve(
        comment=comment, by=secretariat, status="accepted", reply=PAYLOADS[0]
    )
    published.refresh_from_db()
    draft.refresh_from_db()
    return Hostile(
        council=council,
        secretariat=secretariat,
        member=member,
        published=published,
        draft=draft,
        organisations=organisations,
        emails=list(mail.outbox[outbox_start:]),
    )


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module (approval renders a PDF), rolled back at the end."""
    media = tmp_path_factory.mktemp("media")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(
        MEDIA_ROOT=media,
        PASSWORD_HASHERS=fast,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ):
        with django_db_blocker.unblock(), transaction.atomic():
            mail.outbox = []
            yield build_hostile()
            transaction.set_rollback(True)


@pytest.fixture
def council(hostile):
    """Here the council is the hostile one (council A of its own world), not council
    A of the package's filled world."""
    return hostile.council


@pytest.fixture(autouse=True)
def each_test_in_its_own_savepoint(db):
    """What a test changes is undone before the next, the shared council kept."""


@pytest.fixture
def secretariat(db, hostile) -> Client:
    client = Client()
    client.force_login(hostile.secretariat)
    return client


@pytest.fixture
def member(db, hostile) -> Client:
    client = Client()
    client.force_login(hostile.member)
    return client


# Checking HTML ----------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class Audit(HTMLParser):
    """Everything in a document that would run: event handlers, javascript: URLs,
    inline scripts and styles, frames, and the payload's own <img src=x>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.raw_element: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> (event handler)")
            if name in URL_ATTRIBUTES and value.startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if tag == "img" and name == "src" and value == "x":
                self.problems.append("<img src=x> from a payload")
        if tag == "iframe":
            self.problems.append("<iframe>")
        kinds = dict(attrs)
        if tag == "script" and not kinds.get("src"):
            self.raw_element = "script"
        if tag == "style":
            self.raw_element = "style"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == self.raw_element:
            self.raw_element = None

    def handle_data(self, data):
        if self.raw_element and ("alert(1)" in data or "display:none" in data):
            self.problems.append(f"inline <{self.raw_element}> with a payload")
        elif not self.raw_element:
            self.text.append(data)


def audit(html: str, where: str) -> str:
    """Fail if anything in the HTML would run; return the visible text."""
    parser = Audit()
    parser.feed(html)
    parser.close()
    assert not parser.problems, f"{where}: {parser.problems}"
    return "".join(parser.text)


def assert_shown_as_text(html: str, where: str, payloads=PAYLOADS) -> None:
    text = " ".join(audit(html, where).split())
    for payload in payloads:
        assert " ".join(payload.split()) in text, f"{where}: «{payload}» not shown"


def get_html(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def item_paths(meeting, name: str, *, by_pk: bool) -> list[str]:
    items = meeting.items.exclude(standard__gt="").order_by("order")
    if by_pk:
        return [reverse(name, args=[item.pk]) for item in items]
    return [
        reverse(name, args=[meeting.council.slug, item.year, item.number])
        for item in items
    ]


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
