"""Forms for members, organisations, sectors and attendance in the workspace."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from council.models import Council, Membership, Organisation, Person, Sector


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class MembershipForm(forms.ModelForm):
    """A seat in the council: pick a person, or type the name of a new one."""

    new_person_name = forms.CharField(
        label=_("…eller ny person (navn)"), max_length=200, required=False
    )
    new_person_email = forms.EmailField(label=_("E-post for ny person"), required=False)

    class Meta:
        model = Membership
        fields = ["person", "organisation", "role", "start_date", "end_date", "order"]
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
