"""What the public may read: the one place that says so.

Public output always comes from the document of the latest published version
(minutes/document.py), never from live rows: a name changed after approval, or a
correction being prepared, changes nothing public until it is published. Every
public path (pages, item permalinks, PDF, feed, calendar, sitemap, search snippets,
API) asks here.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from council.models import Council
from minutes.document import MinutesDocument
from minutes.exemptions import neutral_title
from minutes.models import (
    AgendaItem,
    Attachment,
    FollowUp,
    FollowUpNote,
    Meeting,
    Minutes,
    MinutesVersion,
)
from minutes.status import PUBLIC_STATUSES, MinutesStatus


def public_minutes() -> QuerySet[Minutes]:
    """Minutes with a published version: published, or being corrected."""
    return Minutes.objects.filter(status__in=PUBLIC_STATUSES)


def public_meetings() -> QuerySet[Meeting]:
    """Meetings whose minutes the public may read."""
    return Meeting.objects.filter(minutes__status__in=PUBLIC_STATUSES)


def frozen_public_meetings() -> QuerySet[Meeting]:
    """Published meetings whose rows equal their published version (no correction
    under way), for queries that must filter and page in SQL (search, API lists).
    Text shown from them still comes from the document."""
    return Meeting.objects.filter(minutes__status=MinutesStatus.PUBLISHED)


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


def published_versions(minutes: Minutes) -> QuerySet[MinutesVersion]:
    """Every published version of the minutes, oldest first."""
    return MinutesVersion.objects.filter(
        minutes=minutes, published_at__isnull=False
    ).order_by("number")


def published_version(minutes: Minutes) -> MinutesVersion:
    """The version the public reads now; 404 if the minutes were never published."""
    version = (
        published_versions(minutes)
        .select_related("minutes", "approved_by_item__meeting")
        .last()
    )
    if version is None:
        raise Http404
    return version


def published_document(meeting: Meeting) -> MinutesDocument:
    """The document the public reads for a meeting (internal attachments left out)."""
    version = published_version(meeting.minutes)
    return MinutesDocument.from_snapshot(version.content, version=version).public()


def published_documents(meetings: list[Meeting]) -> dict[int, MinutesDocument]:
    """The public documents of many meetings in two queries, by meeting id."""
    latest = (
        MinutesVersion.objects.filter(
            minutes__meeting_id=OuterRef("minutes__meeting_id"),
            published_at__isnull=False,
        )
        .order_by("-number")
        .values("pk")[:1]
    )
    versions = MinutesVersion.objects.filter(
        minutes__meeting__in=[m.pk for m in meetings],
        pk=Subquery(latest),
    ).select_related("minutes", "approved_by_item__meeting")
    return {
        version.minutes.meeting_id: MinutesDocument.from_snapshot(
            version.content, version=version
        ).public()
        for version in versions
    }


# The agenda before the minutes --------------------------------------------------------


@dataclass(frozen=True)
class AgendaPaper:
    id: int
    title: str
    size: int


@dataclass(frozen=True)
class AgendaEntry:
    """What the public reads of an item before the minutes are published: no body,
    no inputs, no final decision."""

    number: int
    number_label: str
    title: str
    kind_label: str
    is_late_addition: bool
    proposed_decision: str
    papers: tuple[AgendaPaper, ...]
    anchor: str = ""


def summoned_meetings() -> QuerySet[Meeting]:
    """Meetings whose summons has gone out and whose minutes are not yet public: the
    public reads their agenda (saksliste), nothing written in or after the meeting."""
    return Meeting.objects.filter(summons_sent_at__isnull=False).exclude(
        minutes__status__in=PUBLIC_STATUSES
    )


def get_summoned_meeting(council_slug: str, year: int, number: int) -> Meeting:
    try:
        return (
            summoned_meetings()
            .select_related("council", "minutes")
            .get(council__slug=council_slug, year=year, number=number)
        )
    except Meeting.DoesNotExist:
        raise Http404 from None


def public_agenda(meeting: Meeting) -> tuple[list[AgendaEntry], list[AgendaPaper]]:
    """The saksliste of a summoned meeting and the papers of the whole meeting.
    Proposed decisions only where the council publishes them; public papers only."""
    publishes_proposals = meeting.council.publishes_proposals
    papers: dict[int | None, list[AgendaPaper]] = {}
    for attachment in Attachment.objects.filter(
        meeting=meeting, is_public=True
    ).order_by("order", "pk"):
        papers.setdefault(attachment.item_id, []).append(
            AgendaPaper(attachment.pk, attachment.title, _file_size(attachment))
        )
    items = (
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("decision")
        .order_by("order", "number")
    )
    entries = []
    for item in items:
        whole = item.exemption_scope == "whole"
        decision = getattr(item, "decision", None)
        proposal_exempt = whole or bool(decision and decision.exemption_basis)
        entries.append(
            AgendaEntry(
                number=item.number,
                number_label=item.number_label,
                # An item exempt as a whole shows a neutral title (offentleglova).
                title=neutral_title() if whole else item.title,
                kind_label=item.kind_label,
                is_late_addition=item.is_late_addition,
                proposed_decision=_proposal(item)
                if publishes_proposals and not proposal_exempt
                else "",
                papers=() if whole else tuple(papers.get(item.pk, ())),
                anchor=item.anchor,
            )
        )
    return entries, papers.get(None, [])


def _proposal(item: AgendaItem) -> str:
    decision = getattr(item, "decision", None)
    return decision.proposed_text if decision is not None else ""


def _file_size(attachment: Attachment) -> int:
    try:
        return attachment.file.size
    except (OSError, ValueError):
        return 0


# Follow-up of decisions ---------------------------------------------------------------


@dataclass(frozen=True)
class PublicFollowUpNote:
    date: datetime.date
    text: str


@dataclass(frozen=True)
class PublicFollowUp:
    """What the public reads of a follow-up, where the council publishes it: never
    an internal note, nor who wrote a note."""

    task: str
    responsible: str
    due_date: datetime.date
    status: str
    status_label: str
    is_overdue: bool
    notes: tuple[PublicFollowUpNote, ...] = ()

    def as_dict(self) -> dict:
        return {
            "task": self.task,
            "responsible": self.responsible,
            "due_date": self.due_date.isoformat(),
            "status": self.status,
            "status_label": self.status_label,
            "overdue": self.is_overdue,
        }


def _withheld(item) -> bool:
    """Whether the item's decision is withheld from the public (exempt under
    offentleglova, where the document carries exemptions): its follow-up, whose task
    restates the decision, is withheld with it."""
    decision = getattr(item, "decision", None)
    return getattr(item, "exemption_scope", "") == "whole" or bool(
        getattr(decision, "exemption", "")
    )


def public_followups(
    council: Council, items: Iterable, *, today: datetime.date | None = None
) -> dict[int, tuple[PublicFollowUp, ...]]:
    """The follow-up of the given items of a published document (minutes/document.py
    Item), by item id: empty unless the council publishes follow-up, and never for a
    decision withheld from the public. Two queries, whatever the number."""
    if not council.publishes_followup:
        return {}
    today = today or timezone.localdate()
    item_ids = [item.id for item in items if not _withheld(item)]
    followups = list(
        FollowUp.objects.filter(
            council=council,
            item_id__in=item_ids,
            item__meeting__minutes__status__in=PUBLIC_STATUSES,
        )
        .select_related("responsible_organisation", "responsible_person")
        .order_by("due_date", "id")
    )
    notes: dict[int, list[PublicFollowUpNote]] = {}
    for note in FollowUpNote.objects.filter(
        followup__in=[f.pk for f in followups], is_internal=False
    ).order_by("date", "created_at", "id"):
        notes.setdefault(note.followup_id, []).append(
            PublicFollowUpNote(date=note.date, text=note.text)
        )
    by_item: dict[int, list[PublicFollowUp]] = {}
    for followup in followups:
        by_item.setdefault(followup.item_id, []).append(
            PublicFollowUp(
                task=followup.task,
                responsible=followup.responsible_name,
                due_date=followup.due_date,
                status=followup.status,
                status_label=str(followup.get_status_display()),
                is_overdue=followup.is_overdue(today),
                notes=tuple(notes.get(followup.pk, ())),
            )
        )
    return {item_id: tuple(rows) for item_id, rows in by_item.items()}
