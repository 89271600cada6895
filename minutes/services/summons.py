"""The summons: marking it sent, which fixes the sak numbers, and sending it."""

from django.db import transaction
from django.utils import timezone

from minutes.models import Meeting
from minutes.services.agenda import agenda_renumber


@transaction.atomic
def summons_mark_sent(*, meeting: Meeting) -> None:
    """Record that the summons has gone out; from now on sak numbers are fixed."""
    if meeting.summons_sent:
        return
    agenda_renumber(meeting=meeting)
    meeting.summons_sent_at = timezone.now()
    meeting.save(update_fields=["summons_sent_at", "updated_at"])
