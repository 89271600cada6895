"""What the archive keeps of its own: the record of an import."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedMinutes(models.Model):
    """Past minutes brought in from a file: which file is the authoritative original
    (kept as the meeting's attachment) and its SHA-256."""

    meeting = models.OneToOneField(
        "minutes.Meeting",
        verbose_name=_("møte"),
        on_delete=models.PROTECT,
        related_name="import_record",
    )
    original = models.ForeignKey(
        "minutes.Attachment",
        verbose_name=_("originalfil"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sha256 = models.CharField(_("SHA-256 for originalen"), max_length=64)
    source_kind = models.CharField(_("filtype"), max_length=10)
    imported_at = models.DateTimeField(_("importert"), auto_now_add=True)

    class Meta:
        verbose_name = _("importert referat")
        verbose_name_plural = _("importerte referater")

    def __str__(self) -> str:
        return str(self.meeting)
