"""What the archive keeps of its own: the record of an import, and uploads waiting
to be imported."""

import uuid

from django.conf import settings
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


def pending_upload_to(instance: "PendingImport", filename: str) -> str:
    # Never the uploader's name (kept in original_name): a random one of ours.
    return f"import/venter/{uuid.uuid4().hex}"


class PendingImport(models.Model):
    """A file uploaded in /arbeid/ for import, waiting while the secretariat checks
    and corrects what was recognised in it. It belongs to one council and to the
    user who uploaded it: nobody else can reach it (archive/importing/pending.py).
    Its file goes with it when it is saved, discarded or left too long."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    council = models.ForeignKey(
        "council.Council",
        verbose_name=_("råd"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lastet opp av"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    file = models.FileField(_("fil"), upload_to=pending_upload_to, max_length=300)
    original_name = models.CharField(_("opprinnelig filnavn"), max_length=255)
    size = models.PositiveBigIntegerField(_("størrelse"), default=0)
    created_at = models.DateTimeField(_("lastet opp"), auto_now_add=True)

    class Meta:
        verbose_name = _("import som venter")
        verbose_name_plural = _("importer som venter")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name
