from django import forms
from django.utils.translation import gettext_lazy as _

from council.models import Person


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode"),
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class EmailLanguageForm(forms.ModelForm):
    """The language of the council's e-mail to a person (notifications, reminders)."""

    class Meta:
        model = Person
        fields = ["language"]
        labels = {"language": _("Språk i e-post fra rådet")}
        widgets = {"language": forms.RadioSelect(attrs={"class": "form-check-input"})}
