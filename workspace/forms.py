"""Forms of the secretariat's workspace: meetings, agenda items and papers."""

import os

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from council.models import Council, Membership, Organisation, Person, Sector
from minutes.files import ALLOWED_LABEL, upload_check
from minutes.models import AgendaItem, Attachment, Attendance, ItemKind, Meeting


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
    item_revision = forms.IntegerField(widget=forms.HiddenInput)
    decision_revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices(council)


class AgendaItemAddForm(forms.Form):
    title = forms.CharField(label=_("Tittel på ny sak"), max_length=300)
    kind = forms.ChoiceField(label=_("Sakstype"), required=False)
    proposed_text = forms.CharField(
        label=_("Forslag til vedtak"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

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
        label=_("Virksomhet"), queryset=Organisation.objects.all(), required=False
    )
    note = forms.CharField(
        label=_("Merknad"),
        max_length=200,
        required=False,
        help_text=_("F.eks. «bare under sak 41/22»."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people

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

    class Meta:
        model = Membership
        fields = [
            "person",
            "organisation",
            "role",
            "party",
            "start_date",
            "end_date",
            "order",
        ]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.council = council
        self.fields["person"].required = False
        self.fields["person"].queryset = Person.objects.select_related("organisation")
        self.fields["organisation"].queryset = Organisation.objects.all()
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
        return data

    def save(self, commit=True):
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

    def save(self, commit=True):
        if not self.instance.slug:
            base = slugify(self.instance.name)[:180] or "virksomhet"
            slug, n = base, 2
            while Organisation.objects.filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            self.instance.slug = slug
        return super().save(commit=commit)


class SectorForm(forms.ModelForm):
    class Meta:
        model = Sector
        fields = ["name", "representative_label"]
