"""The summons: marking it sent, which fixes the sak numbers, and sending it."""

import logging

from django.db import transaction
from django.utils import timezone

from minutes import mail
from minutes.frozen import meeting_editable
from minutes.models import Meeting
from minutes.services.agenda import agenda_renumber
from minutes.services.attendance import attendance_ensure_members, meeting_members

logger = logging.getLogger(__name__)


@transaction.atomic
def summons_mark_sent(*, meeting: Meeting) -> None:
    """Record that the summons has gone out; from now on sak numbers are fixed."""
    if meeting.summons_sent:
        return
    agenda_renumber(meeting=meeting)
    meeting.summons_sent_at = timezone.now()
    meeting.save(update_fields=["summons_sent_at", "updated_at"])


def summons_send(*, meeting: Meeting, message: str = "") -> mail.SummonsResult:
    """Send the summons to every member summoned to the meeting.

    First, in one transaction: refuse frozen minutes, mark the summons sent (the first
    time; sending again later resends it) and give every member an attendance row.
    In the same transaction the mail (minutes/mail.py), with the numbers now fixed,
    is queued for each member; the worker sends it after the commit, and the summons
    page shows, per member, whether it went out.
    """
    with transaction.atomic(), meeting_editable(meeting):
        summons_mark_sent(meeting=meeting)
        attendance_ensure_members(meeting=meeting)
        result = mail.send_summons(
            meeting=meeting, members=meeting_members(meeting), message=message
        )
    logger.info(
        "Summons for meeting %s queued for %s members",
        meeting.pk,
        len(result.sent),
    )
    return result
