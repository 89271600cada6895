"""Members' review of a version: comments, decisions, reminders, and the audit trail."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from council.models import Person
from minutes.models.agenda import AgendaItem, Input
from minutes.models.minutes import Minutes, MinutesVersion


class ReviewComment(models.Model):
    """A member's comment on a version: on the whole minutes, an item or one input."""

    class Status(models.TextChoices):
        OPEN = "open", _("Åpen")
        ACCEPTED = "accepted", _("Tatt til følge")
        DECLINED = "declined", _("Ikke tatt til følge")

    version = models.ForeignKey(
        MinutesVersion,
        verbose_name=_("versjon"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("sak"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_comments",
    )
    input = models.ForeignKey(
        Input,
        verbose_name=_("innspill"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="review_comments",
    )
    # What the comment was about, as the member saw it, even if the item goes away.
    target_label = models.CharField(_("gjelder"), max_length=300, blank=True)
    item_key = models.PositiveBigIntegerField(_("sak-id i versjonen"), null=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    author_name = models.CharField(_("navn"), max_length=200)
    text = models.TextField(_("kommentar"))
    created_at = models.DateTimeField(_("skrevet"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    reply = models.TextField(_("svar"), blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besvart av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    replied_at = models.DateTimeField(_("besvart"), null=True, blank=True)

    class Meta:
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        ordering = ["version", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open")
                | (~Q(reply="") & Q(replied_at__isnull=False)),
                name="review_comment_resolved_has_reply",
                violation_error_message=_("En besvart kommentar må ha et svar."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class ReviewApproval(models.Model):
    """A member's decision on one version: approve it, or ask for changes."""

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Godkjent")
        REQUEST_CHANGES = "request_changes", _("Ber om endringer")

    version = models.ForeignKey(
        MinutesVersion,
        verbose_name=_("versjon"),
        on_delete=models.PROTECT,
        related_name="approvals",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("medlem"),
        on_delete=models.PROTECT,
        related_name="review_approvals",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("innlogging"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    decision = models.CharField(_("svar"), max_length=20, choices=Decision.choices)
    at = models.DateTimeField(_("tidspunkt"))

    class Meta:
        verbose_name = _("godkjenning fra medlem")
        verbose_name_plural = _("godkjenninger fra medlemmer")
        ordering = ["version", "at"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "person"],
                name="review_approval_once_per_member_and_version",
                violation_error_message=_("Medlemmet har allerede svart."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_decision_display()}"


class ReminderSent(models.Model):
    """A reminder before the review deadline: at most one per member per version."""

    version = models.ForeignKey(
        MinutesVersion,
        verbose_name=_("versjon"),
        on_delete=models.PROTECT,
        related_name="reminders",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("medlem"), on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        verbose_name = _("påminnelse")
        verbose_name_plural = _("påminnelser")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "person"],
                name="reminder_once_per_member_and_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.version}"


class MinutesEvent(models.Model):
    """The audit trail: every transition, comment and member's decision."""

    class Kind(models.TextChoices):
        SENT_FOR_REVIEW = "sent_for_review", _("Sendt til gjennomsyn")
        COMMENTED = "commented", _("Kommentar")
        COMMENT_RESOLVED = "comment_resolved", _("Kommentar besvart")
        MEMBER_APPROVED = "member_approved", _("Medlem godkjente")
        MEMBER_REQUESTED_CHANGES = (
            "member_requested_changes",
            _("Medlem ba om endringer"),
        )
        APPROVED = "approved", _("Godkjent")
        PUBLISHED = "published", _("Publisert")
        CORRECTION_STARTED = "correction_started", _("Retting startet")
        REMINDER_SENT = "reminder_sent", _("Påminnelse sendt")

    minutes = models.ForeignKey(
        Minutes,
        verbose_name=_("referat"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    version = models.ForeignKey(
        MinutesVersion,
        verbose_name=_("versjon"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("hendelse"), max_length=40, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("utført av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    detail = models.TextField(_("detaljer"), blank=True)

    class Meta:
        verbose_name = _("hendelse")
        verbose_name_plural = _("hendelser")
        ordering = ["minutes", "at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.at:%Y-%m-%d %H:%M})"
