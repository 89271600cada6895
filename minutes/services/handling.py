"""How the meeting handled an item: the type it was handled as, and postponement.

- An item planned as one type (AgendaItem.kind, what the summons says) and handled
  as another keeps both: `handled_kind` is set beside it, the minutes print
  «Orientering – behandlet som til uttalelse».
- A postponed item (utsatt) is not handled: the minutes print «Saken ble utsatt.»,
  and it needs no decision for approval. It is carried to the council's next
  meeting: the first meeting after it by date (then number) whose minutes are not
  yet approved. If no such meeting exists yet, it is carried when one is created
  (`postponed_carry_into`, called by meeting_create). The carried item is a new item
  on that agenda (a tilleggssak once that summons has gone out) that links back to
  the postponed one, which in turn shows where it went.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from minutes.models import AgendaItem, Decision, Meeting, Minutes
from minutes.services.agenda import agenda_item_add, agenda_item_delete
from minutes.services.editing import content_save


def _next_meeting(meeting: Meeting) -> Meeting | None:
    """The council's next meeting after `meeting` that can still take items."""
    return (
        Meeting.objects.filter(
            Q(date__gt=meeting.date) | Q(date=meeting.date, number__gt=meeting.number),
            council_id=meeting.council_id,
        )
        .exclude(minutes__status__in=Minutes.FROZEN_STATUSES)
        .order_by("date", "number")
        .first()
    )


def _carry(item: AgendaItem, into: Meeting) -> AgendaItem:
    """The postponed item as a new item of `into`'s agenda, linking back."""
    decision = Decision.objects.filter(item=item).first()
    return agenda_item_add(
        meeting=into,
        title=item.title,
        kind=item.kind,
        proposed_decision=decision.proposed_text if decision else "",
        archive_reference=item.archive_reference,
        postponed_from=item,
    )


def _carried(item: AgendaItem) -> AgendaItem | None:
    return (
        AgendaItem.objects.filter(postponed_from=item).select_related("meeting").first()
    )


@transaction.atomic
def item_handling_update(
    *,
    item: AgendaItem,
    revision: int,
    handled_kind: str,
    postponed: bool,
    postponed_reason: str = "",
) -> AgendaItem:
    """Record how the meeting handled `item`: the type it was handled as (blank or
    the planned type: as planned), and whether it was postponed, with a reason.

    Marking it postponed carries it to the next meeting (see the module); taking
    the mark off removes the carried item again, unless something was recorded
    under it there.
    """
    handled_kind = (handled_kind or "").strip()
    if handled_kind == item.kind:
        handled_kind = ""
    reason = " ".join((postponed_reason or "").split())
    if not postponed:
        reason = ""
    if len(reason) > 300:
        raise ValidationError(
            _("Grunnen til utsettelsen er for lang (høyst 300 tegn)."),
            code="reason_too_long",
        )
    was_postponed = item.is_postponed
    saved = content_save(
        obj=item,
        revision=revision,
        changes={
            "handled_kind": handled_kind,
            "is_postponed": bool(postponed),
            "postponed_reason": reason,
        },
    )
    if postponed and not was_postponed:
        target = _next_meeting(saved.meeting)
        if target is not None and _carried(saved) is None:
            _carry(saved, target)
    elif was_postponed and not postponed:
        carried = _carried(saved)
        if carried is not None:
            _uncarry(carried)
    return saved


def _uncarry(carried: AgendaItem) -> None:
    decision = Decision.objects.filter(item=carried).first()
    if carried.inputs.exists() or (decision and decision.final_text.strip()):
        raise ValidationError(
            _(
                "Saken er allerede behandlet som sak %(number)s i %(meeting)s. "
                "Fjern det som er ført der først."
            )
            % {"number": carried.number_label, "meeting": carried.meeting.title},
            code="carried_item_used",
        )
    agenda_item_delete(item=carried)


def postponed_carry_into(*, meeting: Meeting) -> list[AgendaItem]:
    """Carry into a new meeting the council's postponed items from earlier meetings
    that had no later meeting to go to when they were postponed."""
    waiting = (
        AgendaItem.objects.filter(
            Q(meeting__date__lt=meeting.date)
            | Q(meeting__date=meeting.date, meeting__number__lt=meeting.number),
            council_id=meeting.council_id,
            is_postponed=True,
            carried_over_as__isnull=True,
        )
        .select_related("meeting")
        .order_by("meeting__date", "meeting__number", "order")
    )
    return [_carry(item, meeting) for item in waiting]
