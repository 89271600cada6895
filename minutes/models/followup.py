"""Follow-up of decisions (oppfølging): who does what a decision asks, by when, and
how it is going.

Follow-up is not part of the record: the minutes' document, versions and PDF never
hold it, and it is kept on its own rows beside the agenda item, so the secretariat adds
to and updates it after the minutes are approved and frozen (minutes/frozen.py covers
the record's own models only). The rules are in minutes/services/followup.py.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from council.models import Council, Organisation, Person
from minutes.models.agenda import AgendaItem


class FollowUpStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Ikke startet")
    IN_PROGRESS = "in_progress", _("Pågår")
    DONE = "done", _("Fullført")
    CANCELLED = "cancelled", _("Bortfalt")


# Follow-up that is still to be done: overdue after its due date, and reminded of.
OPEN_FOLLOWUP_STATUSES = (FollowUpStatus.NOT_STARTED, FollowUpStatus.IN_PROGRESS)


class FollowUpQuerySet(models.QuerySet):
    def open(self) -> "FollowUpQuerySet":
        return self.filter(status__in=OPEN_FOLLOWUP_STATUSES)

    def overdue(self, today: datetime.date | None = None) -> "FollowUpQuerySet":
        """Still open after the due date."""
        return self.open().filter(due_date__lt=today or timezone.localdate())


class FollowUp(models.Model):
    """One thing a decision asks someone to do: responsible, due date, status."""

    Status = FollowUpStatus

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("sak"),
        # An item of approved minutes cannot be deleted; during a correction the
        # service refuses to delete an item with follow-up (agenda_item_delete).
        on_delete=models.PROTECT,
        related_name="followups",
    )
    # The item's council, copied so lists, filters and access need no join.
    council = models.ForeignKey(
        Council,
        verbose_name=_("råd"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    task = models.TextField(
        _("oppgave"), help_text=_("Hva vedtaket ber om at blir gjort.")
    )
    responsible_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("ansvarlig virksomhet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="followups",
    )
    responsible_person = models.ForeignKey(
        Person,
        verbose_name=_("ansvarlig person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="followups",
    )
    due_date = models.DateField(_("frist"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.NOT_STARTED,
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("oppfølging")
        verbose_name_plural = _("oppfølging")
        ordering = ["due_date", "id"]
        indexes = [
            models.Index(
                fields=["council", "status", "due_date"],
                name="followup_council_status_due",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    responsible_organisation__isnull=False,
                    responsible_person__isnull=True,
                )
                | Q(
                    responsible_organisation__isnull=True,
                    responsible_person__isnull=False,
                ),
                name="followup_one_responsible",
                violation_error_message=_(
                    "Velg én ansvarlig: en virksomhet eller en person."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item.number_label}: {self.task[:60]}"

    def save(self, *args, **kwargs) -> None:
        if self.item_id:
            self.council_id = self.item.council_id
        super().save(*args, **kwargs)

    @property
    def responsible(self) -> Organisation | Person | None:
        return self.responsible_organisation or self.responsible_person

    @property
    def responsible_name(self) -> str:
        responsible = self.responsible
        return responsible.name if responsible is not None else ""

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_FOLLOWUP_STATUSES

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return self.is_open and self.due_date < (today or timezone.localdate())


class FollowUpNote(models.Model):
    """A dated status note on a follow-up, by whom; it may record a new status."""

    followup = models.ForeignKey(
        FollowUp,
        verbose_name=_("oppfølging"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    date = models.DateField(_("dato"), default=timezone.localdate)
    text = models.TextField(_("merknad"))
    # The status the follow-up got with this note, if it changed.
    status = models.CharField(
        _("ny status"), max_length=20, choices=FollowUpStatus.choices, blank=True
    )
    is_internal = models.BooleanField(
        _("intern"),
        default=False,
        help_text=_("Interne merknader vises aldri offentlig."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("skrevet av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The author's name as it was, even if the login goes away.
    author_name = models.CharField(_("navn"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("skrevet"), auto_now_add=True)

    class Meta:
        verbose_name = _("merknad om oppfølging")
        verbose_name_plural = _("merknader om oppfølging")
        ordering = ["followup", "date", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}: {self.text[:60]}"


class FollowUpReminder(models.Model):
    """A reminder sent about a follow-up: one of each kind per follow-up and due date,
    so moving the due date allows new reminders (send_followup_reminders)."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("Før fristen")
        OVERDUE = "overdue", _("Fristen er passert")

    followup = models.ForeignKey(
        FollowUp,
        verbose_name=_("oppfølging"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    due_date = models.DateField(_("frist"))
    recipients = models.TextField(_("sendt til"), blank=True)
    sent_at = models.DateTimeField(_("sendt"), auto_now_add=True)

    class Meta:
        verbose_name = _("påminnelse om oppfølging")
        verbose_name_plural = _("påminnelser om oppfølging")
        ordering = ["followup", "sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["followup", "kind", "due_date"],
                name="followup_reminder_once_per_kind_and_due_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.followup} – {self.get_kind_display()} ({self.due_date})"
