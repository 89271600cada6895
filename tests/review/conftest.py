"""Personas for the review of minutes.

Alice runs the secretariat of Testrådet. Bob, Carol and Dave are its voting members
(Dave reads his e-mail in English); Erin is a deputy who may comment but not vote.
Charlie is a member of another council and must see nothing of Testrådet's drafts.
"""

import datetime
from dataclasses import dataclass

import pytest

from council.models import Council, Membership
from minutes.models import Attendance, Input, Minutes
from minutes.services import agenda, lifecycle
from tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    make_meeting,
)

PASSWORD = "correct horse battery"


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


def _member(council, username, *, role=Membership.Role.MEMBER, language="nb"):
    user = UserFactory(username=username)
    person = PersonFactory(
        name=username.capitalize(),
        email=f"{username}@example.org",
        user=user,
        language=language,
    )
    MembershipFactory(
        council=council, person=person, organisation=person.organisation, role=role
    )
    return user


def build_cast(approval_rule: str, *, publish_on_approval: bool = True) -> Cast:
    council = CouncilFactory(
        name="Testrådet",
        slug="testradet",
        approval_rule=approval_rule,
        publish_on_approval=publish_on_approval,
    )
    alice = UserFactory(username="alice")
    council.secretariat_users.add(alice)
    bob = _member(council, "bob", role=Membership.Role.CHAIR)
    carol = _member(council, "carol")
    dave = _member(council, "dave", language="en")
    erin = _member(council, "erin", role=Membership.Role.DEPUTY)
    other = CouncilFactory(name="Annet råd", slug="annet-rad")
    charlie = _member(other, "charlie")
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
    return Cast(
        council=council,
        alice=alice,
        bob=bob,
        carol=carol,
        dave=dave,
        erin=erin,
        charlie=charlie,
        meeting=meeting,
        minutes=meeting.minutes,
        item=item,
        inputs=inputs,
    )


@pytest.fixture
def cast(db) -> Cast:
    """A council that approves online when all members have approved."""
    return build_cast(Council.ApprovalRule.ONLINE_ALL)


@pytest.fixture
def next_meeting_cast(db) -> Cast:
    return build_cast(Council.ApprovalRule.NEXT_MEETING)


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
