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


class InvitationAcceptForm(forms.Form):
    """Accepting an invitation or enrolment: the fields the link's kind asks for.
    The rules (accounts/invitations.py) check them all in one transaction."""

    username = forms.CharField(
        label=_("Brukernavn"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    password = forms.CharField(
        label=_("Passord"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=_("Passord en gang til"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    code = forms.CharField(
        label=_("Kode fra appen"),
        max_length=32,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "none",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, new_login: bool, needs_code: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_login = new_login
        if not new_login:
            # An enrolment: the login exists; its password proves the person.
            del self.fields["username"]
            del self.fields["password_again"]
            self.fields["password"].label = _("Passordet ditt")
            self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        if not needs_code:
            del self.fields["code"]

    def clean(self):
        data = super().clean()
        if (
            self.new_login
            and data.get("password")
            and data.get("password") != data.get("password_again")
        ):
            self.add_error("password_again", _("Passordene er ikke like."))
        return data
