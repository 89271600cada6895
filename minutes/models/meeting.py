"""A council's meeting and who attended it.

Whether a meeting may change depends on its minutes' status (minutes/frozen.py), so
the meeting belongs here rather than in the register (council/).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from council.models import Council, Membership, Organisation, Person
from minutes.frozen import FrozenContentMixin, FrozenQuerySet


class MeetingQuerySet(FrozenQuerySet):
    def upcoming(self, today: datetime.date | None = None) -> "MeetingQuerySet":
        return self.filter(date__gte=today or timezone.localdate()).order_by("date")


class Meeting(FrozenContentMixin, models.Model):
    """One meeting of a council (møte), numbered within its year: «Møte 6/2022»."""

    council = models.ForeignKey(
        Council,
        verbose_name=_("råd"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    year = models.PositiveSmallIntegerField(_("år"), editable=False)
    number = models.PositiveSmallIntegerField(_("møtenummer"))
    date = models.DateField(_("dato"))
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    end_time = models.TimeField(_("sluttid"), null=True, blank=True)
    venue = models.CharField(_("sted"), max_length=200, blank=True)
    chair = models.ForeignKey(
        Person,
        verbose_name=_("møteleder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    minute_taker = models.ForeignKey(
        Person,
        verbose_name=_("referent"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    quorum_present = models.PositiveSmallIntegerField(
        _("medlemmer til stede ved møtestart"), null=True, blank=True
    )
    summons_sent_at = models.DateTimeField(_("innkalling sendt"), null=True, blank=True)
    first_item_number = models.PositiveIntegerField(
        _("første saksnummer"),
        null=True,
        blank=True,
        help_text=_(
            "Bare når rådet tar systemet i bruk midt i et år: nummeret sakene i dette "
            "møtet starter på. Ellers fortsetter nummereringen fra forrige møte."
        ),
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords(table_name="council_historicalmeeting")
    # Approved minutes freeze the meeting's facts too (minutes/frozen.py).
    frozen_meeting_lookup = "pk"

    class Meta:
        # The table names are kept from when meetings lived in council/.
        db_table = "council_meeting"
        verbose_name = _("møte")
        verbose_name_plural = _("møter")
        ordering = ["council", "-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year", "number"],
                name="meeting_number_unique_per_council_year",
                violation_error_message=_(
                    "Rådet har allerede et møte med dette nummeret i året."
                ),
            ),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gt=models.F("start_time")),
                name="meeting_end_after_start",
                violation_error_message=_("Møtet må slutte etter at det starter."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council}: {self.title}"

    def save(self, *args, **kwargs) -> None:
        # The year is part of the meeting's identity («6/2022»), so it follows the date.
        if self.date:
            self.year = self.date.year
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "public:meeting",
            kwargs={
                "council_slug": self.council.slug,
                "year": self.year,
                "number": self.number,
            },
        )

    def clean(self) -> None:
        if self.date:
            self.year = self.date.year
            # The year is no form field, so the form cannot check the constraint.
            taken = Meeting.objects.filter(
                council_id=self.council_id, year=self.year, number=self.number
            ).exclude(pk=self.pk)
            if self.council_id and self.number and taken.exists():
                raise ValidationError(
                    {
                        "number": _("Rådet har allerede møte %(number)s/%(year)s.")
                        % {"number": self.number, "year": self.year}
                    },
                    code="duplicate_number",
                )
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError(
                {"end_time": _("Møtet må slutte etter at det starter.")},
                code="end_before_start",
            )

    @property
    def number_label(self) -> str:
        return f"{self.number}/{self.year}"

    @property
    def title(self) -> str:
        return _("Møte %(number)s") % {"number": self.number_label}

    @property
    def summons_sent(self) -> bool:
        return self.summons_sent_at is not None


class Attendance(FrozenContentMixin, models.Model):
    """Who was at a meeting, in what capacity, and for how long."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Medlem")
        SECRETARIAT = "secretariat", _("Sekretariat")
        GUEST = "guest", _("I tillegg møtte")
        OFFICIAL = "official", _("Fra administrasjonen")

    class Status(models.TextChoices):
        PRESENT = "present", _("Til stede")
        NOTIFIED_ABSENCE = "notified_absence", _("Meldt forfall")
        NO_SHOW = "no_show", _("Ikke møtt")
        LEFT = "left", _("Forlot møtet")
        # Absent, without saying whether it was notified: how councils that do
        # not tell the two apart record it (the reference's «Ikke til stede»).
        ABSENT = "absent", _("Ikke til stede (uspesifisert)")

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("møte"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    role = models.CharField(
        _("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    membership = models.ForeignKey(
        Membership,
        verbose_name=_("medlemskap"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        help_text=_("For medlemmer: setet personen har i rådet."),
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("virksomhet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("oppmøte"), max_length=20, choices=Status.choices, default=Status.PRESENT
    )
    substitute = models.ForeignKey(
        Person,
        verbose_name=_("stedfortreder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substitutions",
    )
    arrived_at = models.TimeField(_("kom kl."), null=True, blank=True)
    left_at = models.TimeField(_("gikk kl."), null=True, blank=True)
    note = models.CharField(
        _("merknad"),
        max_length=200,
        blank=True,
        help_text=_("F.eks. «bare under én sak» eller «fra kl. 12»."),
    )
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FrozenQuerySet.as_manager()
    history = HistoricalRecords(table_name="council_historicalattendance")

    class Meta:
        db_table = "council_attendance"
        verbose_name = _("oppmøte")
        verbose_name_plural = _("oppmøte")
        ordering = ["meeting", "role", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person", "role"],
                name="attendance_once_per_person_and_role",
                violation_error_message=_(
                    "Personen er allerede ført opp på dette møtet."
                ),
            ),
            models.CheckConstraint(
                condition=Q(arrived_at__isnull=True)
                | Q(left_at__isnull=True)
                | Q(left_at__gt=models.F("arrived_at")),
                name="attendance_left_after_arrived",
                violation_error_message=_(
                    "Tidspunktet personen gikk må være etter at den kom."
                ),
            ),
            models.CheckConstraint(
                condition=Q(substitute__isnull=True) | ~Q(status="present"),
                name="attendance_substitute_only_when_absent",
                violation_error_message=_(
                    "Bare et fraværende medlem kan ha stedfortreder."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_status_display()}"

    def clean(self) -> None:
        if self.role == self.Role.MEMBER and not self.membership_id:
            raise ValidationError(
                {"membership": _("Velg medlemskapet for et medlem.")},
                code="membership_required",
            )
        if (
            self.membership_id
            and self.person_id
            and self.membership.person_id != self.person_id
        ):
            raise ValidationError(
                {"membership": _("Medlemskapet tilhører en annen person.")},
                code="membership_mismatch",
            )
        if self.substitute_id and self.status == self.Status.PRESENT:
            raise ValidationError(
                {"substitute": _("Bare et fraværende medlem kan ha stedfortreder.")},
                code="substitute_when_present",
            )
        if self.arrived_at and self.left_at and self.left_at <= self.arrived_at:
            raise ValidationError(
                {"left_at": _("Tidspunktet personen gikk må være etter at den kom.")},
                code="left_before_arrived",
            )

    @property
    def represented_organisation(self) -> Organisation | None:
        if self.membership_id:
            return self.membership.organisation
        return self.organisation or self.person.organisation

    @property
    def is_present(self) -> bool:
        """Was at the meeting, for all of it or part of it."""
        return self.status in (self.Status.PRESENT, self.Status.LEFT)

    @property
    def partial_note(self) -> str:
        """«fra kl. 12», «til 17.35», or both, plus any free-text note."""
        parts = []
        if self.arrived_at:
            parts.append(_("fra kl. %(time)s") % {"time": _clock(self.arrived_at)})
        if self.left_at:
            parts.append(_("til kl. %(time)s") % {"time": _clock(self.left_at)})
        if self.note:
            parts.append(self.note)
        return ", ".join(str(part) for part in parts)


def _clock(value: datetime.time) -> str:
    """Norwegian clock style: 12, 17.35."""
    return f"{value.hour}" if value.minute == 0 else f"{value.hour}.{value.minute:02d}"
