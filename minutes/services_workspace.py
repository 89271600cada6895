"""Business rules of the secretariat's workspace: saving content without losing or
overwriting anything, inputs (innspill), agenda item removal and attendance.

Every function that changes a meeting's content calls `minutes_assert_editable` first,
so approved minutes stay frozen whatever path the change comes from.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Max, Q
from django.utils.translation import gettext as _

from council.models import Membership, Organisation, Person, Sector
from minutes.frozen import minutes_assert_editable
from minutes.models import AgendaItem, Attendance, Decision, Input, Meeting
from minutes.services import agenda_renumber

Versioned = AgendaItem | Input | Decision


class EditConflict(Exception):
    """Someone else saved the same object since the editor loaded it."""

    def __init__(self, *, current: Versioned) -> None:
        super().__init__("edit conflict")
        self.current = current


def meeting_of(obj: Versioned) -> Meeting:
    if isinstance(obj, AgendaItem):
        return obj.meeting
    return obj.item.meeting


def field_text(obj: Versioned, field: str) -> str:
    """A field's value as the editor's text box holds it («who» is the attribution)."""
    value = obj.attributed_to if field == "who" else getattr(obj, field)
    if isinstance(value, bool):
        return "1" if value else ""
    return value or ""


@transaction.atomic
def content_save(
    *,
    obj: Versioned,
    revision: int,
    changes: dict,
    expected: dict[str, str] | None = None,
) -> Versioned:
    """Save `changes` to an item, input or decision unless someone else changed it
    since the editor loaded it; then raise EditConflict carrying the current object.

    `revision` is the object's revision the editor started from. The conditional
    UPDATE … WHERE revision = sent is the atomic check: of two editors who both loaded
    revision 3, exactly one moves it to 4. `expected` (field -> the text the editor
    started from) narrows the check to the fields being saved: when another field of
    the same object was saved meanwhile, the edit still goes in; when the same field
    changed, it is a conflict. The object is saved through the ORM afterwards, so the
    history records who changed what.
    """
    minutes_assert_editable(meeting=meeting_of(obj))
    model = type(obj)
    claimed = model.objects.filter(pk=obj.pk, revision=revision).update(
        revision=F("revision") + 1
    )
    # Lock the row (PostgreSQL) so nobody saves between the check and the save.
    current = model.objects.select_for_update().get(pk=obj.pk)
    untouched = expected is not None and all(
        field_text(current, field) == (text or "").replace("\r\n", "\n")
        for field, text in expected.items()
    )
    if not claimed:
        # A retried save whose answer was lost on the network is not a conflict.
        if all(getattr(current, name) == value for name, value in changes.items()):
            return current
        if not untouched:
            raise EditConflict(current=current)
        current.revision += 1
    elif expected is not None and not untouched:
        # The claim is rolled back with the exception: report the stored revision.
        current.revision -= 1
        raise EditConflict(current=current)
    for name, value in changes.items():
        setattr(current, name, value)
    current.full_clean()
    current.save()
    return current


# Inputs (innspill) -------------------------------------------------------------------


def input_who_label(entry: Input) -> str:
    """What the «Hvem» field shows for an input: the name it is attributed to."""
    return entry.attributed_to


def input_attribution(*, name: str) -> dict:
    """Resolve what the secretariat typed in «Hvem» to an attribution.

    An organisation (full or short name), a sector («Representant fra kommunal sektor»
    or just «Kommunal sektor»), a person, or nobody when left empty.
    """
    name = " ".join((name or "").split())
    empty = {"organisation": None, "sector": None, "person": None}
    if not name:
        return {**empty, "attribution": Input.Attribution.NONE}
    organisation = Organisation.objects.filter(
        Q(name__iexact=name) | Q(short_name__iexact=name)
    ).first()
    if organisation:
        return {
            **empty,
            "attribution": Input.Attribution.ORGANISATION,
            "organisation": organisation,
        }
    sector = Sector.objects.filter(
        Q(representative_label__iexact=name) | Q(name__iexact=name)
    ).first()
    if sector:
        return {**empty, "attribution": Input.Attribution.SECTOR, "sector": sector}
    people = list(Person.objects.filter(name__iexact=name)[:2])
    if len(people) == 1:
        return {**empty, "attribution": Input.Attribution.PERSON, "person": people[0]}
    if len(people) > 1:
        raise ValidationError(
            _("Flere personer heter «%(name)s». Skriv virksomheten i stedet.")
            % {"name": name},
            code="ambiguous_person",
        )
    raise ValidationError(
        _(
            "Finner ingen virksomhet, sektor eller person som heter «%(name)s». "
            "Velg fra listen, eller la feltet stå tomt."
        )
        % {"name": name},
        code="unknown_attribution",
    )


@transaction.atomic
def input_add(
    *,
    item: AgendaItem,
    text: str,
    who: str = "",
    is_written: bool = False,
    parent: Input | None = None,
) -> Input:
    """Add an input at the end of an item's list (or of its parent's sub-bullets)."""
    minutes_assert_editable(meeting=item.meeting)
    if not text.strip():
        raise ValidationError(
            {"text": _("Skriv innspillet før du legger det til.")}, code="empty"
        )
    _inputs_normalise(item)
    siblings_end = Input.objects.filter(item=item)
    if parent:
        siblings_end = siblings_end.filter(Q(pk=parent.pk) | Q(parent=parent))
    last = siblings_end.aggregate(n=Max("order"))["n"] or 0
    Input.objects.filter(item=item, order__gt=last).update(order=F("order") + 1)
    entry = Input(
        item=item,
        parent=parent,
        order=last + 1,
        text=text.strip(),
        is_written=is_written,
        **input_attribution(name=who),
    )
    entry.full_clean()
    entry.save()
    return entry


def _tree_order(item: AgendaItem) -> list[Input]:
    """An item's inputs in reading order: each root followed by its sub-bullets."""
    inputs = list(Input.objects.filter(item=item).order_by("order", "id"))
    roots = [entry for entry in inputs if entry.parent_id is None]
    ordered: list[Input] = []
    for root in roots:
        ordered.append(root)
        ordered.extend(entry for entry in inputs if entry.parent_id == root.pk)
    return ordered


def _inputs_normalise(item: AgendaItem) -> list[Input]:
    """Give an item's inputs the orders 1, 2, 3 … in reading order."""
    ordered = _tree_order(item)
    for position, entry in enumerate(ordered, start=1):
        if entry.order != position:
            Input.objects.filter(pk=entry.pk).update(order=position)
            entry.order = position
    return ordered


@transaction.atomic
def input_move(*, entry: Input, delta: int) -> None:
    """Move an input up (-1) or down (+1) among its siblings; sub-bullets follow."""
    minutes_assert_editable(meeting=entry.item.meeting)
    ordered = _inputs_normalise(entry.item)
    siblings = [e for e in ordered if e.parent_id == entry.parent_id]
    index = next(i for i, e in enumerate(siblings) if e.pk == entry.pk)
    target = index + delta
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    # Rebuild reading order: roots with their children, or children within a parent.
    if entry.parent_id is None:
        sequence: list[Input] = []
        for root in siblings:
            sequence.append(root)
            sequence.extend(e for e in ordered if e.parent_id == root.pk)
    else:
        sequence = []
        for e in ordered:
            if e.parent_id == entry.parent_id:
                continue
            sequence.append(e)
            if e.pk == entry.parent_id:
                sequence.extend(siblings)
    for position, e in enumerate(sequence, start=1):
        Input.objects.filter(pk=e.pk).update(order=position)


@transaction.atomic
def input_indent(*, entry: Input) -> None:
    """Make an input a sub-bullet of the input above it (Input.parent)."""
    minutes_assert_editable(meeting=entry.item.meeting)
    if entry.parent_id:
        return
    if Input.objects.filter(parent=entry).exists():
        raise ValidationError(
            _("Et innspill med underpunkter kan ikke rykkes inn."), code="has_children"
        )
    ordered = _inputs_normalise(entry.item)
    roots = [e for e in ordered if e.parent_id is None]
    index = next(i for i, e in enumerate(roots) if e.pk == entry.pk)
    if index == 0:
        raise ValidationError(
            _("Det første innspillet kan ikke rykkes inn."), code="first"
        )
    entry.parent = roots[index - 1]
    entry.save(update_fields=["parent", "updated_at"])
    _inputs_normalise(entry.item)


@transaction.atomic
def input_outdent(*, entry: Input) -> None:
    """Make a sub-bullet an input of its own, right after its former parent's group."""
    minutes_assert_editable(meeting=entry.item.meeting)
    if not entry.parent_id:
        return
    parent_id = entry.parent_id
    ordered = _inputs_normalise(entry.item)
    entry.parent = None
    entry.save(update_fields=["parent", "updated_at"])
    sequence = [e for e in ordered if e.pk != entry.pk]
    last_of_group = max(
        i
        for i, e in enumerate(sequence)
        if e.pk == parent_id or e.parent_id == parent_id
    )
    # Later siblings stay sub-bullets of the old parent, so the outdented input goes
    # after the whole group.
    sequence.insert(last_of_group + 1, entry)
    for position, e in enumerate(sequence, start=1):
        Input.objects.filter(pk=e.pk).update(order=position)


@transaction.atomic
def input_delete(*, entry: Input) -> None:
    """Delete an input and its sub-bullets; the history keeps their text."""
    minutes_assert_editable(meeting=entry.item.meeting)
    for child in Input.objects.filter(parent=entry):
        child.delete()
    entry.delete()


# Agenda --------------------------------------------------------------------------


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    """Remove an item from the agenda; numbers close up until the summons is sent."""
    meeting = item.meeting
    minutes_assert_editable(meeting=meeting)
    item.delete()
    agenda_renumber(meeting=meeting)


@transaction.atomic
def agenda_item_update(
    *,
    item: AgendaItem,
    item_revision: int,
    decision_revision: int,
    fields: dict,
    proposed_text: str,
) -> AgendaItem:
    """Save an item's facts and its proposed decision, both revision-checked."""
    item = content_save(obj=item, revision=item_revision, changes=fields)
    decision, _created = Decision.objects.get_or_create(item=item)
    content_save(
        obj=decision,
        revision=decision_revision,
        changes={"proposed_text": proposed_text},
    )
    return item


def decision_start_final_text(decision: Decision) -> str:
    """The decision field in the minute-taking view starts from the proposal."""
    return decision.final_text or decision.proposed_text


# Attendance ------------------------------------------------------------------------


def meeting_members(meeting: Meeting) -> models.QuerySet[Membership]:
    """The memberships summoned to a meeting: active on its date."""
    return (
        Membership.objects.active_on(meeting.date)
        .filter(council_id=meeting.council_id)
        .select_related("person", "organisation", "person__user")
        .order_by("order", "person__name")
    )


@transaction.atomic
def attendance_ensure_members(*, meeting: Meeting) -> list[Attendance]:
    """One attendance row per summoned member (present unless told otherwise)."""
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
    for membership in meeting_members(meeting):
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
    minutes_assert_editable(meeting=attendance.meeting)
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
    minutes_assert_editable(meeting=meeting)
    last = (
        Attendance.objects.filter(meeting=meeting, role=role).aggregate(n=Max("order"))[
            "n"
        ]
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
    minutes_assert_editable(meeting=attendance.meeting)
    attendance.delete()


@transaction.atomic
def attendance_report_absence(
    *, meeting: Meeting, membership: Membership, substitute: Person | None
) -> Attendance:
    """A member reports absence (meldt forfall) and perhaps names a substitute."""
    minutes_assert_editable(meeting=meeting)
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
