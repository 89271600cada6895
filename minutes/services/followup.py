"""Follow-up of decisions: the one place for its rules. The workspace, the review
pages, the public pages and send_followup_reminders all call these.

- A follow-up belongs to an item with a decision in minutes that have been approved
  (approved, published, or published and being corrected). It is not part of the
  record: adding to or changing follow-up of frozen minutes changes nothing frozen
  (no row of the record is written, so minutes/frozen.py has nothing to refuse).
- The responsible is one of the council's own organisations or people
  (council/access.py), never another council's.
- A status changes with a dated note that says so, so the notes are the history.
- Reminders (send_followup_reminders): FOLLOWUP_REMINDER_DAYS before the due date and
  once when it has passed, one of each per follow-up and due date; a new due date
  allows new ones.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from council.access import council_organisations, council_people
from council.models import Council, Membership, Organisation, Person
from minutes import mail
from minutes.models import (
    AgendaItem,
    FollowUp,
    FollowUpNote,
    FollowUpReminder,
    FollowUpStatus,
)
from minutes.status import MinutesStatus

# Minutes whose decisions may be followed up: they have been approved.
FOLLOWUP_MINUTES_STATUSES = (
    MinutesStatus.APPROVED,
    MinutesStatus.PUBLISHED,
    MinutesStatus.CORRECTING,
)

# What a list of follow-ups shows with each, in a fixed number of queries.
LIST_RELATED = (
    "item",
    "item__meeting",
    "council",
    "responsible_organisation",
    "responsible_person",
)


# Which items -----------------------------------------------------------------------


def followup_items(council: Council) -> QuerySet[AgendaItem]:
    """The council's items whose decision may get follow-up: decided items of
    approved minutes, newest meeting first."""
    return (
        AgendaItem.objects.filter(
            council=council,
            meeting__minutes__status__in=FOLLOWUP_MINUTES_STATUSES,
            decision__isnull=False,
        )
        .exclude(decision__final_text="", decision__proposed_text="")
        .select_related("meeting", "decision")
        .order_by("-meeting__date", "order", "number")
    )


def followup_refused(item: AgendaItem) -> str | None:
    """Why the item cannot get follow-up, or None if it can."""
    minutes = getattr(item.meeting, "minutes", None)
    if minutes is None or minutes.status not in FOLLOWUP_MINUTES_STATUSES:
        return _(
            "Oppfølging føres når referatet er godkjent. Referatet fra %(meeting)s "
            "er ikke godkjent ennå."
        ) % {"meeting": item.meeting.title}
    decision = getattr(item, "decision", None)
    if decision is None or not decision.text.strip():
        return _("Sak %(number)s har ikke noe vedtak å følge opp.") % {
            "number": item.number_label
        }
    return None


# Lists -----------------------------------------------------------------------------


def council_followups(
    council: Council,
    *,
    status: str = "",
    overdue: bool = False,
    today: datetime.date | None = None,
) -> QuerySet[FollowUp]:
    """The council's follow-ups, by due date; filtered by status, or the overdue."""
    followups = FollowUp.objects.filter(council=council).select_related(*LIST_RELATED)
    if status in FollowUpStatus.values:
        followups = followups.filter(status=status)
    if overdue:
        followups = followups.overdue(today)
    return followups.order_by("due_date", "item__year", "item__number", "id")


def overdue_followups(
    council: Council, today: datetime.date | None = None
) -> QuerySet[FollowUp]:
    return council_followups(council, overdue=True, today=today)


def followups_by_item(
    followups: QuerySet[FollowUp], *, internal_notes: bool = True
) -> dict[int, list[FollowUp]]:
    """Follow-ups by item id, each with its notes (`note_list`), in two queries."""
    rows = list(followups.select_related(*LIST_RELATED))
    notes = FollowUpNote.objects.filter(followup__in=[f.pk for f in rows])
    if not internal_notes:
        notes = notes.filter(is_internal=False)
    by_followup: dict[int, list[FollowUpNote]] = {}
    for note in notes.order_by("date", "created_at", "id"):
        by_followup.setdefault(note.followup_id, []).append(note)
    by_item: dict[int, list[FollowUp]] = {}
    for followup in rows:
        followup.note_list = by_followup.get(followup.pk, [])
        by_item.setdefault(followup.item_id, []).append(followup)
    return by_item


# Changes ---------------------------------------------------------------------------


def _responsible_check(
    council: Council, organisation: Organisation | None, person: Person | None
) -> None:
    if (organisation is None) == (person is None):
        raise ValidationError(
            _("Velg én ansvarlig: en virksomhet eller en person."),
            code="one_responsible",
        )
    if (
        organisation is not None
        and not council_organisations(council).filter(pk=organisation.pk).exists()
    ):
        raise ValidationError(
            _("Virksomheten hører ikke til rådet."), code="foreign_organisation"
        )
    if person is not None and not council_people(council).filter(pk=person.pk).exists():
        raise ValidationError(
            _("Personen hører ikke til rådet."), code="foreign_person"
        )


def _task_check(task: str) -> str:
    task = task.strip()
    if not task:
        raise ValidationError(_("Skriv hva som skal gjøres."), code="task_missing")
    return task


def _author_name(user) -> str:
    if user is None:
        return ""
    person = Person.objects.filter(user=user).only("name").first()
    if person is not None:
        return person.name
    return user.get_full_name() or user.get_username()


def _status_label(status: str) -> str:
    return str(FollowUpStatus(status).label)


@transaction.atomic
def followup_create(
    *,
    item: AgendaItem,
    task: str,
    due_date: datetime.date,
    responsible_organisation: Organisation | None = None,
    responsible_person: Person | None = None,
    status: str = FollowUpStatus.NOT_STARTED,
    by=None,
) -> FollowUp:
    """A follow-up of the item's decision."""
    item = AgendaItem.objects.select_related(
        "meeting", "meeting__minutes", "council", "decision"
    ).get(pk=item.pk)
    refused = followup_refused(item)
    if refused:
        raise ValidationError(refused, code="not_followable")
    _responsible_check(item.council, responsible_organisation, responsible_person)
    followup = FollowUp(
        item=item,
        task=_task_check(task),
        due_date=due_date,
        responsible_organisation=responsible_organisation,
        responsible_person=responsible_person,
        status=status,
    )
    followup.full_clean()
    followup.save()
    return followup


@transaction.atomic
def followup_update(
    *,
    followup: FollowUp,
    task: str,
    due_date: datetime.date,
    responsible_organisation: Organisation | None = None,
    responsible_person: Person | None = None,
    status: str,
    by=None,
) -> FollowUp:
    """Change a follow-up; a new status is recorded as a dated note."""
    followup = (
        FollowUp.objects.select_for_update()
        .select_related("item", "council")
        .get(pk=followup.pk)
    )
    _responsible_check(followup.council, responsible_organisation, responsible_person)
    old_status = followup.status
    followup.task = _task_check(task)
    followup.due_date = due_date
    followup.responsible_organisation = responsible_organisation
    followup.responsible_person = responsible_person
    followup.status = status
    followup.full_clean()
    followup.save()
    if status != old_status:
        _note_create(
            followup,
            text=_("Status endret fra «%(old)s» til «%(new)s».")
            % {"old": _status_label(old_status), "new": _status_label(status)},
            status=status,
            by=by,
        )
    return followup


def _note_create(
    followup: FollowUp,
    *,
    text: str,
    status: str = "",
    date: datetime.date | None = None,
    is_internal: bool = False,
    by=None,
) -> FollowUpNote:
    note = FollowUpNote(
        followup=followup,
        date=date or timezone.localdate(),
        text=text,
        status=status,
        is_internal=is_internal,
        author=by,
        author_name=_author_name(by),
    )
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def followup_note_add(
    *,
    followup: FollowUp,
    text: str,
    date: datetime.date | None = None,
    status: str = "",
    is_internal: bool = False,
    by=None,
) -> FollowUpNote:
    """A dated status note; with a status, the follow-up gets that status."""
    followup = FollowUp.objects.select_for_update().get(pk=followup.pk)
    text = text.strip()
    if not text:
        raise ValidationError(_("Skriv en merknad."), code="note_missing")
    if date is not None and date > timezone.localdate():
        raise ValidationError(
            _("En merknad kan ikke dateres fram i tid."), code="note_future"
        )
    if status and status not in FollowUpStatus.values:
        raise ValidationError(_("Ukjent status."), code="unknown_status")
    if status == followup.status:
        status = ""
    note = _note_create(
        followup, text=text, status=status, date=date, is_internal=is_internal, by=by
    )
    if status:
        followup.status = status
        followup.save(update_fields=["status", "updated_at"])
    return note


@transaction.atomic
def followup_delete(*, followup: FollowUp) -> None:
    """Remove a follow-up made by mistake, with its notes and reminders."""
    FollowUp.objects.filter(pk=followup.pk).delete()


# Reminders -------------------------------------------------------------------------


@dataclass(frozen=True)
class ReminderTarget:
    """Who is reminded of a follow-up and in what capacity."""

    people: tuple[Person, ...] = ()
    # Secretariat logins, when no person of the responsible can be reached.
    users: tuple = ()


def followup_reminder_target(
    followup: FollowUp, today: datetime.date | None = None
) -> ReminderTarget:
    """Who gets the reminder.

    A person responsible gets it themself. For an organisation, the council's members
    who represent it now get it: they carry the council's decisions back into their
    organisation and answer for them in the council. An organisation with no such
    member reachable by e-mail (the secretariat's own organisation, often) leaves it
    to the council's secretariat, who manage the follow-up and can pass it on.
    """
    today = today or timezone.localdate()
    if followup.responsible_person_id:
        person = followup.responsible_person
        if mail.person_recipient(person) is not None:
            return ReminderTarget(people=(person,))
    else:
        members = (
            Person.objects.filter(
                memberships__in=Membership.objects.active_on(today).filter(
                    council_id=followup.council_id,
                    organisation_id=followup.responsible_organisation_id,
                )
            )
            .select_related("user")
            .distinct()
            .order_by("name")
        )
        reachable = tuple(p for p in members if mail.person_recipient(p) is not None)
        if reachable:
            return ReminderTarget(people=reachable)
    users = tuple(
        user
        for user in followup.council.secretariat_users.filter(is_active=True).order_by(
            "username"
        )
        if mail.user_recipient(user) is not None
    )
    return ReminderTarget(users=users)


def followup_reminders_send(
    *, today: datetime.date | None = None, days_before: int | None = None
) -> int:
    """Remind the responsible of open follow-ups due within `days_before` days
    (settings.FOLLOWUP_REMINDER_DAYS), and once when a due date has passed.

    Idempotent: a FollowUpReminder row per follow-up, kind and due date means one
    reminder each however often this runs (it is meant for cron). The row is made
    and the mail sent in one transaction, so a failed send is tried again next time.
    Returns the number of messages sent.
    """
    today = today or timezone.localdate()
    if days_before is None:
        days_before = settings.FOLLOWUP_REMINDER_DAYS
    candidates = (
        FollowUp.objects.open()
        .filter(due_date__lte=today + datetime.timedelta(days=days_before))
        .select_related(*LIST_RELATED, "council__secretariat_organisation")
        .order_by("due_date", "id")
    )
    sent = 0
    for followup in candidates:
        kind = (
            FollowUpReminder.Kind.OVERDUE
            if followup.due_date < today
            else FollowUpReminder.Kind.BEFORE
        )
        if FollowUpReminder.objects.filter(
            followup=followup, kind=kind, due_date=followup.due_date
        ).exists():
            continue
        target = followup_reminder_target(followup, today)
        if not (target.people or target.users):
            continue  # nobody to send to; tried again next time
        with transaction.atomic():
            # Locked and read again: a change or another run in the meantime wins.
            current = (
                FollowUp.objects.select_for_update()
                .filter(pk=followup.pk, due_date=followup.due_date)
                .open()
                .first()
            )
            if current is None:
                continue
            reminder, created = FollowUpReminder.objects.get_or_create(
                followup=followup, kind=kind, due_date=followup.due_date
            )
            if not created:
                continue
            count, recipients = mail.send_followup_reminder(
                followup=followup,
                overdue=kind == FollowUpReminder.Kind.OVERDUE,
                people=target.people,
                users=target.users,
                today=today,
            )
            reminder.recipients = ", ".join(recipients)
            reminder.save(update_fields=["recipients"])
        sent += count
    return sent
