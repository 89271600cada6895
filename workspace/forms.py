"""Forms of the secretariat's workspace: meetings, agenda items and papers."""

import os

from django import forms
from django.conf import settings
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from council.access import council_organisations, council_people, council_sectors
from council.models import Council, Membership, Organisation, Person, Sector
from minutes.exemptions import BASIS_HELP
from minutes.files import ALLOWED_LABEL, upload_check, upload_size_check
from minutes.models import (
    AgendaItem,
    Attachment,
    Attendance,
    FollowUpStatus,
    ItemKind,
    Meeting,
)
from minutes.services.agenda import council_series
from minutes.services.council_settings import WORDING_FIELDS


def kind_choices(council: Council) -> list[tuple[str, str]]:
    choices = [("", _("(ingen)"))] + [(k.value, k.label) for k in ItemKind]
    choices += [(kind, kind) for kind in council.extra_item_kinds or []]
    return choices


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MeetingCreateForm(forms.Form):
    """A new meeting: date first; number, times and venue come from the council."""

    date = forms.DateField(label=_("Dato"), widget=DateInput())
    number = forms.IntegerField(
        label=_("Møtenummer"),
        min_value=1,
        required=False,
        help_text=_("Tomt gir neste nummer i året."),
    )
    start_time = forms.TimeField(label=_("Starttid"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Sluttid"), widget=TimeInput())
    venue = forms.CharField(label=_("Sted"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("Møtet må slutte etter at det starter."))
        return data


class MeetingForm(forms.ModelForm):
    """The facts of a meeting: when, where, who chaired and who took the minutes."""

    class Meta:
        model = Meeting
        fields = [
            "number",
            "date",
            "start_time",
            "end_time",
            "venue",
            "chair",
            "minute_taker",
            "quorum_present",
        ]
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
        }

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        people = people if people is not None else Person.objects.none()
        self.fields["chair"].queryset = people
        self.fields["minute_taker"].queryset = people


class AgendaItemForm(forms.Form):
    """An agenda item's facts and its proposed decision.

    The revisions travel with the form so a save never silently overwrites a colleague.
    """

    title = forms.CharField(label=_("Tittel"), max_length=300)
    kind = forms.ChoiceField(label=_("Sakstype"), required=False)
    archive_reference = forms.CharField(
        label=_("Arkivsaksnummer"), max_length=40, required=False
    )
    presenters = forms.CharField(
        label=_("Innledere"),
        max_length=400,
        required=False,
        help_text=AgendaItem._meta.get_field("presenters").help_text,
    )
    proposed_text = forms.CharField(
        label=_("Forslag til vedtak"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    exemption_scope = forms.ChoiceField(
        label=_("Unntatt offentlighet"),
        choices=AgendaItem._meta.get_field("exemption_scope").choices,
        required=False,
    )
    exemption_basis = forms.CharField(
        label=_("Hjemmel for unntak"),
        max_length=200,
        required=False,
        help_text=BASIS_HELP,
        widget=forms.TextInput(attrs={"list": "exemption-bases"}),
    )
    decision_exemption_basis = forms.CharField(
        label=_("Vedtaket unntas offentlighet, jf."),
        max_length=200,
        required=False,
        help_text=BASIS_HELP,
        widget=forms.TextInput(attrs={"list": "exemption-bases"}),
    )
    series = forms.ChoiceField(
        label=_("Nummerserie"),
        required=False,
        help_text=_(
            "En sak som flyttes til en annen serie, får neste nummer i den serien."
        ),
    )
    item_revision = forms.IntegerField(widget=forms.HiddenInput)
    decision_revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(council)
        _series_field(self, council)


class AgendaItemAddForm(forms.Form):
    title = forms.CharField(label=_("Tittel på ny sak"), max_length=300)
    kind = forms.ChoiceField(label=_("Sakstype"), required=False)
    proposed_text = forms.CharField(
        label=_("Forslag til vedtak"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    series = forms.ChoiceField(label=_("Nummerserie"), required=False)

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(council)
        _series_field(self, council)


def _series_field(form: forms.Form, council: Council) -> None:
    """The number series the council uses (minutes/services/agenda.py); none to
    choose for a council that numbers every item as a sak."""
    choices = council_series(council)
    if len(choices) < 2:
        del form.fields["series"]
    else:
        form.fields["series"].choices = choices


class ItemHandlingForm(forms.Form):
    """How the meeting handled an item: its type there, and whether it was
    postponed (minutes/services/handling.py)."""

    handled_kind = forms.ChoiceField(label=_("Behandlet som"), required=False)
    is_postponed = forms.BooleanField(label=_("Saken ble utsatt"), required=False)
    postponed_reason = forms.CharField(
        label=_("Grunn til utsettelsen (valgfritt)"), max_length=300, required=False
    )
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        choices = kind_choices(council)
        self.fields["handled_kind"].choices = [
            ("", _("Som planlagt")),
            *choices[1:],
        ]


class AgendaPasteForm(forms.Form):
    """Several items at once: one title per line, numbering stripped."""

    text = forms.CharField(
        label=_("Titler, én sak per linje"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Lim inn sakslisten. Nummerering som «1.», «Sak 3/24» eller «- » "
            "foran tittelen fjernes; hver sak får neste nummer. En linje som "
            "begynner med «Pkt. 1» eller «RS 3/24» blir et møtepunkt eller en "
            "referatsak der rådet nummererer dem for seg."
        ),
        error_messages={"required": _("Lim inn minst én tittel, én sak per linje.")},
    )
    kind = forms.ChoiceField(label=_("Type for alle de nye sakene"), required=False)

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(council)


class AttachmentForm(forms.Form):
    """A paper; its type is checked from its content, not from its name."""

    title = forms.CharField(
        label=_("Tittel"),
        max_length=300,
        required=False,
        help_text=_("Tomt gir filnavnet."),
    )
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("%(types)s. Største filstørrelse er %(size)s.")
        % {"types": ALLOWED_LABEL, "size": filesizeformat(settings.MAX_UPLOAD_SIZE)},
    )
    is_public = forms.BooleanField(
        label=_("Offentlig"),
        required=False,
        initial=True,
        help_text=_("Interne vedlegg ser bare sekretariatet og medlemmene."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload.detected_mime = upload_check(upload)
        return upload

    def save(self, *, meeting: Meeting, item: AgendaItem | None) -> Attachment:
        upload = self.cleaned_data["file"]
        last = Attachment.objects.filter(meeting=meeting, item=item).count()
        attachment = Attachment(
            meeting=meeting,
            item=item,
            title=self.cleaned_data["title"] or os.path.splitext(upload.name)[0],
            original_name=os.path.basename(upload.name)[:255],
            content_type=upload.detected_mime,
            size=upload.size,
            is_public=self.cleaned_data["is_public"],
            order=last + 1,
        )
        attachment.file.save(upload.name, upload, save=False)
        attachment.full_clean()
        attachment.save()
        return attachment


class InputAddForm(forms.Form):
    """A new input under an item (used by plain form posts and htmx alike)."""

    text = forms.CharField(
        label=_("Nytt innspill"), widget=forms.Textarea(attrs={"rows": 2})
    )
    who = forms.CharField(label=_("Hvem"), max_length=200, required=False)
    is_written = forms.BooleanField(label=_("Skriftlig innspill"), required=False)


class SummonsForm(forms.Form):
    message = forms.CharField(
        label=_("Hilsen i e-posten"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Valgfri tekst øverst i innkallingen."),
    )
    confirm = forms.BooleanField(
        label=_("Jeg har sjekket sakslisten og vil sende innkallingen nå"),
        error_messages={"required": _("Kryss av for å bekrefte utsendingen.")},
    )


class AttendanceAddForm(forms.Form):
    """Add secretariat staff, a guest or an official: a known person or a new one."""

    role = forms.ChoiceField(
        label=_("Rolle"),
        choices=[
            (Attendance.Role.SECRETARIAT, Attendance.Role.SECRETARIAT.label),
            (Attendance.Role.GUEST, Attendance.Role.GUEST.label),
            (Attendance.Role.OFFICIAL, Attendance.Role.OFFICIAL.label),
        ],
    )
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=Person.objects.none(), required=False
    )
    new_person_name = forms.CharField(
        label=_("…eller ny person (navn)"), max_length=200, required=False
    )
    organisation = forms.ModelChoiceField(
        label=_("Virksomhet"), queryset=Organisation.objects.none(), required=False
    )
    note = forms.CharField(
        label=_("Merknad"),
        max_length=200,
        required=False,
        help_text=_("F.eks. «bare under én sak» eller «fra kl. 12»."),
    )

    def __init__(self, *args, people, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the council's own (council/access.py): other councils' people and
        # organisations are neither offered nor accepted.
        self.fields["person"].queryset = people
        self.fields["organisation"].queryset = organisations

    def clean(self):
        data = super().clean()
        if not data.get("person") and not (data.get("new_person_name") or "").strip():
            self.add_error("person", _("Velg en person eller skriv navnet på en ny."))
        return data


# The register: members, organisations, sectors ----------------------------------


class MembershipForm(forms.ModelForm):
    """A seat in the council: pick a person, or type the name of a new one."""

    new_person_name = forms.CharField(
        label=_("…eller ny person (navn)"), max_length=200, required=False
    )
    new_person_email = forms.EmailField(label=_("E-post for ny person"), required=False)
    # Not a model field of the form: a new organisation is saved only with the seat.
    organisation = forms.ModelChoiceField(
        label=_("representerer"), queryset=Organisation.objects.none(), required=False
    )
    other_organisation = forms.CharField(
        label=_("…eller en annen virksomhet (fullt navn)"),
        max_length=200,
        required=False,
        help_text=_(
            "En virksomhet som ikke står i listen: finnes den fra før (i et annet "
            "råd), brukes den; ellers lages den."
        ),
    )

    class Meta:
        model = Membership
        fields = ["person", "role", "party", "start_date", "end_date", "order"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    field_order = [
        "person",
        "new_person_name",
        "new_person_email",
        "organisation",
        "other_organisation",
    ]

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.council = council
        self.fields["person"].required = False
        # The council's own people and organisations only (council/access.py); an
        # organisation that serves another council is added by its full name, so
        # the list never shows what other councils have.
        self.fields["person"].queryset = council_people(council)
        organisations = Organisation.objects.filter(
            Q(pk__in=council_organisations(council).values("pk"))
            | Q(pk=self.instance.organisation_id)
        )
        self.fields["organisation"].queryset = organisations
        if self.instance.pk:
            self.initial.setdefault("organisation", self.instance.organisation_id)
        if self.instance.pk:
            del self.fields["new_person_name"]
            del self.fields["new_person_email"]

    def clean(self):
        data = super().clean()
        new_name = (data.get("new_person_name") or "").strip()
        if not data.get("person") and not new_name:
            self.add_error("person", _("Velg en person eller skriv navnet på en ny."))
        if new_name and data.get("person"):
            self.add_error(
                "new_person_name",
                _("Velg en person eller skriv et nytt navn, ikke begge."),
            )
        other = (data.get("other_organisation") or "").strip()
        if other and data.get("organisation"):
            self.add_error(
                "other_organisation",
                _("Velg en virksomhet eller skriv navnet på en annen, ikke begge."),
            )
        elif other:
            data["organisation"] = Organisation.objects.filter(
                name__iexact=other
            ).first() or Organisation(name=other)
        elif not data.get("organisation"):
            self.add_error(
                "organisation",
                _("Velg en virksomhet eller skriv navnet på en annen."),
            )
        if data.get("organisation") is not None:
            self.instance.organisation = data["organisation"]
        return data

    def save(self, commit=True):
        organisation = self.cleaned_data.get("organisation")
        if organisation is not None and organisation.pk is None:
            OrganisationForm(instance=organisation).save_slug()
            organisation.save()
            self.instance.organisation = organisation
        new_name = (self.cleaned_data.get("new_person_name") or "").strip()
        if new_name and not self.instance.person_id:
            self.instance.person = Person.objects.create(
                name=new_name,
                email=self.cleaned_data.get("new_person_email") or "",
                organisation=self.cleaned_data.get("organisation"),
            )
        return super().save(commit=commit)


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "sector"]

    def __init__(self, *args, council: Council | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if council is not None:
            self.fields["sector"].queryset = council_sectors(council)

    def save_slug(self) -> None:
        if not self.instance.slug:
            base = slugify(self.instance.name)[:180] or "virksomhet"
            slug, n = base, 2
            while Organisation.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            self.instance.slug = slug

    def save(self, commit=True):
        self.save_slug()
        return super().save(commit=commit)


class SectorForm(forms.ModelForm):
    class Meta:
        model = Sector
        fields = ["name", "representative_label"]


# A council's set-up -----------------------------------------------------------------


class CouncilCreateForm(forms.Form):
    """The operator's new council and the first person of its secretariat."""

    name = forms.CharField(label=_("Navn"), max_length=200)
    slug = forms.SlugField(
        label=_("Kortnavn i adresser"),
        max_length=80,
        help_text=_("Små bokstaver, tall og bindestrek, f.eks. «eldreradet-fjordvik»."),
    )
    description = forms.CharField(
        label=_("Om rådet"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    secretariat_organisation = forms.CharField(
        label=_("Sekretariatets virksomhet (fullt navn)"),
        max_length=200,
        required=False,
    )
    secretary_name = forms.CharField(label=_("Første sekretær: navn"), max_length=200)
    secretary_email = forms.EmailField(label=_("Første sekretær: e-post"))


class CouncilSettingsForm(forms.ModelForm):
    class Meta:
        model = Council
        fields = [
            "description",
            "default_venue",
            "default_start_time",
            "default_end_time",
            "approval_rule",
            "publish_on_approval",
            "marks_updated_decisions",
            "publishes_proposals",
            "publishes_followup",
            "members_require_2fa",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "default_start_time": TimeInput(),
            "default_end_time": TimeInput(),
        }


class CouncilWordingForm(forms.ModelForm):
    """How the council numbers its items and words its minutes."""

    class Meta:
        model = Council
        fields = list(WORDING_FIELDS)

    def clean_sector_representative_pattern(self) -> str:
        pattern = self.cleaned_data["sector_representative_pattern"].strip()
        if pattern and "{sector}" not in pattern:
            raise forms.ValidationError(
                _("Skriv {sector} der sektorens navn skal stå."), code="no_sector"
            )
        return pattern


class ItemKindForm(forms.Form):
    original = forms.CharField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(label=_("Sakstype"), max_length=60, required=False)
    retired = forms.BooleanField(label=_("Brukes ikke lenger"), required=False)


ItemKindFormSet = forms.formset_factory(
    ItemKindForm, extra=2, can_order=True, max_num=100, absolute_max=200
)


class StandardItemForm(forms.Form):
    standard = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Tittel"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Sakstype"), required=False)
    proposed_decision = forms.CharField(
        label=_("Forslag til vedtak"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(council)


StandardItemFormSet = forms.formset_factory(
    StandardItemForm,
    extra=1,
    can_order=True,
    can_delete=True,
    max_num=50,
    absolute_max=100,
)


class FirstCaseNumberForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=1900, max_value=2200)
    number = forms.IntegerField(
        label=_("Første saksnummer"), min_value=1, max_value=100_000
    )


# Follow-up of decisions -----------------------------------------------------------


def responsible_choices(council: Council) -> list:
    """The council's own organisations and people, as «o:<id>» and «p:<id>»."""
    organisations = [
        (f"o:{o.pk}", o.name)
        for o in council_organisations(council).only("name").order_by("name")
    ]
    people = [
        (
            f"p:{p.pk}",
            f"{p.name} ({p.organisation.display_name})" if p.organisation else p.name,
        )
        for p in council_people(council)
    ]
    return [
        ("", _("(velg)")),
        (_("Virksomheter"), organisations),
        (_("Personer"), people),
    ]


class FollowUpForm(forms.Form):
    """A follow-up: the task, who is responsible, the due date and the status.
    With `items`, also which decision it follows up (the council's list page)."""

    item = forms.ModelChoiceField(
        label=_("Vedtak"), queryset=AgendaItem.objects.none(), required=False
    )
    task = forms.CharField(
        label=_("Oppgave"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hva vedtaket ber om at blir gjort."),
    )
    responsible = forms.ChoiceField(
        label=_("Ansvarlig"),
        error_messages={"invalid_choice": _("Velg en ansvarlig fra listen.")},
    )
    due_date = forms.DateField(label=_("Frist"), widget=DateInput())
    status = forms.ChoiceField(label=_("Status"), choices=FollowUpStatus.choices)

    def __init__(self, *args, council: Council, items=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.fields["responsible"].choices = responsible_choices(council)
        if items is None:
            del self.fields["item"]
        else:
            self.fields["item"].queryset = items
            self.fields["item"].required = True
            self.fields["item"].label_from_instance = lambda item: (
                f"{item.number_label} {item.title}"
            )

    def clean_responsible(self):
        value = self.cleaned_data["responsible"]
        kind, _sep, pk = value.partition(":")
        source = {
            "o": council_organisations(self.council),
            "p": council_people(self.council),
        }.get(kind)
        found = source.filter(pk=pk).first() if source is not None and pk else None
        if found is None:
            raise forms.ValidationError(_("Velg en ansvarlig fra listen."))
        return found

    def responsible_kwargs(self) -> dict:
        responsible = self.cleaned_data["responsible"]
        is_person = isinstance(responsible, Person)
        return {
            "responsible_person": responsible if is_person else None,
            "responsible_organisation": None if is_person else responsible,
        }

    @staticmethod
    def initial_for(followup) -> dict:
        responsible = (
            f"p:{followup.responsible_person_id}"
            if followup.responsible_person_id
            else f"o:{followup.responsible_organisation_id}"
        )
        return {
            "task": followup.task,
            "responsible": responsible,
            "due_date": followup.due_date,
            "status": followup.status,
        }


class FollowUpNoteForm(forms.Form):
    date = forms.DateField(label=_("Dato"), widget=DateInput())
    text = forms.CharField(label=_("Merknad"), widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(
        label=_("Ny status"),
        required=False,
        choices=[("", _("(uendret)")), *FollowUpStatus.choices],
    )
    is_internal = forms.BooleanField(
        label=_("Intern merknad"),
        required=False,
        help_text=_("Vises for rådet, aldri offentlig."),
    )


# Importing past minutes ---------------------------------------------------------


class ImportUploadForm(forms.Form):
    """A file of past minutes; read by the importer (archive/importing/)."""

    file = forms.FileField(
        label=_("Referatet"),
        help_text=_(
            "PDF med tekst, Word-dokument (.docx) eller tekstfil (.txt). Største "
            "filstørrelse er %(size)s."
        )
        % {"size": filesizeformat(settings.MAX_UPLOAD_SIZE)},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        upload_size_check(upload)
        return upload


class ImportMeetingForm(forms.Form):
    """The recognised meeting facts, to check and correct, and the approval date."""

    number = forms.IntegerField(label=_("Møtenummer"), min_value=1, max_value=999)
    date = forms.DateField(label=_("Dato"), widget=DateInput())
    start_time = forms.TimeField(
        label=_("Starttid"), widget=TimeInput(), required=False
    )
    end_time = forms.TimeField(label=_("Sluttid"), widget=TimeInput(), required=False)
    venue = forms.CharField(label=_("Sted"), max_length=200, required=False)
    approved_on = forms.DateField(
        label=_("Godkjent dato"),
        widget=DateInput(),
        required=False,
        help_text=_("Datoen referatet ble godkjent. Tomt gir møtedatoen."),
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("Møtet må slutte etter at det starter."))
        return data


class ImportItemForm(forms.Form):
    """One recognised item, to check and correct."""

    number = forms.IntegerField(
        label=_("Saksnummer"),
        min_value=1,
        max_value=9999,
        help_text=_("Nummeret i året, uten årstall («38» for 38/22)."),
    )
    title = forms.CharField(label=_("Tittel"), max_length=300)
    kind = forms.ChoiceField(label=_("Sakstype"), required=False)
    presenters = forms.CharField(label=_("Innledere"), max_length=400, required=False)
    body = forms.CharField(
        label=_("Saksfremstilling"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Avsnitt skilles med en tom linje; punkter begynner med «- »."),
    )
    decision = forms.CharField(
        label=_("Vedtak"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(council)
