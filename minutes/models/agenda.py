"""Agenda items, what was said and decided under them, and their papers."""

import os
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from council.models import Council, Organisation, Person, Sector
from minutes.frozen import FrozenContentMixin, FrozenQuerySet
from minutes.models.meeting import Meeting

INPUTS_HEADING = _("Følgende innspill og spørsmål ble svart ut i møtet:")

# Full-text search (public/search.py) on PostgreSQL: each of AgendaItem, Input and
# Decision has a stored `search_document` column made with this configuration, with a
# GIN index (migration 0006).
SEARCH_CONFIG = "norwegian"

# A stored value not loaded (a deferred field).
_UNKNOWN = object()


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


class ItemSeries(models.TextChoices):
    """The number series an item belongs to (Council.series_prefix): cases («PS
    14/24», or the plain «38/22»), reports («RS 3/24»), both numbered through the
    council's year, and procedural points numbered per meeting («Pkt. 1»)."""

    CASE = "case", _("Sak")
    REPORT = "report", _("Referatsak")
    PROCEDURAL = "procedural", _("Møtepunkt utenfor saksnummereringen")


def item_number_label(*, series: str, number: int, year: int, prefix: str) -> str:
    """«38/22», «PS 14/24», «RS 3/24» or «Pkt. 1»: the one rule for an item's label."""
    if series == ItemSeries.PROCEDURAL:
        return f"{prefix or _('Pkt.')} {number}"
    label = f"{number}/{year % 100:02d}"
    return f"{prefix} {label}" if prefix else label


def item_cited_label(number_label: str) -> str:
    """How a page names an item: «Sak 38/22» for a plain number; a prefixed label
    stands alone: «PS 14/24», «RS 3/24», «Pkt. 1»."""
    if number_label[:1].isdigit():
        return _("Sak %(number)s") % {"number": number_label}
    return number_label


def item_reference(number_label: str) -> str:
    """An item named inside a sentence: «sak 38/22» for a plain number, a prefixed
    label as it is («PS 14/24», «RS 3/24», «Pkt. 1»): «godkjent … i PS 10/24»."""
    if number_label[:1].isdigit():
        return _("sak %(number)s") % {"number": number_label}
    return number_label


def item_anchor(*, series: str, number: int) -> str:
    """The item's anchor in the minutes page: «sak-38» as always for cases,
    «rs-3» and «pkt-1» for the other series (their numbers repeat the cases')."""
    if series == ItemSeries.REPORT:
        return f"rs-{number}"
    if series == ItemSeries.PROCEDURAL:
        return f"pkt-{number}"
    return f"sak-{number}"


def item_permalink(
    *,
    council_slug: str,
    series: str,
    year: int,
    number: int,
    meeting_year: int,
    meeting_number: int,
) -> str:
    """The public address of an item: /<council>/sak/2022/38/ for a case (as
    always), /<council>/referatsak/2024/3/ for a report, and under its meeting,
    /<council>/mote/2024/3/punkt/1/, for a procedural point."""
    if series == ItemSeries.PROCEDURAL:
        return reverse(
            "public:procedural_item",
            kwargs={
                "council_slug": council_slug,
                "year": meeting_year,
                "number": meeting_number,
                "point": number,
            },
        )
    name = "public:report_item" if series == ItemSeries.REPORT else "public:item"
    return reverse(
        name, kwargs={"council_slug": council_slug, "year": year, "number": number}
    )


def item_kind_label(kind: str) -> str:
    """The label of a standard kind, or a council's own kind as written."""
    try:
        return str(ItemKind(kind).label)
    except ValueError:
        return kind


class RevisedContent:
    """Content that editors type: every save() of a stored row moves `revision` on.

    The one place the revision changes, whatever the path (workspace, admin, shell):
    an editor who loaded an older revision is then told of the change instead of
    overwriting it (minutes/services/editing.py). Creating a row, and the queryset
    updates that renumber items and order inputs, leave it alone.
    """

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if self._state.adding or (update_fields is not None and not update_fields):
            super().save(*args, **kwargs)
            return
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "revision"}
        self.revision += 1
        try:
            super().save(*args, **kwargs)
        except BaseException:
            self.revision -= 1
            raise


class AgendaItem(RevisedContent, FrozenContentMixin, models.Model):
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
    series = models.CharField(
        _("nummerserie"),
        max_length=12,
        choices=ItemSeries.choices,
        default=ItemSeries.CASE,
    )
    number = models.PositiveIntegerField(_("saksnummer"))
    # The council's prefix of the series when the item was numbered (save()): a
    # number once printed keeps its prefix.
    prefix = models.CharField(
        _("prefiks"), max_length=20, blank=True, default="", editable=False
    )
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
    # How the meeting handled the item, where it differs from the planned `kind`
    # (planned as «orientering», handled as «til uttalelse»): the summons keeps the
    # planned type, the minutes print both (minutes/services/handling.py).
    handled_kind = models.CharField(_("behandlet som"), max_length=60, blank=True)
    # Postponed (utsatt): not handled, carried to the council's next meeting as a
    # new item that links back here (minutes/services/handling.py).
    is_postponed = models.BooleanField(_("utsatt"), default=False)
    postponed_reason = models.CharField(
        _("grunn til utsettelse"), max_length=300, blank=True
    )
    postponed_from = models.ForeignKey(
        "self",
        verbose_name=_("utsatt fra sak"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_over_as",
    )
    # Exempt from the public under offentleglova (minutes/exemptions.py): the body
    # only, or the whole item (title, body, inputs, decision and papers).
    exemption_scope = models.CharField(
        _("unntatt offentlighet"),
        max_length=8,
        choices=[
            ("", _("Offentlig")),
            ("body", _("Brødteksten unntas")),
            ("whole", _("Hele saken unntas, også tittelen")),
        ],
        blank=True,
        default="",
    )
    exemption_basis = models.CharField(
        _("hjemmel for unntak"), max_length=200, blank=True
    )
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
        help_text=_("Hvem som la frem saken, f.eks. «Kari Nordmann, saksbehandler»."),
    )
    body = models.TextField(
        _("saksfremstilling"),
        blank=True,
        help_text=_(
            "Bakgrunn og innledning. Linjer som starter med «- » blir punktlister."
        ),
    )
    # Moved on by every save (RevisedContent); editors send it back so concurrent
    # edits are caught.
    revision = models.PositiveIntegerField(_("revisjon"), default=1, editable=False)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FrozenQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sak")
        verbose_name_plural = _("saker")
        ordering = ["meeting", "order", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "year", "series", "number"],
                condition=~Q(series="procedural"),
                name="item_number_unique_per_council_year_series",
                violation_error_message=_(
                    "Saksnummeret er allerede brukt i rådet dette året."
                ),
            ),
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=Q(series="procedural"),
                name="item_point_unique_per_meeting",
                violation_error_message=_("Punktnummeret er allerede brukt i møtet."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number_label} {self.title}"

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if self.meeting_id:
            self.council_id = self.meeting.council_id
            self.year = self.meeting.year
        if self.meeting_id and (
            self._state.adding
            or update_fields is None
            or {"series", "meeting"} & set(update_fields)
        ):
            self.prefix = self.meeting.council.series_prefix(self.series)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "prefix"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        # Only a procedural point's address names its meeting (not loaded else).
        meeting = self.meeting if self.series == ItemSeries.PROCEDURAL else None
        return item_permalink(
            council_slug=self.council.slug,
            series=self.series,
            year=self.year,
            number=self.number,
            meeting_year=meeting.year if meeting else 0,
            meeting_number=meeting.number if meeting else 0,
        )

    @property
    def anchor(self) -> str:
        return item_anchor(series=self.series, number=self.number)

    def clean(self) -> None:
        self.exemption_basis = self.exemption_basis.strip()
        if self.exemption_scope and not self.exemption_basis:
            raise ValidationError(
                {"exemption_basis": _("Oppgi hjemmelen for unntaket.")},
                code="basis_missing",
            )
        if self.exemption_basis and not self.exemption_scope:
            raise ValidationError(
                {"exemption_scope": _("Velg hva som unntas, eller fjern hjemmelen.")},
                code="scope_missing",
            )
        if self.meeting_id:
            self.council_id = self.meeting.council_id
            self.year = self.meeting.year
            council = self.meeting.council
            # Retired kinds stay valid for the items that have them.
            allowed = (
                {choice.value for choice in ItemKind}
                | set(council.extra_item_kinds or [])
                | set(council.retired_item_kinds or [])
            )
            if self.kind and self.kind not in allowed:
                raise ValidationError(
                    {"kind": _("«%(kind)s» er ikke en sakstype i dette rådet.")},
                    code="unknown_kind",
                    params={"kind": self.kind},
                )
            if self.handled_kind and self.handled_kind not in allowed:
                raise ValidationError(
                    {
                        "handled_kind": _(
                            "«%(kind)s» er ikke en sakstype i dette rådet."
                        )
                    },
                    code="unknown_kind",
                    params={"kind": self.handled_kind},
                )
            self._clean_approves_minutes_of()

    def _clean_approves_minutes_of(self) -> None:
        """An item approves the minutes of an earlier meeting of its own council."""
        approved = self.approves_minutes_of
        if approved is None:
            return
        if approved.council_id != self.meeting.council_id:
            raise ValidationError(
                {
                    "approves_minutes_of": _(
                        "En sak kan bare godkjenne referater fra møter i samme råd."
                    )
                },
                code="approves_other_council",
            )
        if (approved.date, approved.number) >= (self.meeting.date, self.meeting.number):
            raise ValidationError(
                {
                    "approves_minutes_of": _(
                        "En sak kan bare godkjenne referatet fra et tidligere møte."
                    )
                },
                code="approves_later_meeting",
            )

    def validate_constraints(self, exclude=None) -> None:
        # The unique sak number, checked here rather than in clean() so that a save
        # of other fields (full_clean(exclude=…)) skips the query; the message names
        # the number, which the constraint's own message cannot. The meeting decides
        # the council and year, so changing it checks the number too.
        exclude = set(exclude or ())
        checked = not {"number", "meeting", "series"} <= exclude
        if checked and self.meeting_id and self.number:
            if self.series == ItemSeries.PROCEDURAL:
                same = Q(meeting_id=self.meeting_id, series=self.series)
            else:
                same = Q(council_id=self.council_id, year=self.year, series=self.series)
            taken = AgendaItem.objects.filter(same, number=self.number).exclude(
                pk=self.pk
            )
            if taken.exists():
                raise ValidationError(
                    {
                        "number": _(
                            "Sak %(number)s er allerede brukt i rådet dette året."
                        )
                        % {"number": self.number_label}
                    },
                    code="duplicate_number",
                )
            exclude.add("number")
        super().validate_constraints(exclude=exclude)

    @property
    def number_label(self) -> str:
        """«38/22» (the number and the two-digit year), with the council's prefix
        of the series: «PS 14/24», «RS 3/24», or «Pkt. 1» per meeting."""
        return item_number_label(
            series=self.series, number=self.number, year=self.year, prefix=self.prefix
        )

    @property
    def cited_label(self) -> str:
        """«Sak 38/22» for a plain number; a prefixed one stands alone («PS 14/24»,
        «Pkt. 1»)."""
        return item_cited_label(self.number_label)

    @property
    def kind_label(self) -> str:
        return item_kind_label(self.kind) if self.kind else ""

    @property
    def handled_kind_label(self) -> str:
        """The type the meeting handled it as, where it differs from the planned."""
        if not self.handled_kind or self.handled_kind == self.kind:
            return ""
        return item_kind_label(self.handled_kind)

    @property
    def effective_kind(self) -> str:
        """The type the item was handled as: the handled type, else the planned."""
        return self.handled_kind or self.kind


class Input(RevisedContent, FrozenContentMixin, models.Model):
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
    exemption_basis = models.CharField(
        _("unntatt offentlighet, jf."), max_length=200, blank=True
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

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if (update_fields is None or "parent" in update_fields) and (
            self._parent_changed()
        ):
            self.assert_parent_allowed()
        super().save(*args, **kwargs)
        self._stored_parent_id = self.parent_id

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_parent_id = instance.__dict__.get("parent_id", _UNKNOWN)
        return instance

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
        if self._parent_changed():
            self.assert_parent_allowed()

    def _parent_changed(self) -> bool:
        """Whether the parent differs from the stored one: only a new parent is
        checked, so the text of an input in a broken tree can still be edited."""
        return self._state.adding or (
            getattr(self, "_stored_parent_id", _UNKNOWN) != self.parent_id
        )

    def assert_parent_allowed(self) -> None:
        """Refuse a parent that makes a cycle or a second level of sub-bullets.

        The parent must be another input of the same item that is not itself a
        sub-bullet, and an input with sub-bullets cannot become one. Read from the
        stored rows, not from cached objects that another request may have changed
        (the services also lock the item, so two of them cannot both pass this).
        """
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError(
                {"parent": _("Et innspill kan ikke være underpunkt av seg selv.")},
                code="parent_self",
            )
        parent = (
            Input._base_manager.filter(pk=self.parent_id)
            .values("item_id", "parent_id")
            .first()
        )
        if parent is not None and parent["item_id"] != self.item_id:
            raise ValidationError(
                {"parent": _("Underpunktet må høre til samme sak.")},
                code="parent_item",
            )
        if parent is not None and parent["parent_id"] is not None:
            raise ValidationError(
                {"parent": _("Innspill kan bare ha ett nivå med underpunkter.")},
                code="parent_depth",
            )
        if (
            self.pk is not None
            and Input._base_manager.filter(parent_id=self.pk).exists()
        ):
            raise ValidationError(
                {"parent": _("Et innspill med underpunkter kan ikke rykkes inn.")},
                code="has_children",
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


def input_tree(rows: Iterable[Input]) -> list[tuple[Input, list[Input]]]:
    """An item's inputs in reading order, each with its sub-bullets.

    `rows` come in their order. An input is a sub-bullet only under a parent that is
    itself a top-level input of these rows; any other (its parent gone, a sub-bullet
    of a sub-bullet, a cycle) is shown as an input of its own in its place, so no
    reader drops an input, whatever the rows say.
    """
    rows = list(rows)
    roots = {row.pk for row in rows if row.parent_id is None}
    tree = {row.pk: (row, []) for row in rows if row.parent_id not in roots}
    for row in rows:
        if row.parent_id in roots:
            tree[row.parent_id][1].append(row)
    return list(tree.values())


class Decision(RevisedContent, FrozenContentMixin, models.Model):
    """The proposed decision in the summons and the decision in the minutes (vedtak)."""

    item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("sak"),
        on_delete=models.CASCADE,
        related_name="decision",
    )
    proposed_text = models.TextField(_("forslag til vedtak"), blank=True)
    final_text = models.TextField(_("vedtak"), blank=True)
    exemption_basis = models.CharField(
        _("vedtaket unntas offentlighet, jf."), max_length=200, blank=True
    )
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
    def is_decided(self) -> bool:
        """The meeting's decision is recorded (not only the proposal)."""
        return bool(self.final_text.strip())

    @property
    def label(self) -> str:
        """What the minutes print over the text: «Forslag til vedtak» only while
        nothing is decided (a draft), never over an adopted decision; «Oppdatert
        vedtak» where the council marks decisions that differ from the proposal."""
        if not self.is_decided:
            return str(_("Forslag til vedtak"))
        if self.is_updated and self.item.council.marks_updated_decisions:
            return str(_("Oppdatert vedtak"))
        return str(_("Vedtak"))

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
    # The legal basis of a paper that is not public; without one an internal paper
    # is simply left out of the public version (a working paper, not a record).
    exemption_basis = models.CharField(
        _("hjemmel for unntak"), max_length=200, blank=True
    )
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
        if self.exemption_basis.strip() and self.is_public:
            raise ValidationError(
                {
                    "exemption_basis": _(
                        "Et vedlegg med hjemmel for unntak kan ikke være offentlig."
                    )
                },
                code="public_exempt",
            )
        if self.item_id and self.meeting_id and self.item.meeting_id != self.meeting_id:
            raise ValidationError(
                {"item": _("Saken hører til et annet møte.")}, code="item_meeting"
            )
