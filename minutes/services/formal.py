"""The formal elements under an item: votes, statements for the record
(protokolltilførsel) and conflicts of interest (inhabilitet).

Every change checks the freeze rule once, inside its transaction and before any
write (minutes/frozen.py), and names only the council's own people
(council/access.py). The models' clean() holds the rules of each row.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from council.access import council_people
from council.models import Person
from minutes.frozen import meeting_editable
from minutes.models import AgendaItem, Disqualification, ProtocolEntry, Vote

FormalRow = Vote | ProtocolEntry | Disqualification


def _next_order(model, item: AgendaItem) -> int:
    # The item row is locked first, so two adds never take the same place.
    AgendaItem.objects.select_for_update().filter(pk=item.pk).first()
    last = model.objects.filter(item=item).aggregate(last=Max("order"))["last"]
    return (last or 0) + 1


def _council_person(item: AgendaItem, person: Person | None, field: str) -> None:
    """Refuse a person who is not one of the council's own."""
    if person is None:
        return
    if not council_people(item.council).filter(pk=person.pk).exists():
        raise ValidationError(
            {field: _("Personen hører ikke til rådet.")}, code="not_council_person"
        )


def _save_new(row: FormalRow) -> FormalRow:
    row.order = _next_order(type(row), row.item)
    row.full_clean()
    row.save()
    return row


@transaction.atomic
def vote_add(
    *,
    item: AgendaItem,
    outcome: str,
    votes_for: int | None = None,
    votes_against: int | None = None,
    votes_blank: int | None = None,
    against_names: str = "",
    subject: str = "",
) -> Vote:
    """Record how a proposal under the item was decided."""
    with meeting_editable(item.meeting_id):
        return _save_new(
            Vote(
                item=item,
                outcome=outcome,
                votes_for=votes_for,
                votes_against=votes_against,
                votes_blank=votes_blank,
                against_names=against_names,
                subject=subject,
            )
        )


@transaction.atomic
def protocol_entry_add(
    *,
    item: AgendaItem,
    text: str,
    person: Person | None = None,
    names: str = "",
) -> ProtocolEntry:
    """Enter a statement for the record, from a person of the council or from
    names written out (several members, a group)."""
    with meeting_editable(item.meeting_id):
        _council_person(item, person, "person")
        return _save_new(
            ProtocolEntry(item=item, person=person, names=names, text=text)
        )


@transaction.atomic
def disqualification_add(
    *,
    item: AgendaItem,
    person: Person,
    basis: str,
    substitute: Person | None = None,
) -> Disqualification:
    """Record that a member was disqualified for the item and stepped aside, and
    who stood in, if anyone."""
    with meeting_editable(item.meeting_id):
        _council_person(item, person, "person")
        _council_person(item, substitute, "substitute")
        return _save_new(
            Disqualification(
                item=item, person=person, basis=basis, substitute=substitute
            )
        )


@transaction.atomic
def formal_delete(*, row: FormalRow) -> None:
    """Remove a vote, statement or disqualification recorded by mistake."""
    with meeting_editable(row.item.meeting_id):
        type(row).objects.filter(pk=row.pk).delete()
