"""The member's absence report from the link in the summons."""

from django import forms
from django.utils.translation import gettext_lazy as _

from council.models import Person


class AbsenceForm(forms.Form):
    """A member reports absence (meldt forfall) and may name a substitute."""

    substitute = forms.ModelChoiceField(
        label=_("Stedfortreder"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("(ingen stedfortreder)"),
    )
    new_substitute_name = forms.CharField(
        label=_("…eller en annen stedfortreder (navn)"),
        max_length=200,
        required=False,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["substitute"].queryset = people

    def clean(self):
        data = super().clean()
        if data.get("substitute") and (data.get("new_substitute_name") or "").strip():
            self.add_error(
                "new_substitute_name",
                _("Velg en stedfortreder eller skriv et navn, ikke begge."),
            )
        return data
