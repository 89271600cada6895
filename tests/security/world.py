"""Two councils and six personas for the security tests.

Council A approves online when all (one) members approve. It has a published meeting
(minuted, reviewed, approved and published through the services, so it has a frozen
PDF and a published version 1) and a draft meeting, in review, whose every text
carries MARKER. Council B has its own member and secretariat, who must see nothing of
A's drafts.

Personas: anonymous, member_a, member_b, secretariat_a, secretariat_b, admin.
"""

import datetime
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone

from council.models import Council, Membership, Organisation, Sector
from minutes.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Input,
    Meeting,
    ReviewComment,
)
from minutes.services import agenda, lifecycle
from tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    SectorFactory,
    UserFactory,
    make_meeting,
)

# Put into every text of council A's unpublished meeting; it must never reach the
# public or council B. One word, so that search would find it if it could.
MARKER = "Hemmeligutkast7f3a"

PERSONAS = (
    "anonymous",
    "member_a",
    "member_b",
    "secretariat_a",
    "secretariat_b",
    "admin",
)

# A tiny real PDF: filetype recognises it by its first bytes.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class MeetingSet:
    meeting: Meeting
    item: AgendaItem
    input: Input
    public_attachment: Attachment
    internal_attachment: Attachment
    attendance: Attendance
    comment: ReviewComment | None = None


@dataclass
class World:
    council_a: Council
    council_b: Council
    users: dict = field(default_factory=dict)
    organisation: Organisation | None = None
    sector: Sector | None = None
    membership_a: Membership | None = None
    published: MeetingSet | None = None
    draft: MeetingSet | None = None


def _member(council: Council, username: str, organisation: Organisation):
    user = UserFactory(username=username, email=f"{username}@example.org")
    person = PersonFactory(
        name=username.replace("_", " ").title(),
        email=f"{username}@example.org",
        organisation=organisation,
        user=user,
    )
    membership = MembershipFactory(
        council=council, person=person, organisation=organisation
    )
    return user, membership


def _attachment(meeting, item, title: str, *, public: bool) -> Attachment:
    return Attachment.objects.create(
        meeting=meeting,
        item=item,
        title=title,
        original_name=f"{title}.pdf",
        file=ContentFile(PDF_BYTES, name="vedlegg.pdf"),
        content_type="application/pdf",
        size=len(PDF_BYTES),
        is_public=public,
    )


def _fill(meeting, organisation, membership, text: str) -> MeetingSet:
    """An item with body, an input from the organisation, a proposed and final
    decision, a public and an internal paper, and the member's attendance."""
    item = agenda.agenda_item_add(
        meeting=meeting,
        title=f"{text} sak",
        kind="drofting",
        body=f"{text} saksfremstilling",
        proposed_decision=f"{text} forslag til vedtak",
    )
    item.decision.final_text = f"{text} vedtak"
    item.decision.save()
    entry = Input.objects.create(
        item=item,
        order=1,
        text=f"{text} innspill",
        attribution=Input.Attribution.ORGANISATION,
        organisation=organisation,
    )
    attendance = Attendance.objects.create(
        meeting=meeting, membership=membership, person=membership.person
    )
    return MeetingSet(
        meeting=meeting,
        item=item,
        input=entry,
        public_attachment=_attachment(meeting, item, f"{text} notat", public=True),
        internal_attachment=_attachment(
            meeting, item, f"Internt {MARKER} notat", public=False
        ),
        attendance=attendance,
    )


def build_world() -> World:
    sector = SectorFactory(name="Kommunal sektor")
    organisation = OrganisationFactory(
        name="Virksomhet A", slug="virksomhet-a", sector=sector
    )
    council_a = CouncilFactory(
        name="Rådet A",
        slug="radet-a",
        approval_rule=Council.ApprovalRule.ONLINE_ALL,
        publish_on_approval=True,
    )
    council_b = CouncilFactory(name="Rådet B", slug="radet-b")
    world = World(council_a=council_a, council_b=council_b, sector=sector)
    world.organisation = organisation
    member_a, world.membership_a = _member(council_a, "member_a", organisation)
    member_b, _membership_b = _member(council_b, "member_b", OrganisationFactory())
    secretariat_a = UserFactory(username="secretariat_a")
    secretariat_b = UserFactory(username="secretariat_b")
    council_a.secretariat_users.add(secretariat_a)
    council_b.secretariat_users.add(secretariat_b)
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    world.users = {
        "member_a": member_a,
        "member_b": member_b,
        "secretariat_a": secretariat_a,
        "secretariat_b": secretariat_b,
        "admin": admin,
    }
    deadline = timezone.localdate() + datetime.timedelta(days=7)

    # Published: reviewed and approved online by the one member, then published.
    published = make_meeting(council=council_a, date=datetime.date(2024, 3, 1))
    world.published = _fill(
        published, organisation, world.membership_a, "Offentlig publisert"
    )
    lifecycle.minutes_send_for_review(
        minutes=published.minutes, by=secretariat_a, deadline=deadline
    )
    lifecycle.minutes_member_decide(
        minutes=published.minutes, by=member_a, decision="approve"
    )
    published.minutes.refresh_from_db()
    assert published.minutes.status == "published"

    # Unpublished: in review, with a member's comment; the meeting is ahead, so its
    # absence link still works.
    draft = make_meeting(
        council=council_a, date=timezone.localdate() + datetime.timedelta(days=30)
    )
    world.draft = _fill(draft, organisation, world.membership_a, MARKER)
    lifecycle.minutes_send_for_review(
        minutes=draft.minutes, by=secretariat_a, deadline=deadline
    )
    world.draft.comment = lifecycle.review_comment_add(
        minutes=draft.minutes,
        by=member_a,
        text=f"{MARKER} kommentar",
        item_id=world.draft.item.pk,
    )
    return world
