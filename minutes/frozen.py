"""The freeze rule: approved minutes, and everything they record, never change.

Every content model of a meeting (the meeting's facts, attendance, items, inputs,
decisions, attachments) refuses save(), delete(), full_clean() and its querysets'
update() and delete() while the meeting's minutes are approved or published. Services
call `minutes_assert_editable` first, so the user gets the message before any write.
On PostgreSQL a database trigger refuses the same rows (migration
minutes/0005_frozen_content_triggers), so not even raw SQL rewrites history.

The models import this module, so it finds them through the app registry.
"""

from django.apps import apps
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from minutes.errors import MinutesFrozenError
from minutes.status import FROZEN_STATUSES


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


class FrozenQuerySet(models.QuerySet):
    """update() and delete() refuse when any row belongs to frozen minutes."""

    def _assert_editable(self) -> None:
        minutes_assert_editable(meeting=self.values(self.model.frozen_meeting_lookup))

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
        minutes_assert_editable(meeting=self._frozen_meeting_refs())

    def save(self, *args, **kwargs) -> None:
        self.assert_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.assert_editable()
        return super().delete(*args, **kwargs)

    def full_clean(self, *args, **kwargs) -> None:
        # Forms (the admin's too) show the refusal as a form error, not a crash.
        self.assert_editable()
        super().full_clean(*args, **kwargs)
