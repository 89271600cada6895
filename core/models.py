"""The outbox: every e-mail the site sends, one row per recipient (core/outbox.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """One message to one recipient, stored as the exact bytes that go to the mail
    server, so that a retry or «send again» sends the same message.

    `topic` groups the mails of one subject for the pages that show them (for
    example "meeting:12" for everything about meeting 12); `kind` says what the
    mail is ("summons", "review_opened", …). Neither is interpreted here.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("I kø")
        SENT = "sent", _("Sendt")
        FAILED = "failed", _("Feilet")

    topic = models.CharField(max_length=100, db_index=True)
    kind = models.CharField(max_length=50)
    recipient_name = models.CharField(max_length=200, blank=True)
    recipient_email = models.CharField(max_length=254)
    from_email = models.CharField(max_length=254)
    subject = models.CharField(max_length=998, blank=True)
    raw_message = models.BinaryField()
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # When the worker tries again after a failure; empty once sent or given up.
    retry_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "created_at"])]
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_email} ({self.status})"
