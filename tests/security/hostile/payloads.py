"""The hostile council: payloads in every field, and how pages are checked for them."""

import datetime
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from council.models import Council
from minutes.models import Attachment, Attendance, Input
from minutes.services import agenda, lifecycle
from minutes.services.summons import summons_send
from tests.factories import (
    PDF_BYTES,
    OrganisationFactory,
    PersonFactory,
    decide_all,
    make_meeting,
)
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
    decide_all(published)
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
