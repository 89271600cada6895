"""The minutes of one meeting, their status, and the frozen versions of them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from minutes.errors import MinutesFrozenError, MinutesStateError
from minutes.models.agenda import AgendaItem
from minutes.models.meeting import Meeting
from minutes.status import (
    FROZEN_STATUSES,
    PUBLIC_STATUSES,
    MinutesStatus,
    status_may_change,
    statuses_leading_to,
)

# The stored PDF of approved minutes: set once, never changed (see Minutes.save).
PDF_FIELDS = ("pdf_file", "pdf_sha256", "pdf_size", "pdf_rendered_at")
# What only the transitions (minutes/services/lifecycle.py) and minutes/pdf.py write.
GUARDED_FIELDS = frozenset({"status", *PDF_FIELDS})
_NO_PDF = {"pdf_file": "", "pdf_sha256": "", "pdf_size": 0, "pdf_rendered_at": None}


def _label(status: str) -> str:
    """A state's name for a message; a value written past the model, as it is."""
    return str(dict(MinutesStatus.choices).get(status, status))


class MinutesQuerySet(models.QuerySet):
    """update() leaves the status and the stored PDF alone.

    The services move the status one locked row at a time, through Minutes.save(),
    which checks the state machine against the stored row; on PostgreSQL a trigger
    refuses the same (migration minutes/0010).
    """

    def update(self, **kwargs) -> int:
        if GUARDED_FIELDS & kwargs.keys():
            raise MinutesStateError(
                _(
                    "Referatets status og lagrede PDF endres bare gjennom "
                    "referatets overganger, ikke med en masseoppdatering."
                ),
                code="guarded_fields",
            )
        return super().update(**kwargs)

    update.alters_data = True

    def transition(self, status: str, **fields) -> int:
        """Move every row to `status` in one UPDATE, along the state machine only.

        For bulk tools that write past the services (ops' generate_archive); refuses
        unless every row may move to `status` (minutes/status.py). The stored PDF is
        not for this: minutes/pdf.py stores it.
        """
        rows = self.filter(status__in=statuses_leading_to(status))
        if GUARDED_FIELDS & fields.keys() or self.exclude(pk__in=rows).exists():
            raise MinutesStateError(
                _("Referatet kan ikke få status «%(status)s» herfra.")
                % {"status": _label(status)},
                code="bad_transition",
            )
        return super().update(status=status, **fields)

    transition.alters_data = True


class Minutes(models.Model):
    """The minutes document of one meeting (referat), with its status."""

    Status = MinutesStatus

    class ApprovalMethod(models.TextChoices):
        ONLINE = "online", _("Godkjent av medlemmene online")
        MEETING = "meeting", _("Godkjent i møte")
        # Past minutes brought in after the fact (back-filled or imported).
        IMPORTED = "imported", _("Importert")

    # Which states are public and which frozen: minutes/status.py.
    PUBLIC_STATUSES = PUBLIC_STATUSES
    FROZEN_STATUSES = FROZEN_STATUSES

    meeting = models.OneToOneField(
        Meeting,
        verbose_name=_("møte"),
        on_delete=models.PROTECT,
        related_name="minutes",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(_("versjon"), default=1)
    approved_at = models.DateTimeField(_("godkjent"), null=True, blank=True)
    approval_method = models.CharField(
        _("godkjent ved"), max_length=20, choices=ApprovalMethod.choices, blank=True
    )
    approved_by_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("godkjent i sak"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    # The frozen PDF/A of approved minutes: rendered once, never replaced.
    pdf_file = models.FileField(
        _("PDF"), upload_to="referater/", max_length=300, blank=True, editable=False
    )
    pdf_sha256 = models.CharField(
        _("SHA-256 for PDF"), max_length=64, blank=True, editable=False
    )
    pdf_size = models.PositiveIntegerField(
        _("PDF-størrelse"), default=0, editable=False
    )
    pdf_rendered_at = models.DateTimeField(
        _("PDF laget"), null=True, blank=True, editable=False
    )
    # Why the correction in progress is made; copied to the version it produces.
    correction_reason = models.TextField(_("grunn til retting"), blank=True)
    # The correction the approving meeting made to these minutes («Protokollen
    # endres i tråd med dette»), printed under the approval (minutes/document.py).
    approval_correction = models.TextField(_("retting ved godkjenning"), blank=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = MinutesQuerySet.as_manager()

    class Meta:
        verbose_name = _("referat")
        verbose_name_plural = _("referater")
        # Related lookups and Django's internals use the guarded queryset too.
        base_manager_name = "objects"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "in_review"])
                | Q(approved_at__isnull=False),
                name="minutes_approved_has_time",
                violation_error_message=_(
                    "Godkjente referater må ha godkjenningstidspunkt."
                ),
            ),
        ]

    def __str__(self) -> str:
        return _("Referat fra %(meeting)s") % {"meeting": self.meeting}

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if self.pk is not None and (
            update_fields is None or GUARDED_FIELDS & set(update_fields)
        ):
            self._assert_row_change()
        super().save(*args, **kwargs)

    def _assert_row_change(self) -> None:
        """Refuse a change of status the state machine does not make, and any change
        of a stored PDF, compared with the row as stored now (not as loaded).

        The same rule as the PostgreSQL trigger of migration minutes/0010: a stored
        PDF (its SHA-256 set) never changes, except that the update approving a
        correction (correcting → approved) clears it for the corrected minutes' own
        PDF, the earlier one having been copied to its version; an empty PDF is
        stored only while the minutes are approved or published.
        """
        stored = (
            type(self)
            ._base_manager.filter(pk=self.pk)
            .values("status", *PDF_FIELDS)
            .first()
        )
        if stored is None:
            return
        old, new = stored["status"], self.status
        if not status_may_change(old, new):
            raise MinutesStateError(
                _("Referatet kan ikke gå fra «%(old)s» til «%(new)s».")
                % {"old": _label(old), "new": _label(new)},
                code="bad_transition",
            )
        pdf = {
            "pdf_file": self.pdf_file.name or "",
            "pdf_sha256": self.pdf_sha256,
            "pdf_size": self.pdf_size,
            "pdf_rendered_at": self.pdf_rendered_at,
        }
        if pdf == {field: stored[field] for field in PDF_FIELDS}:
            return
        if stored["pdf_sha256"]:
            allowed = (
                old == MinutesStatus.CORRECTING
                and new == MinutesStatus.APPROVED
                and pdf == _NO_PDF
            )
        else:
            allowed = new in FROZEN_STATUSES
        if not allowed:
            raise MinutesStateError(
                _("Den lagrede PDF-en til referatet kan ikke endres."),
                code="pdf_frozen",
            )

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


class MinutesVersion(models.Model):
    """A frozen copy of the whole minutes (JSON) as sent for review or approved.

    Later edits never touch it; the database refuses changes to its content.
    """

    minutes = models.ForeignKey(
        Minutes,
        verbose_name=_("referat"),
        on_delete=models.PROTECT,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("versjon"))
    content = models.JSONField(_("innhold"), editable=False)
    reason = models.TextField(
        _("grunn til retting"),
        blank=True,
        help_text=_("Bare for en retting etter godkjenning."),
    )
    deadline = models.DateField(_("frist for gjennomsyn"), null=True, blank=True)
    is_open_review = models.BooleanField(_("til gjennomsyn nå"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("laget av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("laget"), auto_now_add=True)
    approved_at = models.DateTimeField(_("godkjent"), null=True, blank=True)
    approval_method = models.CharField(
        _("godkjent ved"),
        max_length=20,
        choices=Minutes.ApprovalMethod.choices,
        blank=True,
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("godkjenning registrert av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_by_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("godkjent i sak"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    # The version's own PDF, copied from the minutes when a correction supersedes it.
    pdf_file = models.FileField(_("PDF"), max_length=300, blank=True, editable=False)
    pdf_sha256 = models.CharField(
        _("SHA-256 for PDF"), max_length=64, blank=True, editable=False
    )

    # Only these may change after a version is made; its content never does.
    MUTABLE_FIELDS = frozenset(
        {
            "deadline",
            "is_open_review",
            "approved_at",
            "approval_method",
            "approved_by",
            "approved_by_item",
            "published_at",
            "pdf_file",
            "pdf_sha256",
        }
    )

    class Meta:
        verbose_name = _("referatversjon")
        verbose_name_plural = _("referatversjoner")
        ordering = ["minutes", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "number"],
                name="minutes_version_number_unique",
                violation_error_message=_("Referatet har allerede denne versjonen."),
            ),
            models.UniqueConstraint(
                fields=["minutes"],
                condition=Q(is_open_review=True),
                name="one_open_review_round_per_minutes",
                violation_error_message=_(
                    "Referatet har allerede en åpen runde med gjennomsyn."
                ),
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="minutes_version_number_positive",
            ),
            models.CheckConstraint(
                condition=Q(is_open_review=False) | Q(deadline__isnull=False),
                name="minutes_version_review_has_deadline",
                violation_error_message=_("Gjennomsyn må ha en frist."),
            ),
        ]

    def __str__(self) -> str:
        return _("Versjon %(number)s av %(minutes)s") % {
            "number": self.number,
            "minutes": self.minutes,
        }

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if self.pk is not None and (
            update_fields is None or not self.MUTABLE_FIELDS.issuperset(update_fields)
        ):
            raise MinutesFrozenError(
                _("En referatversjon kan ikke endres etter at den er laget."),
                code="version_frozen",
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise MinutesFrozenError(
            _("En referatversjon kan ikke slettes."), code="version_frozen"
        )
