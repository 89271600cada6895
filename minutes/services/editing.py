"""Saving content without losing or overwriting anything, and the inputs (innspill).

Every function that changes a meeting's content checks the freeze rule once, inside
its transaction and before any write (minutes/frozen.py), so approved minutes stay
frozen and the editor is told why.
"""

import copy

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils.translation import gettext as _

from council.models import Organisation, Person, Sector
from minutes.frozen import meeting_editable, minutes_assert_editable
from minutes.models import AgendaItem, Decision, Input, Meeting

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


# What a save needs besides the row: the meeting (freeze rule, clean()) and what the
# editor's text box shows («who» is the attribution).
_SAVE_RELATED = {
    AgendaItem: ("meeting", "meeting__council"),
    Input: ("item", "item__meeting", "parent", "organisation", "sector", "person"),
    Decision: ("item", "item__meeting"),
}


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
    UPDATE … WHERE revision = sent is the atomic check, and it locks the row until
    the save commits: of two editors who both loaded revision 3, exactly one saves
    revision 4 and the other gets the conflict. The same statement is the freeze
    check: it only matches while the meeting's minutes are not approved, so the save
    checks nothing twice. `expected` (field -> the text the editor started from)
    narrows the check to the fields being saved: when another field of the same
    object was saved meanwhile, the edit still goes in; when the same field changed,
    it is a conflict. The object is saved through the ORM, so the history records who
    changed what, and its save() moves the revision on (RevisedContent in
    minutes/models/agenda.py). `obj` itself is left as it was.
    """
    model = type(obj)
    meeting = meeting_of(obj)
    claimed = model.objects.filter(pk=obj.pk, revision=revision).update_editable(
        revision=F("revision")
    )
    if claimed and obj.revision == revision:
        # The row is as `obj` was loaded (every save moves the revision on), and
        # locked now: no need to read it again.
        current = copy.copy(obj)
    else:
        if not claimed:
            minutes_assert_editable(meeting=meeting)
        current = (
            model.objects.select_for_update(of=("self",))
            .select_related(*_SAVE_RELATED[model])
            .get(pk=obj.pk)
        )
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
    elif expected is not None and not untouched:
        raise EditConflict(current=current)
    for name, value in changes.items():
        setattr(current, name, value)
    # Checked above, in this transaction: by the UPDATE's WHERE or by the assert.
    with meeting_editable(meeting, checked=True):
        current.full_clean(
            exclude=[f.name for f in model._meta.fields if f.name not in changes]
        )
        current.save(update_fields=[*changes, "updated_at"])
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
    with meeting_editable(item.meeting_id):
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
    with meeting_editable(entry.item.meeting_id):
        if entry.parent_id:
            return
        if Input.objects.filter(parent=entry).exists():
            raise ValidationError(
                _("Et innspill med underpunkter kan ikke rykkes inn."),
                code="has_children",
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
    with meeting_editable(entry.item.meeting_id):
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
    with meeting_editable(entry.item.meeting_id):
        for child in Input.objects.filter(parent=entry).select_related("item"):
            child.delete()
        entry.delete()


def decision_adopt_as_proposed(*, decision: Decision, revision: int) -> Decision:
    """«Vedtatt som foreslått»: the meeting adopted the proposal as it stands.

    One click records the decision, so the minutes never print the proposal as if it
    were the decision. Refused when someone has written a decision meanwhile.
    """
    if not decision.proposed_text.strip():
        raise ValidationError(
            _("Saken har ikke noe forslag til vedtak."), code="no_proposal"
        )
    return content_save(
        obj=decision,
        revision=revision,
        changes={"final_text": decision.proposed_text},
        expected={"final_text": ""},
    )
