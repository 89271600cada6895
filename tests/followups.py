"""Helpers for the tests of follow-up of decisions: council A's minutes with decided
items, approved and published through the services (set MEDIA_ROOT to a temporary
folder: publishing stores a PDF)."""

import datetime

from minutes.models import AgendaItem, FollowUp
from minutes.services import agenda
from minutes.services.followup import followup_create
from tests.factories import make_meeting, publish


def decided_item(meeting, title: str, decision: str) -> AgendaItem:
    item = agenda.agenda_item_add(
        meeting=meeting, title=title, kind="beslutning", proposed_decision=decision
    )
    item.decision.final_text = decision
    item.decision.save()
    return item


def published_items(
    council, *, date=datetime.date(2024, 3, 1), titles=("Kjernejournal",)
) -> list[AgendaItem]:
    """Items with decisions in the council's published minutes of `date`."""
    meeting = make_meeting(council=council, date=date)
    items = [
        decided_item(meeting, title, f"Rådet ber om at {title.lower()} følges opp.")
        for title in titles
    ]
    publish(meeting)
    return [AgendaItem.objects.get(pk=item.pk) for item in items]


def add_followup(item, *, responsible, due_date, by=None, **kwargs) -> FollowUp:
    key = (
        "responsible_person"
        if type(responsible).__name__ == "Person"
        else "responsible_organisation"
    )
    return followup_create(
        item=item,
        task=kwargs.pop("task", f"Følg opp {item.title}"),
        due_date=due_date,
        by=by,
        **{key: responsible},
        **kwargs,
    )
