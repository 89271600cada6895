"""The minutes' states, apart from the models so every model and rule can name them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    IN_REVIEW = "in_review", _("Til gjennomsyn")
    APPROVED = "approved", _("Godkjent")
    PUBLISHED = "published", _("Publisert")
    CORRECTING = "correcting", _("Under retting")


# Published minutes stay public while a correction is being prepared; the public then
# reads the last published version, never the live rows.
PUBLIC_STATUSES = (MinutesStatus.PUBLISHED, MinutesStatus.CORRECTING)
# Content is frozen in these states; a correction opens a new version.
FROZEN_STATUSES = (MinutesStatus.APPROVED, MinutesStatus.PUBLISHED)

# The state machine: the states each state may move to, and nothing else. These are
# the moves minutes/services/lifecycle.py makes:
#   draft → in_review        sent for review (minutes_send_for_review)
#   draft, in_review,
#   correcting → approved    approved online, at a meeting, or as past minutes
#   approved → published     published (minutes_publish, or at once on approval)
#   published → correcting   a correction started (minutes_start_correction)
# A correction keeps «correcting» through its review; nothing goes back to a draft.
# The model refuses any other change (Minutes.save, MinutesQuerySet), and on
# PostgreSQL so does a trigger made from this data (migration minutes/0010).
TRANSITIONS: dict[str, frozenset[str]] = {
    MinutesStatus.DRAFT: frozenset({MinutesStatus.IN_REVIEW, MinutesStatus.APPROVED}),
    MinutesStatus.IN_REVIEW: frozenset({MinutesStatus.APPROVED}),
    MinutesStatus.APPROVED: frozenset({MinutesStatus.PUBLISHED}),
    MinutesStatus.PUBLISHED: frozenset({MinutesStatus.CORRECTING}),
    MinutesStatus.CORRECTING: frozenset({MinutesStatus.APPROVED}),
}


def status_may_change(old: str, new: str) -> bool:
    """Whether the minutes may go from `old` to `new` (staying is always allowed)."""
    return old == new or new in TRANSITIONS.get(old, frozenset())


def statuses_leading_to(new: str) -> tuple[MinutesStatus, ...]:
    """The states from which the minutes may move to `new`."""
    return tuple(s for s in MinutesStatus if new in TRANSITIONS[s])


# The states from which the minutes may be sent for review or approved.
APPROVABLE_STATUSES = statuses_leading_to(MinutesStatus.APPROVED)
