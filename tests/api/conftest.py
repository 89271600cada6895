"""An archive for the API tests, in the world's council A (tests/world.py): one
published meeting full of content, which Bob attended, and one draft.

The draft's every text contains «HEMMELIG», so a test can look for that word anywhere
in the API's answers.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from council.models import Person
from minutes.models import Attachment, Attendance, Input, Meeting
from tests import factories
from tests.factories import OrganisationFactory, PersonFactory, make_meeting

SECRET = "HEMMELIG"


@dataclass
class Archive:
    council: object
    published: Meeting
    draft: Meeting
    member: Person
    public_file: Attachment
    internal_file: Attachment


def add_content(meeting: Meeting, *, inputs: int = 2, prefix: str = "") -> None:
    """Inputs, a decision text and two attachments on every item of the meeting."""
    organisation = OrganisationFactory(name=f"{prefix}Helse Vest RHF {meeting.pk}")
    for item in meeting.items.all():
        item.body = f"{prefix}Saksfremstilling til {item.title}"
        item.save()
        parent = None
        for index in range(inputs):
            entry = Input.objects.create(
                item=item,
                order=index,
                text=f"{prefix}Innspill {index} til {item.number_label}",
                attribution=Input.Attribution.ORGANISATION,
                organisation=organisation,
                parent=parent if index % 2 else None,
            )
            parent = entry
        item.decision.final_text = f"{prefix}Vedtak i sak {item.number_label}"
        item.decision.save()
        for public in (True, False):
            Attachment.objects.create(
                meeting=meeting,
                item=item,
                title=f"{prefix}Vedlegg {'offentlig' if public else 'internt'}",
                file=SimpleUploadedFile("notat.pdf", b"%PDF-1.4 innhold"),
                original_name="notat.pdf",
                content_type="application/pdf",
                size=16,
                is_public=public,
            )


def publish(meeting: Meeting) -> None:
    """Publish the minutes through the services (content is frozen after)."""
    moment = datetime.datetime(2023, 1, 10, 12, tzinfo=datetime.UTC)
    factories.publish(meeting, approved_at=moment)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def archive(world, media) -> Archive:
    council = world.council_a
    # Like the reference council: a changed proposal is printed «Oppdatert vedtak».
    council.marks_updated_decisions = True
    council.save()
    membership = world.membership_a
    published = make_meeting(council, datetime.date(2022, 12, 2))
    add_content(published)
    Attendance.objects.create(
        meeting=published, membership=membership, person=membership.person
    )
    publish(published)
    draft = make_meeting(council, datetime.date(2023, 2, 1))
    draft.items.update(title=f"{SECRET} sak")
    add_content(draft, prefix=SECRET)
    hidden = PersonFactory(name=f"{SECRET} Gjest")
    Attendance.objects.create(meeting=draft, person=hidden, role=Attendance.Role.GUEST)
    files = Attachment.objects.filter(meeting=published)
    return Archive(
        council=council,
        published=published,
        draft=draft,
        member=membership.person,
        public_file=files.filter(is_public=True).first(),
        internal_file=files.filter(is_public=False).first(),
    )
