"""The full record of approved minutes that hold exempt content.

The minutes' own stored PDF (Minutes.pdf_file) is what the public reads: exempt text
replaced (minutes/exemptions.py). Where anything is exempt, members and the
secretariat need the full record as well: a second PDF/A, rendered once beside the
public one and tied to it by the public file's SHA-256. Rows are only ever added:
the model refuses a change or a deletion, and on PostgreSQL so does a trigger
(migration 0012).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from minutes.models.minutes import Minutes


class FullRecordPdf(models.Model):
    minutes = models.ForeignKey(
        Minutes,
        verbose_name=_("referat"),
        on_delete=models.PROTECT,
        related_name="full_record_pdfs",
    )
    # The public PDF this full record goes with (Minutes/MinutesVersion.pdf_sha256).
    public_sha256 = models.CharField(
        _("SHA-256 for den offentlige PDF-en"), max_length=64, unique=True
    )
    file = models.FileField(_("PDF"), max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("størrelse"))
    rendered_at = models.DateTimeField(_("laget"))

    class Meta:
        verbose_name = _("fullstendig protokoll (PDF)")
        verbose_name_plural = _("fullstendige protokoller (PDF)")

    def __str__(self) -> str:
        return f"{self.minutes}: {self.sha256[:12]}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValidationError(
                _("Den fullstendige protokollen kan ikke endres."), code="frozen"
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(
            _("Den fullstendige protokollen kan ikke slettes."), code="frozen"
        )
