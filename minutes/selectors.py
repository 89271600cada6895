"""Reads that several pages share: the HTML page, PDF and API walk the same data.

Each function runs a fixed number of queries, however large the meeting.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from council.models import Council
from minutes.models import AgendaItem, Attachment, Attendance, Input, Meeting, Minutes


@dataclass
class InputNode:
    input: Input
    children: list[Input] = field(default_factory=list)


@dataclass
class ItemView:
    item: AgendaItem
    inputs: list[InputNode]
    attachments: list[Attachment]

    @property
    def decision(self):
        return getattr(self.item, "decision", None)


@dataclass
class MinutesView:
    """Everything one meeting's minutes show, in reading order."""

    meeting: Meeting
    minutes: Minutes | None
    members_present: list[Attendance]
    members_absent: list[Attendance]
    substitutes: list[Attendance]
    secretariat: list[Attendance]
    guests: list[Attendance]
    officials: list[Attendance]
    items: list[ItemView]
    meeting_attachments: list[Attachment]

    @property
    def council(self) -> Council:
        return self.meeting.council


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(minutes__status__in=Minutes.PUBLIC_STATUSES)


def live_public_meetings() -> QuerySet[Meeting]:
    """Published meetings whose live rows may be shown (not under correction)."""
    return Meeting.objects.filter(minutes__status__in=Minutes.LIVE_PUBLIC_STATUSES)


def get_public_meeting(council_slug: str, year: int, number: int) -> Meeting:
    """The meeting if its minutes are published; 404 otherwise: drafts never leak."""
    try:
        return (
            public_meetings()
            .select_related("council", "council__secretariat_organisation", "minutes")
            .get(council__slug=council_slug, year=year, number=number)
        )
    except Meeting.DoesNotExist:
        raise Http404 from None


def _input_tree(inputs: list[Input]) -> list[InputNode]:
    nodes: dict[int, InputNode] = {}
    roots: list[InputNode] = []
    for entry in inputs:
        if entry.parent_id is None:
            nodes[entry.pk] = InputNode(entry)
            roots.append(nodes[entry.pk])
    for entry in inputs:
        if entry.parent_id is not None and entry.parent_id in nodes:
            nodes[entry.parent_id].children.append(entry)
    return roots


def minutes_view(meeting: Meeting, *, public_only: bool = True) -> MinutesView:
    """Load a meeting's whole minutes (for HTML or PDF) in a fixed number of queries.

    `public_only` leaves out internal attachments; False for members and secretariat.
    """
    attendances = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related(
            "person",
            "person__organisation",
            "organisation",
            "membership__organisation",
            "substitute",
            "substitute__organisation",
        )
        .order_by("order", "id")
    )
    attachments = Attachment.objects.filter(meeting=meeting).order_by("order", "id")
    if public_only:
        attachments = attachments.filter(is_public=True)
    attachments = list(attachments)
    inputs = Input.objects.select_related("organisation", "sector", "person").order_by(
        "order", "id"
    )
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("decision", "approves_minutes_of")
        .prefetch_related(Prefetch("inputs", queryset=inputs))
        .order_by("order", "number")
    )
    item_views = []
    for item in items:
        item_views.append(
            ItemView(
                item=item,
                inputs=_input_tree(list(item.inputs.all())),
                attachments=[a for a in attachments if a.item_id == item.pk],
            )
        )
    members = [a for a in attendances if a.role == Attendance.Role.MEMBER]
    try:
        minutes = meeting.minutes
    except Minutes.DoesNotExist:
        minutes = None
    return MinutesView(
        meeting=meeting,
        minutes=minutes,
        members_present=[a for a in members if a.is_present],
        members_absent=[a for a in members if not a.is_present],
        substitutes=[a for a in members if a.substitute_id],
        secretariat=[a for a in attendances if a.role == Attendance.Role.SECRETARIAT],
        guests=[a for a in attendances if a.role == Attendance.Role.GUEST],
        officials=[a for a in attendances if a.role == Attendance.Role.OFFICIAL],
        items=item_views,
        meeting_attachments=[a for a in attachments if a.item_id is None],
    )
