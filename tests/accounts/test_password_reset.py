"""Forgotten password: a link by e-mail, a new password, then the usual login."""

import re

from django.core import mail
from django.urls import reverse

from tests.accounts.conftest import password_login


def test_bob_resets_his_forgotten_password_through_the_link_in_his_email(
    visitor, world
):
    response = visitor.post(reverse("password_reset"), {"email": "bob@example.org"})
    assert response["Location"] == reverse("password_reset_done")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["bob@example.org"]
    link = re.search(r"https?://[^/\s]+(/konto/tilbakestill/\S+/)", message.body)
    assert link, message.body

    # Django moves the token out of the address before showing the form.
    response = visitor.get(link.group(1))
    assert response.status_code == 302
    form_url = response["Location"]
    new = "et nytt og langt passord for bob"
    response = visitor.post(form_url, {"new_password1": new, "new_password2": new})
    assert response["Location"] == reverse("password_reset_complete")

    assert password_login(visitor, "bob", new).status_code == 302
    assert password_login(type(visitor)(), "bob").status_code == 200  # the old one

    # The link works once.
    assert "ugyldig" in visitor.get(link.group(1), follow=True).content.decode().lower()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(visitor, db):
    response = visitor.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []
