"""Attendance: who was summoned to a meeting, who came, who sent a substitute.

Every change checks the freeze rule once, inside its transaction and before any write
(minutes/frozen.py), so approved minutes stay frozen.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from council.models import Membership, Organisation, Person
from minutes.frozen import meeting_editable, minutes_assert_editable
from minutes.models import Attendance, Meeting


def meeting_members(meeting: Meeting) -> models.QuerySet[Membership]:
    """The memberships summoned to a meeting: active on its date."""
    return (
        Membership.objects.active_on(meeting.date)
        .filter(council_id=meeting.council_id)
        .select_related("person", "organisation", "person__user")
        .order_by("order", "person__name")
    )


def meeting_seats(meeting: Meeting) -> models.QuerySet[Membership]:
    """The seats whose attendance is recorded: every summoned member but the
    deputies (varamedlemmer), who attend only when called in for an absent member
    and are then recorded as that member's substitute («X møtte for Y»)."""
    return meeting_members(meeting).exclude(role=Membership.Role.DEPUTY)


def substitute_by_name(
    *, meeting: Meeting, name: str, organisation: Organisation | None
) -> Person:
    """The person who stood in for an absent member, by the name typed: the
    council's own deputy of that name if there is one, else a person found or made
    in the member's organisation."""
    name = " ".join(name.split())
    deputy = (
        meeting_members(meeting)
        .filter(role=Membership.Role.DEPUTY, person__name__iexact=name)
        .first()
    )
    if deputy is not None:
        return deputy.person
    return person_find_or_create(name=name, organisation=organisation)


@transaction.atomic
def attendance_ensure_members(*, meeting: Meeting) -> list[Attendance]:
    """One attendance row per seat (present unless told otherwise); none for the
    deputies, who are recorded only when called in."""
    existing = set(
        Attendance.objects.filter(meeting=meeting, role=Attendance.Role.MEMBER)
        .exclude(membership=None)
        .values_list("membership_id", flat=True)
    )
    taken_people = set(
        Attendance.objects.filter(
            meeting=meeting, role=Attendance.Role.MEMBER
        ).values_list("person_id", flat=True)
    )
    created = []
    for membership in meeting_seats(meeting):
        if membership.pk in existing or membership.person_id in taken_people:
            continue
        created.append(
            Attendance.objects.create(
                meeting=meeting,
                role=Attendance.Role.MEMBER,
                membership=membership,
                person=membership.person,
                organisation=membership.organisation,
                order=membership.order,
            )
        )
    return created


@dataclass
class AttendanceChange:
    status: str
    substitute: Person | None
    arrived_at: datetime.time | None
    left_at: datetime.time | None
    note: str


@transaction.atomic
def attendance_update(*, attendance: Attendance, change: AttendanceChange) -> None:
    with meeting_editable(attendance.meeting_id):
        attendance.status = change.status
        attendance.substitute = (
            change.substitute if change.status != Attendance.Status.PRESENT else None
        )
        attendance.arrived_at = change.arrived_at
        attendance.left_at = change.left_at
        attendance.note = change.note
        attendance.full_clean()
        attendance.save()


@transaction.atomic
def attendance_add(
    *,
    meeting: Meeting,
    role: str,
    person: Person,
    organisation: Organisation | None = None,
    note: str = "",
) -> Attendance:
    """Add a secretariat official, a guest or an official to a meeting."""
    with meeting_editable(meeting):
        last = (
            Attendance.objects.filter(meeting=meeting, role=role).aggregate(
                n=Max("order")
            )["n"]
            or 0
        )
        attendance = Attendance(
            meeting=meeting,
            role=role,
            person=person,
            organisation=organisation,
            note=note,
            order=last + 1,
        )
        attendance.full_clean()
        attendance.save()
        return attendance


@transaction.atomic
def attendance_remove(*, attendance: Attendance) -> None:
    with meeting_editable(attendance.meeting_id):
        attendance.delete()


@transaction.atomic
def attendance_report_absence(
    *, meeting: Meeting, membership: Membership, substitute: Person | None
) -> Attendance:
    """A member reports absence (meldt forfall) and perhaps names a substitute."""
    with meeting_editable(meeting):
        attendance_ensure_members(meeting=meeting)
        attendance = Attendance.objects.get(
            meeting=meeting, role=Attendance.Role.MEMBER, person=membership.person
        )
        attendance.status = Attendance.Status.NOTIFIED_ABSENCE
        attendance.substitute = substitute
        attendance.full_clean()
        attendance.save()
        return attendance


def person_find_or_create(*, name: str, organisation: Organisation | None) -> Person:
    """A person by name (within the organisation if given), created if new."""
    name = " ".join(name.split())
    people = Person.objects.filter(name__iexact=name)
    if organisation:
        people = people.filter(organisation=organisation)
    person = people.first()
    if person is None:
        person = Person.objects.create(name=name, organisation=organisation)
    return person


# The whole membership in one grid -----------------------------------------------


def meeting_deputies(meeting: Meeting) -> models.QuerySet[Membership]:
    """The council's deputies (varamedlemmer) on the meeting's date: listed in the
    grid, recorded only when called in for an absent member."""
    return meeting_members(meeting).filter(role=Membership.Role.DEPUTY)


def parse_clock(raw: str) -> datetime.time | None:
    """«10:30», «10.30» or «10» as a time; empty as None. ValueError if neither."""
    raw = (raw or "").strip().replace(".", ":")
    if not raw:
        return None
    if raw.isdigit() and len(raw) <= 2:
        raw = f"{raw}:00"
    return datetime.time.fromisoformat(raw)


@dataclass
class SeatEntry:
    """One member's row of the attendance grid, as typed (times as text)."""

    key: str
    attendance: Attendance  # saved, or a new row not yet saved
    status: str
    substitute_name: str = ""
    arrived_at: str = ""
    left_at: str = ""
    note: str = ""


@dataclass
class DeputyCall:
    """A deputy's row of the grid: which seat (by its key) they stood in for, or
    none when they were not called in."""

    key: str
    person: Person
    stands_in_for: str = ""


def _deputy_errors(
    seats: dict[str, SeatEntry], calls: list[DeputyCall]
) -> tuple[dict[str, Person], dict[str, str]]:
    """Which seat each called-in deputy stood in for, and the errors of the calls
    that cannot be: an unknown seat, a seat taken by another deputy, a member
    recorded as present."""
    taken: dict[str, Person] = {}
    errors: dict[str, str] = {}
    for call in calls:
        if not call.stands_in_for:
            continue
        seat = seats.get(call.stands_in_for)
        if seat is None or seat.attendance.role != Attendance.Role.MEMBER:
            errors[call.key] = _("Velg et medlem fra listen.")
            continue
        member = seat.attendance.person.name
        if call.stands_in_for in taken:
            errors[call.key] = _(
                "%(deputy)s møtte allerede for %(member)s. Velg et annet medlem."
            ) % {"deputy": taken[call.stands_in_for].name, "member": member}
            continue
        if seat.status in (Attendance.Status.PRESENT, Attendance.Status.LEFT):
            errors[call.key] = _(
                "%(member)s er ført opp som til stede. Et varamedlem kan bare møte "
                "for et medlem som ikke møtte."
            ) % {"member": member}
            continue
        taken[call.stands_in_for] = call.person
    return taken, errors


def _save_seat(meeting: Meeting, seat: SeatEntry, deputy: Person | None) -> str | None:
    attendance = seat.attendance
    if seat.status not in Attendance.Status.values:
        return _("Ugyldig oppmøtestatus.")
    try:
        arrived = parse_clock(seat.arrived_at)
        left = parse_clock(seat.left_at)
    except ValueError:
        return _("Skriv klokkeslett som 10:30.")
    name = " ".join(seat.substitute_name.split())
    substitute = deputy
    if deputy is not None and name and name.lower() != deputy.name.lower():
        return _(
            "%(member)s har både stedfortreder «%(name)s» og varamedlem %(deputy)s. "
            "Velg én av dem."
        ) % {"member": attendance.person.name, "name": name, "deputy": deputy.name}
    if deputy is None and name:
        if seat.status == Attendance.Status.PRESENT:
            return _("Bare et fraværende medlem kan ha stedfortreder.")
        substitute = substitute_by_name(
            meeting=meeting, name=name, organisation=attendance.represented_organisation
        )
    try:
        with transaction.atomic():
            if attendance.pk is None:
                attendance.role = Attendance.Role.MEMBER
                attendance.full_clean()
                attendance.save()
            attendance_update(
                attendance=attendance,
                change=AttendanceChange(
                    status=seat.status,
                    substitute=substitute,
                    arrived_at=arrived,
                    left_at=left,
                    note=seat.note.strip()[:200],
                ),
            )
    except ValidationError as exc:
        if (
            attendance.pk is not None
            and not Attendance.objects.filter(pk=attendance.pk).exists()
        ):
            attendance.pk = None  # the new row was rolled back
        return " ".join(str(m) for m in exc.messages)
    return None


def attendance_save_grid(
    *, meeting: Meeting, seats: list[SeatEntry], calls: list[DeputyCall]
) -> dict[str, str]:
    """Save the attendance grid in one go: every member's status, substitute, times
    and note, and which absent member each called-in deputy stood in for («X møtte
    for Y», kept as Y's substitute). Deputies not called in are not recorded.

    Each row is saved on its own, so one bad row does not lose the others; the
    errors come back by row key."""
    minutes_assert_editable(meeting=meeting)
    by_key = {seat.key: seat for seat in seats}
    taken, errors = _deputy_errors(by_key, calls)
    for seat in seats:
        error = _save_seat(meeting, seat, taken.get(seat.key))
        if error:
            errors[seat.key] = error
    return errors
