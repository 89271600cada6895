"""Building published minutes for the public-page tests.

Content is added while the minutes are a draft (approved minutes are frozen), then the
minutes are published.
"""

import datetime

from django.core.files.base import ContentFile

from minutes.models import Attachment, Attendance, Input
from minutes.services import agenda
from tests import factories
from tests.factories import MembershipFactory, OrganisationFactory, make_meeting

PUBLISHED_AT = datetime.datetime(2024, 4, 1, tzinfo=datetime.UTC)


def publish(meeting):
    return factories.publish(meeting, approved_at=PUBLISHED_AT)


def filled_meeting(council, date, *, size: int, published: bool = True):
    """A meeting with `size` items, each with `size` inputs, a member and a paper."""
    meeting = make_meeting(council, date)
    for n in range(size):
        organisation = OrganisationFactory()
        member = MembershipFactory(council=council, organisation=organisation)
        Attendance.objects.create(
            meeting=meeting, membership=member, person=member.person, order=n
        )
        item = agenda.agenda_item_add(
            meeting=meeting,
            title=f"Sak om tema {n}",
            kind="drofting",
            proposed_decision=f"Rådet tar tema {n} til orientering.",
            body=f"Bakgrunn for tema {n}.",
        )
        for m in range(size):
            Input.objects.create(
                item=item,
                order=m,
                text=f"Innspill {m} om tema {n}",
                attribution=Input.Attribution.ORGANISATION,
                organisation=organisation,
            )
        Attachment.objects.create(
            meeting=meeting,
            item=item,
            title=f"Notat {n}",
            file=ContentFile(b"%PDF-1.4 notat", name=f"notat-{n}.pdf"),
            content_type="application/pdf",
            size=14,
        )
    return publish(meeting) if published else meeting
