"""The operator's way in for a login without an authenticator app: a new
installation's first operator (made with createsuperuser), or anyone whose phone was
lost when no secretariat can help. Prints a one-time link valid for seven days."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.invitations import enrolment_create, invitation_url


class Command(BaseCommand):
    help = "Print a one-time link that gives a login a new authenticator app."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Ingen innlogging heter «{username}».")
        if not user.is_active:
            raise CommandError(f"Innloggingen «{username}» er slått av.")
        _invitation, token = enrolment_create(by=None, user=user, council=None)
        self.stdout.write(invitation_url(token))
