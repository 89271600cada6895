"""The world (tests/world.py) with council A's meetings filled, for the security tests.

Council A has a published meeting (filled, then approved and published through the
services, so it has a frozen PDF and a published version 1) and a draft meeting, in
review, whose every text carries MARKER. Council B has its own member and
secretariat, who must see nothing of A's drafts.

Built once per module: the `world` fixture here overrides the per-test one of
tests/conftest.py, so in this package `world` is this filled world, and `council` is
its council A. Tests that empty the database (transaction=True) build their own with
tests.world.build_world().
"""

import datetime
from dataclasses import dataclass, fields

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from minutes.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Input,
    Meeting,
    ReviewComment,
)
from minutes.services import agenda, lifecycle
from tests.factories import PDF_BYTES, make_meeting, publish
from tests.world import PERSONAS, World, build_world

# Put into every text of council A's unpublished meeting; it must never reach the
# public or council B. One word, so that search would find it if it could.
MARKER = "Hemmeligutkast7f3a"

# A tiny real PDF: filetype recognises it by its first bytes.


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
class FilledWorld(World):
    """The world, with council A's published and unpublished meetings filled."""

    published: MeetingSet | None = None
    draft: MeetingSet | None = None

    @property
    def organisation(self):
        """Bob's organisation: it gives the inputs of both meetings."""
        return self.membership_a.organisation

    @property
    def sector(self):
        return self.organisation.sector


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


def build_filled_world() -> FilledWorld:
    base = build_world()
    world = FilledWorld(**{f.name: getattr(base, f.name) for f in fields(World)})
    deadline = timezone.localdate() + datetime.timedelta(days=7)

    # Published: filled while a draft, then approved and published.
    published = make_meeting(council=world.council_a, date=datetime.date(2024, 3, 1))
    world.published = _fill(
        published, world.organisation, world.membership_a, "Offentlig publisert"
    )
    publish(published)
    assert published.minutes.status == "published"

    # Unpublished: in review, with Bob's comment; the meeting is ahead, so its
    # absence link still works.
    draft = make_meeting(
        council=world.council_a,
        date=timezone.localdate() + datetime.timedelta(days=30),
    )
    world.draft = _fill(draft, world.organisation, world.membership_a, MARKER)
    lifecycle.minutes_send_for_review(
        minutes=draft.minutes, by=world.secretariat_a, deadline=deadline
    )
    world.draft.comment = lifecycle.review_comment_add(
        minutes=draft.minutes,
        by=world.member_a,
        text=f"{MARKER} kommentar",
        item_id=world.draft.item.pk,
    )
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory) -> FilledWorld:
    """The filled world, built once per module (publishing renders a PDF), inside a
    transaction that is rolled back when the module is done. Each test still runs
    in its own savepoint through the `db` fixture."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media):
        with django_db_blocker.unblock(), transaction.atomic():
            yield build_filled_world()
            transaction.set_rollback(True)


@pytest.fixture
def clients(db, world) -> dict[str, Client]:
    """One browser per persona; logged in (second factor included, see tests/otp.py)
    except the anonymous one."""
    return {persona: world.client(persona) for persona in PERSONAS}
