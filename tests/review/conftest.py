"""The cast of the review of minutes, on the world's council A (tests/world.py).

Alice runs the secretariat of council A, Testrådet. Bob (its chair), Carol and Dave
are its voting members (Dave reads his e-mail in English); Erin is a deputy who may
comment but not vote. Charlie is the world's member of council B and must see nothing
of Testrådet's drafts.
"""

import datetime
from dataclasses import dataclass

import pytest

from council.models import Council, Membership
from minutes.models import (
    AgendaItem,
    Attachment,
    Attendance,
    Decision,
    Input,
    Meeting,
    Minutes,
)
from minutes.services import agenda, lifecycle
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    approving_item,
    decide_all,
    make_meeting,
)
from tests.world import World, add_member


@dataclass
class Cast:
    council: Council
    alice: object
    bob: object
    carol: object
    dave: object
    erin: object
    charlie: object
    meeting: object
    minutes: Minutes
    item: object
    inputs: list


def build_cast(
    world: World, approval_rule: str, *, publish_on_approval: bool = True
) -> Cast:
    """Council A with the approval rule, three more members and a minuted meeting,
    its decisions recorded."""
    council = world.council_a
    council.approval_rule = approval_rule
    council.publish_on_approval = publish_on_approval
    council.save(update_fields=["approval_rule", "publish_on_approval"])
    membership = world.membership_a
    membership.role = Membership.Role.CHAIR
    membership.save(update_fields=["role"])
    carol = add_member(council, "carol")
    dave = add_member(council, "dave", language="en")
    erin = add_member(council, "erin", role=Membership.Role.DEPUTY)
    meeting = make_meeting(council=council, date=datetime.date(2024, 3, 1))
    item = agenda.agenda_item_add(
        meeting=meeting,
        title="Nasjonal e-helsestrategi",
        kind="drofting",
        body="Direktoratet orienterte om strategien.",
        proposed_decision="Rådet tar saken til orientering.",
    )
    inputs = [
        Input.objects.create(item=item, order=n, text=text)
        for n, text in enumerate(
            [
                "Strategien må forankres i kommunene.",
                "Finansieringen er uklar.",
                "Pasientens behov må komme først.",
            ],
            start=1,
        )
    ]
    organisation = OrganisationFactory(name="Helse Vest RHF")
    Attendance.objects.create(
        meeting=meeting,
        role=Attendance.Role.GUEST,
        person=PersonFactory(name="Gjest Gjestesen", organisation=organisation),
    )
    # Minuted: each item's decision is recorded, as approval requires.
    decide_all(meeting)
    return Cast(
        council=council,
        alice=world.secretariat_a,
        bob=world.member_a,
        carol=carol,
        dave=dave,
        erin=erin,
        charlie=world.member_b,
        meeting=meeting,
        minutes=meeting.minutes,
        item=item,
        inputs=inputs,
    )


@pytest.fixture
def cast(world) -> Cast:
    """A council that approves online when all members have approved."""
    return build_cast(world, Council.ApprovalRule.ONLINE_ALL)


@pytest.fixture
def next_meeting_cast(world) -> Cast:
    return build_cast(world, Council.ApprovalRule.NEXT_MEETING)


@pytest.fixture
def deadline() -> datetime.date:
    from django.utils import timezone

    return timezone.localdate() + datetime.timedelta(days=7)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Stored PDFs go to a temporary folder, not var/media; passwords hash fast."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def send(cast: Cast, deadline) -> object:
    return lifecycle.minutes_send_for_review(
        minutes=cast.minutes, by=cast.alice, deadline=deadline
    )


def refresh(minutes: Minutes) -> Minutes:
    return Minutes.objects.get(pk=minutes.pk)


# Approved and published minutes, for the tests of the freeze rule.

FROZEN = "Referatet er godkjent og kan ikke endres"


@pytest.fixture
def frozen(next_meeting_cast):
    """Testrådet's minutes of 1 March 2024, approved in the next meeting and
    published."""
    cast = next_meeting_cast
    item = approving_item(cast.meeting, datetime.date(2024, 5, 1))
    later = item.meeting
    Attachment.objects.create(
        meeting=cast.meeting, title="Strategi.pdf", file="vedlegg/strategi.pdf"
    )
    lifecycle.minutes_approve_at_meeting(minutes=cast.minutes, item=item)
    cast.later = later
    return cast


def frozen_rows(cast):
    return {
        "meeting": Meeting.objects.get(pk=cast.meeting.pk),
        "item": AgendaItem.objects.get(pk=cast.item.pk),
        "input": Input.objects.get(pk=cast.inputs[0].pk),
        "decision": Decision.objects.get(item=cast.item),
        "attendance": Attendance.objects.filter(meeting=cast.meeting).first(),
    }
