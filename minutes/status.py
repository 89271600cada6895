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
