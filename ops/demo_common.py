"""What both demo loaders share: times from the data, validated saves, logins."""

import base64
import datetime

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from council.models import Council, Person
from ops import demo_data


def demo_time(value: str | None) -> datetime.time | None:
    """«10:00» from the demo data as a time; empty as None."""
    return datetime.time.fromisoformat(value) if value else None


def saved(instance):
    """The row validated as a user's edit would be, then saved."""
    instance.full_clean()
    instance.save()
    return instance


def create_demo_logins(
    *,
    council: Council,
    users: list[tuple[str, str, str, str, str]],
    totp_users: tuple[str, ...],
    people: dict[str, Person],
    notes: dict[str, str],
):
    """The logins `users` (username, password, e-mail, person, kind), each linked to
    its person; returns the secretariat's. Logins in `totp_users` get an
    authenticator with the demo's secret. An existing account is never overwritten:
    `notes` says so for the command's output."""
    user_model = get_user_model()
    secretariat_user = None
    for username, password, email, person_name, kind in users:
        user = user_model.objects.filter(username=username).first()
        if user is not None:
            notes[username] = " – existed already, password unchanged"
        else:
            user = user_model(
                username=username,
                email=email,
                # Only the operator has the admin; the secretariat works in
                # /arbeid/, where everything is scoped to its council.
                is_staff=kind == "administrator",
                is_superuser=kind == "administrator",
            )
            user.set_password(password)
            saved(user)
            if username in totp_users:
                TOTPDevice.objects.create(
                    user=user,
                    name="Demo",
                    key=base64.b32decode(demo_data.TOTP_SECRET).hex(),
                    confirmed=True,
                )
        if kind == "secretariat":
            council.secretariat_users.add(user)
            secretariat_user = user
        person = people.get(person_name)
        if person and not Person.objects.filter(user=user).exists():
            person.user = user
            person.email = person.email or email
            saved(person)
    return secretariat_user
