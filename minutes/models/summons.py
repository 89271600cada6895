"""The summons as sent: each sending freezes the PDF with its SHA-256, append-only."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minutes.models.meeting import Meeting


class SummonsVersion(models.Model):
    """One sending of a meeting's summons (innkalling): the PDF exactly as the
    members got it. Sending again (after changes) makes the next version; a stored
    version never changes (minutes/services/summons.py)."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("møte"),
        on_delete=models.PROTECT,
        related_name="summons_versions",
    )
    number = models.PositiveIntegerField(_("versjon"))
    file = models.FileField(_("PDF"), max_length=300, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False)
    size = models.PositiveIntegerField(_("størrelse"), default=0, editable=False)
    sent_at = models.DateTimeField(_("sendt"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sendt av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("utsendt innkalling")
        verbose_name_plural = _("utsendte innkallinger")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="summons_version_number_unique",
                violation_error_message=_("Innkallingen har allerede denne versjonen."),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="summons_version_number_positive"
            ),
        ]

    def __str__(self) -> str:
        return _("Innkalling til %(meeting)s, versjon %(number)s") % {
            "meeting": self.meeting,
            "number": self.number,
        }

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValidationError(
                _("En sendt innkalling endres ikke. Send innkallingen på nytt."),
                code="summons_frozen",
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(
            _("En sendt innkalling kan ikke slettes."), code="summons_frozen"
        )
