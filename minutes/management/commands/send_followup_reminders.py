"""Remind those responsible for the follow-up of decisions before its due date
(FOLLOWUP_REMINDER_DAYS, default 7) and once when it has passed. Meant for cron
(e.g. daily at 08.00); running it again sends nothing twice for the same due date."""

from django.conf import settings
from django.core.management.base import BaseCommand

from minutes.services.followup import followup_reminders_send


class Command(BaseCommand):
    help = (
        "Send reminders of follow-up due within FOLLOWUP_REMINDER_DAYS days, and "
        "once of follow-up whose due date has passed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=(
                "Remind when the due date is at most this many days away "
                "(default FOLLOWUP_REMINDER_DAYS, "
                f"now {settings.FOLLOWUP_REMINDER_DAYS})."
            ),
        )

    def handle(self, *args, days: int | None, **options) -> None:
        sent = followup_reminders_send(days_before=days)
        self.stdout.write(f"Follow-up reminders sent: {sent}")
