"""Attendance: who was summoned to a meeting, who came, who sent a substitute.

Every change checks the freeze rule once, inside its transaction and before any write
(minutes/frozen.py), so approved minutes stay frozen.
"""

import datetime
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models import Max

from council.models import Membership, Organisation, Person
from minutes.frozen import meeting_editable
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
