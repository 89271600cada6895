"""Inputs (innspill) form a tree one level deep, and no reader drops an input.

The services and the model refuse a parent that would make a cycle or a second
level. Rows that are wrong all the same (written past the guards, or left by an older
race) are shown as inputs of their own, in their order: the minutes never lose what
was said.
"""

import pytest
from django.core.exceptions import ValidationError

from minutes.document import MinutesDocument
from minutes.models import Input
from minutes.services.editing import (
    input_add,
    input_delete,
    input_indent,
    input_move,
    input_outdent,
)
from tests.factories import CouncilFactory, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    return make_meeting(CouncilFactory()).items.first()


def shown(item) -> list[tuple[str, list[str]]]:
    """The item's inputs as the document has them: (text, sub-bullets' texts)."""
    document = MinutesDocument.from_rows(item.meeting)
    entry = next(i for i in document.items if i.id == item.pk)
    return [(e.text, [child.text for child in e.children]) for e in entry.inputs]


def stored(item) -> list[tuple[str, str | None]]:
    return [
        (e.text, e.parent.text if e.parent else None)
        for e in Input.objects.filter(item=item).order_by("order", "id")
    ]


def force_cycle(first: Input, second: Input) -> None:
    """A parent each other, as a raw write past the guards would leave them."""
    Input.objects.filter(pk=first.pk).update(parent=second)
    Input.objects.filter(pk=second.pk).update(parent=first)


def test_a_cycle_in_the_rows_still_shows_both_inputs_in_the_document(item):
    first = input_add(item=item, text="A")
    second = input_add(item=item, text="B")
    force_cycle(first, second)

    assert shown(item) == [("A", []), ("B", [])]


def test_an_input_under_a_sub_bullet_is_shown_as_an_input_of_its_own(item):
    top = input_add(item=item, text="A")
    child = input_add(item=item, text="B", parent=top)
    grandchild = input_add(item=item, text="C")
    Input.objects.filter(pk=grandchild.pk).update(parent=child)

    assert shown(item) == [("A", ["B"]), ("C", [])]


def test_outdenting_an_input_caught_in_a_cycle_mends_the_tree(item):
    first = input_add(item=item, text="A")
    second = input_add(item=item, text="B")
    force_cycle(first, second)

    input_outdent(entry=first)

    assert stored(item) == [("A", None), ("B", "A")]
    assert shown(item) == [("A", ["B"])]


def test_moving_and_adding_keep_every_input_of_a_broken_tree(item):
    first = input_add(item=item, text="A")
    second = input_add(item=item, text="B")
    force_cycle(first, second)

    input_add(item=item, text="C")
    input_move(entry=Input.objects.get(pk=second.pk), delta=-1)

    assert [text for text, _children in shown(item)] == ["B", "A", "C"]


def test_an_input_cannot_be_its_own_parent(item):
    entry = input_add(item=item, text="A")
    entry.parent = entry
    with pytest.raises(ValidationError):
        entry.full_clean()
    with pytest.raises(ValidationError):
        entry.save()
    assert Input.objects.get(pk=entry.pk).parent_id is None


def test_an_input_cannot_become_the_child_of_its_own_child(item):
    first = input_add(item=item, text="A")
    second = input_add(item=item, text="B", parent=first)
    first.parent = second
    with pytest.raises(ValidationError):
        first.save()
    assert stored(item) == [("A", None), ("B", "A")]


def test_an_input_with_sub_bullets_cannot_become_a_sub_bullet(item):
    first = input_add(item=item, text="A")
    second = input_add(item=item, text="B")
    input_add(item=item, text="C", parent=second)
    second.parent = first
    with pytest.raises(ValidationError):
        second.save()


def test_the_model_reads_the_stored_parent_not_a_stale_copy(item):
    first = input_add(item=item, text="A")
    second = input_add(item=item, text="B")
    stale_second = Input.objects.get(pk=second.pk)
    input_indent(entry=second)
    third = Input(item=item, text="C", parent=stale_second)
    with pytest.raises(ValidationError):
        third.save()
    assert stored(item) == [("A", None), ("B", "A")]
    assert first.pk


def test_adding_under_an_input_that_became_a_sub_bullet_is_refused(item):
    input_add(item=item, text="A")
    second = input_add(item=item, text="B")
    stale_second = Input.objects.get(pk=second.pk)
    input_indent(entry=second)
    with pytest.raises(ValidationError):
        input_add(item=item, text="C", parent=stale_second)
    assert stored(item) == [("A", None), ("B", "A")]


def test_indenting_from_a_stale_copy_reads_the_rows_again(item):
    input_add(item=item, text="A")
    second = input_add(item=item, text="B")
    third = input_add(item=item, text="C")
    stale_third = Input.objects.get(pk=third.pk)
    input_indent(entry=third)  # C under B

    # Indenting again from the page loaded before: already a sub-bullet, nothing to do.
    input_indent(entry=stale_third)
    assert stored(item) == [("A", None), ("B", None), ("C", "B")]

    # B has a sub-bullet now, though the stale copy of it does not know.
    with pytest.raises(ValidationError):
        input_indent(entry=second)
    assert stored(item) == [("A", None), ("B", None), ("C", "B")]


def test_a_stale_outdent_and_delete_read_the_rows_again(item):
    first = input_add(item=item, text="A")
    second = input_add(item=item, text="B", parent=first)
    stale_second = Input.objects.get(pk=second.pk)
    input_outdent(entry=second)

    input_outdent(entry=stale_second)
    assert stored(item) == [("A", None), ("B", None)]

    input_delete(entry=second)
    input_delete(entry=stale_second)
    assert stored(item) == [("A", None)]
