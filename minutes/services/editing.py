"""Saving content without losing or overwriting anything, and the inputs (innspill).

Every function that changes a meeting's content checks the freeze rule once, inside
its transaction and before any write (minutes/frozen.py), so approved minutes stay
frozen and the editor is told why.
"""

import copy

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from council.access import council_organisations, council_people, council_sectors
from council.models import Council
from minutes.frozen import meeting_editable, minutes_assert_editable
from minutes.models import AgendaItem, Decision, Input, Meeting, input_tree

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


def input_attribution(*, name: str, council: Council) -> dict:
    """Resolve what the secretariat typed in «Hvem» to an attribution.

    An organisation (full or short name), a sector («Representant fra kommunal sektor»
    or just «Kommunal sektor»), a person, or nobody when left empty; only among the
    council's own (council/access.py), so a name from another council neither matches
    nor tells that it exists there.
    """
    name = " ".join((name or "").split())
    empty = {"organisation": None, "sector": None, "person": None}
    if not name:
        return {**empty, "attribution": Input.Attribution.NONE}
    organisation = (
        council_organisations(council)
        .filter(Q(name__iexact=name) | Q(short_name__iexact=name))
        .first()
    )
    if organisation:
        return {
            **empty,
            "attribution": Input.Attribution.ORGANISATION,
            "organisation": organisation,
        }
    sector = (
        council_sectors(council)
        .filter(Q(representative_label__iexact=name) | Q(name__iexact=name))
        .first()
    )
    if sector:
        return {**empty, "attribution": Input.Attribution.SECTOR, "sector": sector}
    people = list(council_people(council).filter(name__iexact=name)[:2])
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


# The tree operations (add, move, indent, outdent, delete) lock the item's row first
# and then read its inputs afresh: of two requests on the same item, the second waits
# for the first to commit and works on its result, not on the list its page showed.
# Without the lock, two indents of neighbouring inputs each took the other's input
# for a top-level one: a second level of sub-bullets, or a cycle. The model refuses
# such a parent too (Input.assert_parent_allowed), and the readers show every input
# whatever the rows say (input_tree).


def _item_lock(item_id: int) -> AgendaItem:
    """The item's row, locked until the transaction ends. FOR NO KEY UPDATE: the
    tree operations on one item run one at a time, while rows that only point at the
    item (its decision, an attachment) can still be written meanwhile."""
    return AgendaItem.objects.select_for_update(no_key=True).get(pk=item_id)


def _input_lock(entry: Input) -> Input:
    """Lock the input's item and read the input again, as it is now."""
    item = _item_lock(entry.item_id)
    current = Input.objects.filter(pk=entry.pk).first()
    if current is None:
        raise ValidationError(
            _("Innspillet er slettet i mellomtiden. Last siden på nytt."), code="gone"
        )
    current.item = item
    return current


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
        _item_lock(item.pk)
        if parent is not None:
            parent = _input_lock(parent)
        sequence = _flatten(_inputs_normalise(item))
        last = max(
            (
                position
                for position, entry in enumerate(sequence, start=1)
                if parent is None or parent.pk in (entry.pk, entry.parent_id)
            ),
            default=0,
        )
        Input.objects.filter(item=item, order__gt=last).update(order=F("order") + 1)
        entry = Input(
            item=item,
            parent=parent,
            order=last + 1,
            text=text.strip(),
            is_written=is_written,
            **input_attribution(name=who, council=item.council),
        )
        # Refuses a parent of another item, or one that is a sub-bullet itself (it
        # may have become one since the page was loaded).
        entry.full_clean()
        entry.save()
        return entry


def _flatten(tree: list[tuple[Input, list[Input]]]) -> list[Input]:
    """The tree in reading order: each top-level input followed by its sub-bullets."""
    return [entry for root, children in tree for entry in (root, *children)]


def _renumber(sequence: list[Input]) -> None:
    """Give the inputs the orders 1, 2, 3 … as they stand in `sequence`."""
    for position, entry in enumerate(sequence, start=1):
        if entry.order != position:
            Input.objects.filter(pk=entry.pk).update(order=position)
            entry.order = position


def _inputs_normalise(item: AgendaItem) -> list[tuple[Input, list[Input]]]:
    """Number an item's inputs 1, 2, 3 … in reading order; return them as a tree."""
    tree = input_tree(Input.objects.filter(item=item).order_by("order", "id"))
    _renumber(_flatten(tree))
    return tree


def _group_of(tree: list[tuple[Input, list[Input]]], entry: Input):
    """The (parent, sub-bullets) under which `entry` is shown, or None if it is
    shown at the top level."""
    return next(
        (
            (root, children)
            for root, children in tree
            if any(child.pk == entry.pk for child in children)
        ),
        None,
    )


@transaction.atomic
def input_move(*, entry: Input, delta: int) -> None:
    """Move an input up (-1) or down (+1) among its siblings; sub-bullets follow."""
    with meeting_editable(entry.item.meeting_id):
        entry = _input_lock(entry)
        tree = _inputs_normalise(entry.item)
        group = _group_of(tree, entry)
        siblings: list = tree if group is None else group[1]
        index = next(
            i
            for i, sibling in enumerate(siblings)
            if (sibling[0] if group is None else sibling).pk == entry.pk
        )
        target = index + delta
        if not 0 <= target < len(siblings):
            return
        siblings[index], siblings[target] = siblings[target], siblings[index]
        _renumber(_flatten(tree))


@transaction.atomic
def input_indent(*, entry: Input) -> None:
    """Make an input a sub-bullet of the input above it (Input.parent)."""
    with meeting_editable(entry.item.meeting_id):
        entry = _input_lock(entry)
        tree = _inputs_normalise(entry.item)
        if _group_of(tree, entry) is not None:
            return  # A sub-bullet already (perhaps since the page was loaded).
        if Input.objects.filter(parent=entry).exists():
            raise ValidationError(
                _("Et innspill med underpunkter kan ikke rykkes inn."),
                code="has_children",
            )
        roots = [root for root, _children in tree]
        index = next(i for i, root in enumerate(roots) if root.pk == entry.pk)
        if index == 0:
            raise ValidationError(
                _("Det første innspillet kan ikke rykkes inn."), code="first"
            )
        # Should the input above be shown at the top level only because its own
        # parent is broken, the model refuses the second level (a ValidationError).
        entry.parent = roots[index - 1]
        entry.save(update_fields=["parent", "updated_at"])
        _inputs_normalise(entry.item)


@transaction.atomic
def input_outdent(*, entry: Input) -> None:
    """Make a sub-bullet an input of its own, right after its former parent's group.

    An input shown at the top level though it has a parent (a broken tree: its
    parent gone, a sub-bullet itself, or a cycle) keeps its place and loses the
    parent: outdenting mends the tree.
    """
    with meeting_editable(entry.item.meeting_id):
        entry = _input_lock(entry)
        if not entry.parent_id:
            return
        tree = _inputs_normalise(entry.item)
        group = _group_of(tree, entry)
        entry.parent = None
        entry.save(update_fields=["parent", "updated_at"])
        if group is None:
            return
        parent, children = group
        children[:] = [child for child in children if child.pk != entry.pk]
        # Later siblings stay sub-bullets of the old parent, so the outdented input
        # goes after the whole group.
        index = next(i for i, (root, _c) in enumerate(tree) if root.pk == parent.pk)
        tree.insert(index + 1, (entry, []))
        _renumber(_flatten(tree))


@transaction.atomic
def input_delete(*, entry: Input) -> None:
    """Delete an input and its sub-bullets; the history keeps their text."""
    with meeting_editable(entry.item.meeting_id):
        try:
            entry = _input_lock(entry)
        except ValidationError:
            return  # Deleted already, as the user asked.
        for child in Input.objects.filter(parent=entry).exclude(pk=entry.pk):
            child.delete()
        # In a cycle, deleting the sub-bullet has taken this input with it.
        if Input.objects.filter(pk=entry.pk).exists():
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
