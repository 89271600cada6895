"""Model-level guards that keep approved minutes frozen.

Every content model of a meeting (the meeting's facts, attendance, items, inputs,
decisions, attachments) refuses save(), delete(), full_clean() and its querysets'
update() and delete() while the meeting's minutes are approved or published. The rule
itself is `minutes.services.minutes_assert_editable`; this module only wires it in.
On PostgreSQL a database trigger refuses the same rows (migration
minutes/0004_frozen_content_triggers), so not even raw SQL rewrites history.

Nothing here imports the models at import time: council.models uses it too.
"""

from django.db import models


def _assert_editable(meeting) -> None:
    from minutes.services import minutes_assert_editable

    minutes_assert_editable(meeting=meeting)


class FrozenQuerySet(models.QuerySet):
    """update() and delete() refuse when any row belongs to frozen minutes."""

    def _assert_editable(self) -> None:
        _assert_editable(self.values(self.model.frozen_meeting_lookup))

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
        from council.models import Meeting

        lookup = self.frozen_meeting_lookup
        if lookup == "pk":
            return self.pk
        field, _sep, rest = lookup.partition("__")
        value = getattr(self, f"{field}_id")
        if rest:
            related = self._meta.get_field(field).related_model
            current = related._base_manager.filter(pk=value).values(rest)
        else:
            current = Meeting._base_manager.filter(pk=value).values("pk")
        if self.pk is None:
            return current
        stored = type(self)._base_manager.filter(pk=self.pk).values(lookup)
        return Meeting._base_manager.filter(
            models.Q(pk__in=current) | models.Q(pk__in=stored)
        ).values("pk")

    def assert_editable(self) -> None:
        if self.frozen_meeting_lookup == "pk" and self.pk is None:
            return
        _assert_editable(self._frozen_meeting_refs())

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
