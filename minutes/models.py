"""Agenda items, what was said and decided under them, and the minutes document."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from council.models import Council, Meeting, Organisation, Person, Sector
from minutes.frozen import FrozenContentMixin, FrozenQuerySet

INPUTS_HEADING = _("Følgende innspill og spørsmål ble svart ut i møtet:")

# Full-text search (minutes/search.py) on PostgreSQL: each of AgendaItem, Input and
# Decision has a stored `search_document` column made with this configuration, with a
# GIN index (migration 0006).
SEARCH_CONFIG = "norwegian"


def decision_search_text() -> Coalesce:
    """The decision as published: the final text, else the proposal."""
    return Coalesce(
        NullIf("final_text", Value("", output_field=models.TextField())),
        "proposed_text",
    )


class ItemKind(models.TextChoices):
    """The standard item types (sakstype); a council may add its own."""

    APPROVAL = "godkjenning", _("Godkjenning")
    INFORMATION = "orientering", _("Orientering")
    RECOMMENDATION = "anbefaling", _("Anbefaling")
    DISCUSSION = "drofting", _("Drøfting")
    DECISION = "beslutning", _("Beslutning")
    CONSULTATION = "til_uttalelse", _("Til uttalelse")
    REPORTS = "referatsaker", _("Referatsaker")
    ANY_OTHER_BUSINESS = "eventuelt", _("Eventuelt")


def item_kind_label(kind: str) -> str:
    """The label of a standard kind, or a council's own kind as written."""
    try:
        return str(ItemKind(kind).label)
    except ValueError:
        return kind


class AgendaItemQuerySet(FrozenQuerySet):
    def published(self) -> "AgendaItemQuerySet":
        return self.filter(meeting__minutes__status__in=Minutes.LIVE_PUBLIC_STATUSES)


class AgendaItem(FrozenContentMixin, models.Model):
    """An agenda item (sak), numbered through the council's year: 38/22."""

    class Standard(models.TextChoices):
        SUMMONS_APPROVAL = (
            "summons_approval",
            _("Godkjenning av innkalling og dagsorden"),
        )
        MINUTES_APPROVAL = "minutes_approval", _("Godkjenning av forrige referat")
        SECRETARIAT_INFO = "secretariat_info", _("Orientering fra sekretariatet")
        ANY_OTHER_BUSINESS = "any_other_business", _("Eventuelt")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("møte"), on_delete=models.CASCADE, related_name="items"
    )
    # Council and year copy the meeting's, so the database keeps sak numbers unique.
    council = models.ForeignKey(
        Council,
        verbose_name=_("råd"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    year = models.PositiveSmallIntegerField(_("år"), editable=False)
    number = models.PositiveIntegerField(_("saksnummer"))
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)
    title = models.CharField(_("tittel"), max_length=300)
    kind = models.CharField(_("sakstype"), max_length=60, blank=True)
    standard = models.CharField(
        _("standardsak"), max_length=30, choices=Standard.choices, blank=True
    )
    archive_reference = models.CharField(
        _("arkivsaksnummer"), max_length=40, blank=True
    )
    is_late_addition = models.BooleanField(_("tilleggssak"), default=False)
    approves_minutes_of = models.ForeignKey(
        Meeting,
        verbose_name=_("godkjenner referatet fra"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_by_items",
    )
    presenters = models.CharField(
        _("innledere"),
        max_length=400,
        blank=True,
        help_text=_(
            "Hvem som la frem saken, f.eks. «Lucie Aunan, Direktoratet for e-helse»."
        ),
    )
    body = models.TextField(
        _("saksfremstilling"),
        blank=True,
        help_text=_(
            "Bakgrunn og innledning. Linjer som starter med «- » blir punktlister."
        ),
    )
    # Bumped on every saved edit; editors send it back so concurrent edits are caught.
    revision = models.PositiveIntegerField(_("revisjon"), default=1, editable=False)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = AgendaItemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sak")
        verbose_name_plural = _("saker")
        ordering = ["meeting", "order", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year", "number"],
                name="item_number_unique_per_council_year",
                violation_error_message=_(
                    "Saksnummeret er allerede brukt i rådet dette året."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number_label} {self.title}"

    def save(self, *args, **kwargs) -> None:
        if self.meeting_id:
            self.council_id = self.meeting.council_id
            self.year = self.meeting.year
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "public:item",
            kwargs={
                "council_slug": self.council.slug,
                "year": self.year,
                "number": self.number,
            },
        )

    def clean(self) -> None:
        if self.meeting_id:
            self.council_id = self.meeting.council_id
            self.year = self.meeting.year
            allowed = {choice.value for choice in ItemKind} | set(
                self.meeting.council.extra_item_kinds or []
            )
            taken = AgendaItem.objects.filter(
                council_id=self.council_id, year=self.year, number=self.number
            ).exclude(pk=self.pk)
            if self.number and taken.exists():
                raise ValidationError(
                    {
                        "number": _(
                            "Sak %(number)s er allerede brukt i rådet dette året."
                        )
                        % {"number": self.number_label}
                    },
                    code="duplicate_number",
                )
            if self.kind and self.kind not in allowed:
                raise ValidationError(
                    {"kind": _("«%(kind)s» er ikke en sakstype i dette rådet.")},
                    code="unknown_kind",
                    params={"kind": self.kind},
                )

    @property
    def number_label(self) -> str:
        """«38/22»: the number and the two-digit year."""
        return f"{self.number}/{self.year % 100:02d}"

    @property
    def kind_label(self) -> str:
        return item_kind_label(self.kind) if self.kind else ""


class Input(FrozenContentMixin, models.Model):
    """One contribution under an item (innspill), optionally a sub-bullet of another."""

    class Attribution(models.TextChoices):
        NONE = "none", _("Ingen")
        ORGANISATION = "organisation", _("Virksomhet")
        SECTOR = "sector", _("Representant for sektor")
        PERSON = "person", _("Person")

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("sak"),
        on_delete=models.CASCADE,
        related_name="inputs",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("underpunkt av"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)
    text = models.TextField(_("tekst"))
    attribution = models.CharField(
        _("hvem"), max_length=20, choices=Attribution.choices, default=Attribution.NONE
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("virksomhet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inputs",
    )
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sektor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inputs",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inputs",
    )
    is_written = models.BooleanField(
        _("skriftlig innspill"),
        default=False,
        help_text=_("Sendt inn skriftlig, f.eks. av noen som ikke var til stede."),
    )
    revision = models.PositiveIntegerField(_("revisjon"), default=1, editable=False)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FrozenQuerySet.as_manager()
    history = HistoricalRecords()
    frozen_meeting_lookup = "item__meeting"

    class Meta:
        verbose_name = _("innspill")
        verbose_name_plural = _("innspill")
        ordering = ["item", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        attribution="none",
                        organisation__isnull=True,
                        sector__isnull=True,
                    )
                    | Q(attribution="organisation", organisation__isnull=False)
                    | Q(attribution="sector", sector__isnull=False)
                    | Q(attribution="person", person__isnull=False)
                ),
                name="input_attribution_consistent",
                violation_error_message=_("Velg hvem innspillet kommer fra."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        required = {
            self.Attribution.ORGANISATION: ("organisation", _("Velg virksomheten.")),
            self.Attribution.SECTOR: ("sector", _("Velg sektoren.")),
            self.Attribution.PERSON: ("person", _("Velg personen.")),
        }.get(self.attribution)
        if required and not getattr(self, f"{required[0]}_id"):
            raise ValidationError(
                {required[0]: required[1]}, code="attribution_missing"
            )
        if self.parent_id:
            if self.parent.item_id != self.item_id:
                raise ValidationError(
                    {"parent": _("Underpunktet må høre til samme sak.")},
                    code="parent_item",
                )
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": _("Innspill kan bare ha ett nivå med underpunkter.")},
                    code="parent_depth",
                )

    @property
    def attributed_to(self) -> str:
        if self.attribution == self.Attribution.ORGANISATION and self.organisation:
            return self.organisation.name
        if self.attribution == self.Attribution.SECTOR and self.sector:
            return self.sector.representative_label
        if self.attribution == self.Attribution.PERSON and self.person:
            return self.person.name
        return ""


class Decision(FrozenContentMixin, models.Model):
    """The proposed decision in the summons and the decision in the minutes (vedtak)."""

    item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("sak"),
        on_delete=models.CASCADE,
        related_name="decision",
    )
    proposed_text = models.TextField(_("forslag til vedtak"), blank=True)
    final_text = models.TextField(_("vedtak"), blank=True)
    revision = models.PositiveIntegerField(_("revisjon"), default=1, editable=False)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FrozenQuerySet.as_manager()
    history = HistoricalRecords()
    frozen_meeting_lookup = "item__meeting"

    class Meta:
        verbose_name = _("vedtak")
        verbose_name_plural = _("vedtak")

    def __str__(self) -> str:
        return f"{self.label}: {self.text[:60]}"

    @property
    def is_updated(self) -> bool:
        """The final text differs from the proposal, ignoring whitespace."""
        final, proposed = (
            " ".join(self.final_text.split()),
            " ".join(self.proposed_text.split()),
        )
        return bool(final and proposed and final != proposed)

    @property
    def label(self) -> str:
        if not self.final_text.strip():
            return str(_("Forslag til vedtak"))
        return str(_("Oppdatert vedtak") if self.is_updated else _("Vedtak"))

    @property
    def text(self) -> str:
        return self.final_text if self.final_text.strip() else self.proposed_text


def attachment_upload_to(instance: "Attachment", filename: str) -> str:
    # The stored name is ours; the uploader's name is kept in original_name.
    extension = os.path.splitext(filename)[1].lower()[:10]
    meeting = instance.meeting
    name = f"{os.urandom(8).hex()}{extension}"
    return f"vedlegg/{meeting.council.slug}/{meeting.year}/{name}"


class Attachment(FrozenContentMixin, models.Model):
    """A paper on an item or a meeting (vedlegg, tillegg til protokoll)."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("møte"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("sak"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    title = models.CharField(_("tittel"), max_length=300)
    file = models.FileField(_("fil"), upload_to=attachment_upload_to, max_length=300)
    original_name = models.CharField(
        _("opprinnelig filnavn"), max_length=255, blank=True
    )
    content_type = models.CharField(_("filtype"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("størrelse"), default=0)
    is_public = models.BooleanField(_("offentlig"), default=True)
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)
    uploaded_at = models.DateTimeField(_("lastet opp"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FrozenQuerySet.as_manager()

    class Meta:
        verbose_name = _("vedlegg")
        verbose_name_plural = _("vedlegg")
        ordering = ["meeting", "item__order", "order", "id"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.item_id and self.meeting_id and self.item.meeting_id != self.meeting_id:
            raise ValidationError(
                {"item": _("Saken hører til et annet møte.")}, code="item_meeting"
            )


class MinutesQuerySet(models.QuerySet):
    def published(self) -> "MinutesQuerySet":
        return self.filter(status__in=Minutes.PUBLIC_STATUSES)


class Minutes(models.Model):
    """The minutes document of one meeting (referat), with its status."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        IN_REVIEW = "in_review", _("Til gjennomsyn")
        APPROVED = "approved", _("Godkjent")
        PUBLISHED = "published", _("Publisert")
        CORRECTING = "correcting", _("Under retting")

    class ApprovalMethod(models.TextChoices):
        ONLINE = "online", _("Godkjent av medlemmene online")
        MEETING = "meeting", _("Godkjent i møte")

    # Published minutes stay public while a correction is being prepared.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CORRECTING)
    # While a correction is in progress the live rows hold unapproved edits: only the
    # meeting page, which renders the published snapshot, stays public then.
    LIVE_PUBLIC_STATUSES = (Status.PUBLISHED,)
    # Content is frozen in these states; a correction opens a new version.
    FROZEN_STATUSES = (Status.APPROVED, Status.PUBLISHED)

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
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = MinutesQuerySet.as_manager()

    class Meta:
        verbose_name = _("referat")
        verbose_name_plural = _("referater")
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

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None


# Review and approval: versions, comments, members' decisions, reminders, audit trail.


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
            from minutes.errors import MinutesFrozenError

            raise MinutesFrozenError(
                _("En referatversjon kan ikke endres etter at den er laget."),
                code="version_frozen",
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        from minutes.errors import MinutesFrozenError

        raise MinutesFrozenError(
            _("En referatversjon kan ikke slettes."), code="version_frozen"
        )


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
