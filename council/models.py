"""The register: councils, sectors, organisations, people and their memberships."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Council slugs share the URL root with these fixed paths.
RESERVED_SLUGS = {
    "admin",
    "api",
    "arbeid",
    "gjennomsyn",
    "konto",
    "static",
    "media",
    "healthz",
    "sok",
    "i18n",
    "om",
    "tilgjengelighet",
    "virksomhet",
    "sitemap.xml",
    "robots.txt",
}


class Council(models.Model):
    """A council or board whose meetings are minuted (råd)."""

    class ApprovalRule(models.TextChoices):
        ONLINE_ALL = "online_all", _("Online: alle medlemmer godkjenner")
        ONLINE_MAJORITY = (
            "online_majority",
            _("Online: flertallet av medlemmene godkjenner"),
        )
        NEXT_MEETING = "next_meeting", _("Vedtak i neste møte")

    class DocumentName(models.TextChoices):
        """What the council calls the minutes; municipal councils say «protokoll»."""

        MINUTES = "referat", _("Referat")
        PROTOCOL = "protokoll", _("Protokoll")

    name = models.CharField(_("navn"), max_length=200, unique=True)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80, unique=True)
    description = models.TextField(_("om rådet"), blank=True)
    secretariat_organisation = models.ForeignKey(
        "Organisation",
        verbose_name=_("sekretariat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="secretariat_for",
    )
    secretariat_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sekretariatets brukere"),
        blank=True,
        related_name="served_councils",
        help_text=_(
            "Brukere som planlegger møter og skriver referater for dette rådet."
        ),
    )
    default_venue = models.CharField(_("vanlig møtested"), max_length=200, blank=True)
    default_start_time = models.TimeField(
        _("vanlig starttid"), default=datetime.time(10, 0)
    )
    default_end_time = models.TimeField(
        _("vanlig sluttid"), default=datetime.time(16, 0)
    )
    approval_rule = models.CharField(
        _("godkjenning av referat"),
        max_length=20,
        choices=ApprovalRule.choices,
        default=ApprovalRule.NEXT_MEETING,
    )
    publish_on_approval = models.BooleanField(
        _("publiser ved godkjenning"),
        default=True,
        help_text=_("Godkjente referater publiseres straks, uten et eget steg."),
    )
    marks_updated_decisions = models.BooleanField(
        _("skriv «Oppdatert vedtak» når vedtaket avviker fra forslaget"),
        default=False,
        help_text=_(
            "Ellers står det «Vedtak» over alle vedtak, som i de fleste protokoller."
        ),
    )
    publishes_proposals = models.BooleanField(
        _("publiser forslag til vedtak i sakslisten før møtet"),
        default=True,
        help_text=_(
            "Når innkallingen er sendt, viser den offentlige sakslisten forslagene til "
            "vedtak. Det som skrives i og etter møtet, er ikke offentlig før "
            "referatet er publisert."
        ),
    )
    publishes_followup = models.BooleanField(
        _("publiser oppfølging av vedtak"),
        default=False,
        help_text=_(
            "Saksiden og vedtaksoversikten viser status, frist og ansvarlig for "
            "oppfølgingen av vedtakene, og merknader som ikke er interne."
        ),
    )
    members_require_2fa = models.BooleanField(
        _("medlemmer må bruke tofaktorinnlogging"), default=False
    )
    extra_item_kinds = models.JSONField(
        _("egne sakstyper"),
        default=list,
        blank=True,
        help_text=_("Sakstyper i tillegg til standardlisten, f.eks. «Til uttalelse»."),
    )
    # Kinds no longer offered for new items; items that have one keep it.
    retired_item_kinds = models.JSONField(
        _("sakstyper som ikke brukes lenger"), default=list, blank=True
    )
    # The items every new meeting starts with, in order: {"standard": a code of
    # AgendaItem.Standard or "", "title", "kind", "proposed_decision"}. Empty: the
    # built-in four (minutes/services/agenda.py).
    standard_items = models.JSONField(_("standardsaker"), default=list, blank=True)
    # {"2027": 14}: the first sak number of a year with no items yet (a council that
    # starts mid-year, or numbers from where its old system stopped).
    first_case_numbers = models.JSONField(
        _("første saksnummer per år"), default=dict, blank=True
    )
    # Numbering (minutes/services/agenda.py): prefixes of the case and report
    # series, each numbered through the year («PS 14/24», «RS 3/24»), and the label
    # of procedural points numbered per meeting outside them («Pkt. 1»). Empty: the
    # plain «38/22», with no report series and no procedural points.
    case_prefix = models.CharField(
        _("prefiks for saker"),
        max_length=10,
        blank=True,
        help_text=_("F.eks. «PS» for «PS 14/24». Tomt: bare nummer og år, «14/24»."),
    )
    report_prefix = models.CharField(
        _("prefiks for referatsaker"),
        max_length=10,
        blank=True,
        help_text=_(
            "F.eks. «RS»: referatsakene nummereres for seg, «RS 3/24». Tomt: "
            "referatsaker nummereres som andre saker."
        ),
    )
    procedural_label = models.CharField(
        _("betegnelse på møtepunkter utenfor saksnummereringen"),
        max_length=20,
        blank=True,
        help_text=_(
            "F.eks. «Pkt.»: punkter som konstituering nummereres per møte, «Pkt. 1», "
            "uten saksnummer. Tomt: ingen slike punkter."
        ),
    )
    # Wording (minutes/document.py keeps it in the document, so a frozen version
    # prints as it was).
    document_name = models.CharField(
        _("navn på dokumentet"),
        max_length=20,
        choices=DocumentName.choices,
        default=DocumentName.MINUTES,
    )
    inputs_heading = models.CharField(
        _("overskrift over innspillene"),
        max_length=200,
        blank=True,
        help_text=_("Tomt: «Følgende innspill og spørsmål ble svart ut i møtet:»."),
    )
    sector_representative_pattern = models.CharField(
        _("betegnelse på representant for en sektor"),
        max_length=160,
        blank=True,
        help_text=_(
            "Slik innspill fra en sektors representant krediteres; {sector} blir "
            "sektorens navn, f.eks. «Representant for {sector}». Tomt: sektorens "
            "egen betegnelse."
        ),
    )
    prints_speakers = models.BooleanField(
        _("skriv hvem innspillet kom fra"),
        default=False,
        help_text=_(
            "Navnet på personen, virksomheten eller sektoren står foran hvert "
            "innspill i referatet."
        ),
    )
    states_quorum = models.BooleanField(
        _("skriv om møtet var vedtaksført"),
        default=False,
        help_text=_(
            "Under oppmøtet: «Møtet var vedtaksført: 7 av 8 medlemmer til stede.» "
            "Vedtaksført er minst halvparten av medlemmene (kommuneloven § 11-9)."
        ),
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        verbose_name = _("råd")
        verbose_name_plural = _("råd")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("public:council", kwargs={"council_slug": self.slug})

    def first_case_number(self, year: int) -> int:
        """The first sak number of a year the council set, else 1."""
        try:
            return max(1, int((self.first_case_numbers or {}).get(str(year), 1)))
        except (TypeError, ValueError):
            return 1

    def series_prefix(self, series: str) -> str:
        """The prefix printed before an item's number in a series (AgendaItem
        series: "case", "report", "procedural")."""
        if series == "procedural":
            return self.procedural_label.strip() or str(_("Pkt."))
        if series == "report":
            return self.report_prefix.strip()
        return self.case_prefix.strip()

    def sector_representative(self, sector: "Sector") -> str:
        """How an input from a sector's representative is credited in this
        council: its pattern with the sector's name, else the sector's own label."""
        pattern = self.sector_representative_pattern.strip()
        if not pattern:
            return sector.representative_label
        name = f"{sector.name[:1].lower()}{sector.name[1:]}"
        return pattern.replace("{sector}", name)

    def clean(self) -> None:
        for field in ("case_prefix", "report_prefix", "procedural_label"):
            setattr(self, field, getattr(self, field).strip())
        if self.report_prefix and self.report_prefix == self.case_prefix:
            raise ValidationError(
                {
                    "report_prefix": _(
                        "Referatsakene trenger et annet prefiks enn sakene."
                    )
                },
                code="same_prefix",
            )
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("«%(slug)s» er reservert. Velg et annet kortnavn.")},
                code="reserved_slug",
                params={"slug": self.slug},
            )
        if not all(
            isinstance(kinds, list)
            and all(isinstance(kind, str) and kind.strip() for kind in kinds)
            for kinds in (self.extra_item_kinds, self.retired_item_kinds)
        ):
            raise ValidationError(
                {"extra_item_kinds": _("Egne sakstyper må være en liste med navn.")},
                code="invalid_item_kinds",
            )


class Sector(models.Model):
    """A part of society that members come from (sektor), e.g. kommunal sektor."""

    name = models.CharField(_("navn"), max_length=120, unique=True)
    representative_label = models.CharField(
        _("betegnelse på representant"),
        max_length=160,
        blank=True,
        help_text=_(
            "Slik et innspill krediteres, f.eks. «Representant fra kommunal sektor»."
        ),
    )

    class Meta:
        verbose_name = _("sektor")
        verbose_name_plural = _("sektorer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.representative_label:
            self.representative_label = (
                f"Representant fra {self.name[:1].lower()}{self.name[1:]}"
            )
        super().save(*args, **kwargs)


class Organisation(models.Model):
    """An organisation that members represent (virksomhet), e.g. Helse Vest RHF."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    short_name = models.CharField(_("kortnavn"), max_length=60, blank=True)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=200, unique=True)
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sektor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        verbose_name = _("virksomhet")
        verbose_name_plural = _("virksomheter")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Person(models.Model):
    """A person who sits in, attends or serves a council (person)."""

    name = models.CharField(_("navn"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("virksomhet"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    # Private: never shown on public pages or in the API.
    email = models.EmailField(_("e-post"), blank=True)
    language = models.CharField(
        _("språk i e-post"),
        max_length=8,
        choices=[("nb", "Norsk bokmål"), ("en", "English")],
        default="nb",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("innlogging"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet):
    def active_on(self, day: datetime.date) -> "MembershipQuerySet":
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=day)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=day)
        )


class Membership(models.Model):
    """A person's seat in a council, representing an organisation (medlemskap)."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Leder")
        DEPUTY_CHAIR = "deputy_chair", _("Nestleder")
        MEMBER = "member", _("Medlem")
        DEPUTY = "deputy", _("Varamedlem")
        OBSERVER = "observer", _("Observatør")

    council = models.ForeignKey(
        Council,
        verbose_name=_("råd"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("representerer"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(
        _("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    party = models.CharField(
        _("parti eller liste"),
        max_length=80,
        blank=True,
        help_text=_(
            "For råd der medlemmene er valgt for et parti, f.eks. «Ap». Skrives i "
            "oppmøtelisten i stedet for virksomheten."
        ),
    )
    start_date = models.DateField(_("fra"), null=True, blank=True)
    end_date = models.DateField(_("til"), null=True, blank=True)
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        ordering = ["council", "order", "person__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_end_after_start",
                violation_error_message=_("Sluttdatoen kan ikke være før startdatoen."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.organisation.display_name}) i {self.council}"

    def clean(self) -> None:
        if not (self.council_id and self.person_id):
            return
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Sluttdatoen kan ikke være før startdatoen.")},
                code="end_before_start",
            )
        far_past, far_future = datetime.date.min, datetime.date.max
        start, end = self.start_date or far_past, self.end_date or far_future
        overlapping = (
            Membership.objects.filter(
                council_id=self.council_id, person_id=self.person_id
            )
            .exclude(pk=self.pk)
            .filter(Q(start_date__isnull=True) | Q(start_date__lte=end))
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        )
        if overlapping.exists():
            raise ValidationError(
                _(
                    "%(person)s er allerede medlem av %(council)s "
                    "i en overlappende periode."
                ),
                code="overlapping_membership",
                params={"person": self.person, "council": self.council},
            )
