"""The freeze rule: approved minutes, and everything they record, never change.

Every content model of a meeting (the meeting's facts, attendance, items, inputs,
decisions, attachments) refuses save(), delete(), full_clean() and its querysets'
update() and delete() while the meeting's minutes are approved or published. On
PostgreSQL a database trigger refuses the same rows (migration
minutes/0005_frozen_content_triggers), so not even raw SQL rewrites history.

Services check once per change, inside their transaction, so the user gets the
message before any write: `meeting_editable(meeting)` refuses frozen minutes and lets
the saves of that meeting's rows inside the block skip their own check (one query
instead of one per save, full_clean and service). Outside such a block (a shell, the
admin, a form) every save checks for itself.

The models import this module, so it finds them through the app registry.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from minutes.errors import MinutesFrozenError
from minutes.status import FROZEN_STATUSES

# The meetings a service has found editable in the transaction it is running now.
_EDITABLE_MEETINGS: ContextVar[frozenset[int]] = ContextVar(
    "minutes_editable_meetings", default=frozenset()
)


def minutes_assert_editable(*, meeting) -> None:
    """Refuse changes to a meeting whose minutes are approved (frozen).

    `meeting` may be a meeting, its id, or a queryset of meeting ids (for update()
    and delete() on many rows). A correction after approval reopens the minutes
    through its own transition.
    """
    minutes_model = apps.get_model("minutes", "Minutes")
    frozen = minutes_model.objects.filter(status__in=FROZEN_STATUSES)
    if isinstance(meeting, QuerySet):
        frozen = frozen.filter(meeting__in=meeting)
    else:
        frozen = frozen.filter(meeting=meeting)
    if frozen.exists():
        raise MinutesFrozenError(
            _(
                "Referatet er godkjent og kan ikke endres. "
                "Start en retting for å endre det."
            ),
            code="frozen",
        )


@contextmanager
def meeting_editable(meeting, *, checked: bool = False) -> Iterator[None]:
    """Refuse frozen minutes once, inside the caller's transaction; within the block,
    saves of this meeting's rows skip their own check.

    `meeting` is a meeting or its id. `checked` says the caller has just checked in
    this transaction another way (content_save's compare-and-lock UPDATE carries the
    freeze condition in its WHERE, see FrozenQuerySet.update_editable).
    """
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError(
            "meeting_editable() belongs inside the change's transaction.atomic()."
        )
    meeting_id = getattr(meeting, "pk", meeting)
    verified = _EDITABLE_MEETINGS.get()
    if not checked and meeting_id not in verified:
        minutes_assert_editable(meeting=meeting_id)
    token = _EDITABLE_MEETINGS.set(verified | {meeting_id})
    try:
        yield
    finally:
        _EDITABLE_MEETINGS.reset(token)


def _frozen_rows_filter(model) -> dict:
    """A filter for the rows of `model` whose minutes are frozen, as a subquery on
    the model's own column (no join), so that an UPDATE keeps its other conditions
    on the row itself: PostgreSQL re-checks those when a concurrent update of the
    row commits first (content_save's revision check relies on that)."""
    status = "minutes__status__in"
    lookup = model.frozen_meeting_lookup
    if lookup == "pk":
        column, related, path = "pk", apps.get_model("minutes", "Meeting"), status
    else:
        column, _sep, rest = lookup.partition("__")
        related = model._meta.get_field(column).related_model
        path = f"{rest}__{status}" if rest else status
    frozen = related._base_manager.filter(**{path: FROZEN_STATUSES}).values("pk")
    return {f"{column}__in": frozen}


class FrozenQuerySet(models.QuerySet):
    """update() and delete() refuse when any row belongs to frozen minutes."""

    def _assert_editable(self) -> None:
        minutes_assert_editable(meeting=self.values(self.model.frozen_meeting_lookup))

    def update_editable(self, **kwargs) -> int:
        """update() only the rows whose minutes are not frozen, in one statement.

        The freeze condition is part of the UPDATE's WHERE, so nothing frozen is
        touched and no separate check is needed; frozen rows are left out, not
        refused, and the count says how many rows were updated.
        """
        rows = self.exclude(**_frozen_rows_filter(self.model))
        return super(FrozenQuerySet, rows).update(**kwargs)

    update_editable.alters_data = True

    def update(self, **kwargs) -> int:
        self._assert_editable()
        return super().update(**kwargs)

    update.alters_data = True

    def delete(self):
        self._assert_editable()
        return super().delete()

    delete.alters_data = True


class FrozenContentMixin:
    """save(), delete() and full_clean() refuse while the meeting's minutes are frozen.

    A model sets `frozen_meeting_lookup`, the path from itself to its Meeting:
    "pk" for the meeting itself, "meeting", or "item__meeting".
    """

    frozen_meeting_lookup = "meeting"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._remember_frozen_ref()
        return instance

    def _remember_frozen_ref(self) -> None:
        """Keep the stored foreign key towards the meeting (see _frozen_meeting_id)."""
        field = self.frozen_meeting_lookup.partition("__")[0]
        if field != "pk":
            self._frozen_stored_ref = self.__dict__.get(f"{field}_id")

    def _frozen_meeting_id(self) -> int | None:
        """The meeting this row belongs to, when that is known without a query and is
        the same as where the row is stored; else None."""
        lookup = self.frozen_meeting_lookup
        if lookup == "pk":
            return self.pk
        field, _sep, rest = lookup.partition("__")
        value = self.__dict__.get(f"{field}_id")
        if value is None:
            return None
        if self.pk is not None and getattr(self, "_frozen_stored_ref", None) != value:
            return None
        if not rest:
            return value
        related = self._meta.get_field(field).get_cached_value(self, default=None)
        if not isinstance(related, FrozenContentMixin) or related.pk != value:
            return None
        return related._frozen_meeting_id()

    def _frozen_meeting_refs(self):
        """The meeting(s) this row belongs to now and, if stored, belonged to."""
        meeting_model = apps.get_model("minutes", "Meeting")
        lookup = self.frozen_meeting_lookup
        if lookup == "pk":
            return self.pk
        field, _sep, rest = lookup.partition("__")
        value = getattr(self, f"{field}_id")
        if rest:
            related = self._meta.get_field(field).related_model
            current = related._base_manager.filter(pk=value).values(rest)
        else:
            current = meeting_model._base_manager.filter(pk=value).values("pk")
        if self.pk is None:
            return current
        stored = type(self)._base_manager.filter(pk=self.pk).values(lookup)
        return meeting_model._base_manager.filter(
            models.Q(pk__in=current) | models.Q(pk__in=stored)
        ).values("pk")

    def assert_editable(self) -> None:
        if self.frozen_meeting_lookup == "pk" and self.pk is None:
            return
        verified = _EDITABLE_MEETINGS.get()
        if verified and self._frozen_meeting_id() in verified:
            # A service checked this meeting in the transaction now running.
            return
        minutes_assert_editable(meeting=self._frozen_meeting_refs())

    def save(self, *args, **kwargs) -> None:
        self.assert_editable()
        super().save(*args, **kwargs)
        self._remember_frozen_ref()

    def delete(self, *args, **kwargs):
        self.assert_editable()
        return super().delete(*args, **kwargs)

    def full_clean(self, *args, **kwargs) -> None:
        # Forms (the admin's too) show the refusal as a form error, not a crash.
        self.assert_editable()
        super().full_clean(*args, **kwargs)
