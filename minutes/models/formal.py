"""The formal elements of municipal minutes under an item: votes (votering),
statements for the record (protokolltilførsel) and conflicts of interest (inhabilitet).

Each is a row under its agenda item, frozen with the minutes like the item itself
(minutes/frozen.py); the rules of adding and removing them live in
minutes/services/formal.py, the printed sentences in minutes/document.py.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from council.models import Person
from minutes.frozen import FrozenContentMixin, FrozenQuerySet
from minutes.models.agenda import AgendaItem

# The common legal bases of a conflict of interest; a council may write another.
DISQUALIFICATION_BASES = (
    "forvaltningsloven § 6 første ledd bokstav a",
    "forvaltningsloven § 6 første ledd bokstav b",
    "forvaltningsloven § 6 første ledd bokstav c",
    "forvaltningsloven § 6 første ledd bokstav d",
    "forvaltningsloven § 6 første ledd bokstav e",
    "forvaltningsloven § 6 andre ledd",
    "kommuneloven § 11-10 andre ledd",
)


def _refuse(field: str, message, code: str) -> ValidationError:
    """A refusal of one field whose code survives (a dict's own code does not)."""
    return ValidationError({field: ValidationError(message, code=code)})


class Vote(FrozenContentMixin, models.Model):
    """How a proposal under an item was decided: unanimously or by vote."""

    class Outcome(models.TextChoices):
        UNANIMOUS = "unanimous", _("Enstemmig vedtatt")
        ADOPTED = "adopted", _("Vedtatt ved votering")
        REJECTED = "rejected", _("Forkastet ved votering")
        UNANIMOUSLY_REJECTED = "unanimously_rejected", _("Enstemmig forkastet")

    BY_VOTE = (Outcome.ADOPTED, Outcome.REJECTED)

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("sak"),
        on_delete=models.CASCADE,
        related_name="votes",
    )
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)
    subject = models.CharField(
        _("hva det ble stemt over"),
        max_length=300,
        blank=True,
        help_text=_("Valgfritt, f.eks. «Forslag fra Ola Nordmann (H)»."),
    )
    outcome = models.CharField(_("resultat"), max_length=24, choices=Outcome.choices)
    votes_for = models.PositiveSmallIntegerField(
        _("stemmer for"), null=True, blank=True
    )
    votes_against = models.PositiveSmallIntegerField(
        _("stemmer mot"), null=True, blank=True
    )
    votes_blank = models.PositiveSmallIntegerField(
        _("blanke stemmer"), null=True, blank=True
    )
    against_names = models.CharField(
        _("mot stemte"),
        max_length=600,
        blank=True,
        help_text=_(
            "Navnene på dem som stemte mot, der rådet fører det i protokollen."
        ),
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FrozenQuerySet.as_manager()
    frozen_meeting_lookup = "item__meeting"

    class Meta:
        verbose_name = _("votering")
        verbose_name_plural = _("voteringer")
        ordering = ["item", "order", "id"]

    def __str__(self) -> str:
        return self.get_outcome_display()

    def clean(self) -> None:
        self.subject = self.subject.strip()
        self.against_names = " ".join(self.against_names.split())
        counts = (self.votes_for, self.votes_against, self.votes_blank)
        if self.outcome in self.BY_VOTE:
            errors = {}
            if self.votes_for is None:
                errors["votes_for"] = ValidationError(
                    _("Oppgi hvor mange som stemte for."), code="counts_missing"
                )
            if self.votes_against is None:
                errors["votes_against"] = ValidationError(
                    _("Oppgi hvor mange som stemte mot."), code="counts_missing"
                )
            if errors:
                raise ValidationError(errors)
            if self.outcome == self.Outcome.ADOPTED and (
                self.votes_for < self.votes_against
            ):
                raise _refuse(
                    "outcome",
                    _(
                        "Flere stemte mot enn for: forslaget ble forkastet, "
                        "ikke vedtatt."
                    ),
                    "adopted_by_minority",
                )
            if self.outcome == self.Outcome.REJECTED and (
                self.votes_for > self.votes_against
            ):
                raise _refuse(
                    "outcome",
                    _(
                        "Flere stemte for enn mot: forslaget ble vedtatt, "
                        "ikke forkastet."
                    ),
                    "rejected_by_majority",
                )
        elif any(count is not None for count in counts):
            raise _refuse(
                "votes_for",
                _("Stemmetall føres bare når saken ble avgjort ved votering."),
                "counts_without_vote",
            )
        if self.against_names:
            if self.outcome not in self.BY_VOTE:
                raise _refuse(
                    "against_names",
                    _(
                        "Hvem som stemte mot, føres bare når saken ble avgjort "
                        "ved votering."
                    ),
                    "names_without_vote",
                )
            if not self.votes_against:
                raise _refuse(
                    "against_names",
                    _("Ingen stemte mot, så ingen navn kan føres som mot."),
                    "names_without_against",
                )


class ProtocolEntry(FrozenContentMixin, models.Model):
    """A statement entered in the minutes at a member's request (protokolltilførsel)."""

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("sak"),
        on_delete=models.CASCADE,
        related_name="protocol_entries",
    )
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)
    person = models.ForeignKey(
        Person,
        verbose_name=_("fra"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    names = models.CharField(
        _("fra (navn)"),
        max_length=300,
        blank=True,
        help_text=_("Når tilførselen kommer fra flere, eller fra en gruppe."),
    )
    text = models.TextField(_("tekst"))
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FrozenQuerySet.as_manager()
    frozen_meeting_lookup = "item__meeting"

    class Meta:
        verbose_name = _("protokolltilførsel")
        verbose_name_plural = _("protokolltilførsler")
        ordering = ["item", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        self.names = " ".join(self.names.split())
        self.text = self.text.strip()
        if not self.text:
            raise _refuse("text", _("Skriv protokolltilførselen."), "text_missing")
        if not self.person_id and not self.names:
            raise _refuse(
                "person",
                _("Velg hvem protokolltilførselen er fra, eller skriv navn."),
                "who_missing",
            )
        if self.person_id and self.names:
            raise _refuse(
                "names", _("Velg en person eller skriv navn, ikke begge."), "who_twice"
            )


class Disqualification(FrozenContentMixin, models.Model):
    """A member declared disqualified (inhabil) for one item, who stepped aside."""

    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("sak"),
        on_delete=models.CASCADE,
        related_name="disqualifications",
    )
    order = models.PositiveIntegerField(_("rekkefølge"), default=0)
    person = models.ForeignKey(
        Person,
        verbose_name=_("inhabil"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    basis = models.CharField(
        _("hjemmel"),
        max_length=200,
        help_text=_("F.eks. «forvaltningsloven § 6 første ledd bokstav a»."),
    )
    substitute = models.ForeignKey(
        Person,
        verbose_name=_("tiltrådte i stedet"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("endret"), auto_now=True)

    objects = FrozenQuerySet.as_manager()
    frozen_meeting_lookup = "item__meeting"

    class Meta:
        verbose_name = _("inhabilitet")
        verbose_name_plural = _("inhabilitet")
        ordering = ["item", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "person"],
                name="disqualification_once_per_item",
                violation_error_message=_(
                    "Personen er allerede ført som inhabil i saken."
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(self.person)

    def clean(self) -> None:
        self.basis = " ".join(self.basis.split())
        if not self.basis:
            raise _refuse(
                "basis", _("Oppgi hjemmelen for inhabiliteten."), "basis_missing"
            )
        if self.substitute_id and self.substitute_id == self.person_id:
            raise _refuse(
                "substitute",
                _("Den som tiltrådte, må være en annen enn den som var inhabil."),
                "substitute_self",
            )
