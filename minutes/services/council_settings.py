"""A council's own lists, edited by its secretariat: item kinds, the standard items
of a new meeting, the first sak number of a year, and how it numbers and words its
minutes.

Here rather than in council/ because renaming a kind renames it on the items of
drafts too (never on frozen minutes: the approved record keeps the old name).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from council.models import Council
from minutes.models import AgendaItem, ItemKind, ItemSeries


@dataclass(frozen=True)
class KindRow:
    original: str
    name: str
    retired: bool


@transaction.atomic
def item_kinds_save(*, council: Council, rows: list[KindRow]) -> None:
    """The council's own kinds, in order: new ones added, renamed ones renamed on
    the items of drafts, retired ones no longer offered (items keep them)."""
    standard = {str(choice.label).casefold() for choice in ItemKind} | {
        choice.value for choice in ItemKind
    }
    seen: set[str] = set()
    for row in rows:
        key = row.name.casefold()
        if key in standard:
            raise ValidationError(
                _("«%(name)s» er en av standardtypene og finnes allerede.")
                % {"name": row.name},
                code="standard_kind",
            )
        if key in seen:
            raise ValidationError(
                _("«%(name)s» står to ganger.") % {"name": row.name},
                code="duplicate_kind",
            )
        seen.add(key)
    council = Council.objects.select_for_update().get(pk=council.pk)
    for row in rows:
        if row.original and row.original != row.name:
            AgendaItem.objects.filter(
                council=council, kind=row.original
            ).update_editable(kind=row.name)
    originals = {row.original for row in rows}
    # A kind taken off the list stays valid for the items that have it.
    dropped = [
        kind
        for kind in [*council.extra_item_kinds, *council.retired_item_kinds]
        if kind not in originals
    ]
    council.extra_item_kinds = [row.name for row in rows if not row.retired]
    council.retired_item_kinds = list(
        dict.fromkeys([*(row.name for row in rows if row.retired), *dropped])
    )
    council.save(update_fields=["extra_item_kinds", "retired_item_kinds", "updated_at"])


@transaction.atomic
def standard_items_save(*, council: Council, rows: list[dict]) -> None:
    """The items every new meeting starts with, in order (minutes/services/agenda.py
    makes them). Meetings already made keep their items."""
    allowed = {choice.value for choice in AgendaItem.Standard} | {""}
    clean = []
    for row in rows:
        if row.get("standard", "") not in allowed:
            raise ValidationError(_("Ukjent standardsak."), code="unknown_standard")
        if not row.get("title", "").strip():
            raise ValidationError(_("Hver standardsak trenger en tittel."))
        clean.append(
            {
                "standard": row.get("standard", ""),
                "title": row["title"].strip(),
                "kind": row.get("kind", ""),
                "proposed_decision": row.get("proposed_decision", "").strip(),
            }
        )
    council.standard_items = clean
    council.save(update_fields=["standard_items", "updated_at"])


@transaction.atomic
def first_case_number_set(*, council: Council, year: int, number: int) -> None:
    """The first sak number of a year, until its first item exists: numbers already
    given are never changed."""
    if number < 1 or number > 100_000:
        raise ValidationError(
            _("Saksnummeret må være mellom 1 og 100 000."), code="number_range"
        )
    if AgendaItem.objects.filter(council=council, year=year).exists():
        raise ValidationError(
            _(
                "%(year)s har allerede saker. Første saksnummer kan bare settes for "
                "et år uten saker."
            )
            % {"year": year},
            code="year_has_items",
        )
    numbers = dict(council.first_case_numbers or {})
    numbers[str(year)] = number
    council.first_case_numbers = numbers
    council.save(update_fields=["first_case_numbers", "updated_at"])


# Numbering and wording ------------------------------------------------------------

WORDING_FIELDS = (
    "case_prefix",
    "report_prefix",
    "procedural_label",
    "document_name",
    "inputs_heading",
    "sector_representative_pattern",
    "prints_speakers",
    "states_quorum",
)


@transaction.atomic
def council_wording_save(*, council: Council) -> None:
    """Save the council's prefixes and wording (already set on `council`).

    Items of meetings whose summons has not gone out take the new prefixes; numbers
    sent out or approved keep the prefix they were printed with, and frozen
    versions keep their wording (it is in the document)."""
    council.full_clean()
    council.save(update_fields=[*WORDING_FIELDS, "updated_at"])
    pending = AgendaItem.objects.filter(
        council=council, meeting__summons_sent_at__isnull=True
    )
    for series in ItemSeries:
        pending.filter(series=series).exclude(
            prefix=council.series_prefix(series)
        ).update_editable(prefix=council.series_prefix(series))
