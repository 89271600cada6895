"""Remind members who have not answered a review before its deadline. Meant for cron
(e.g. daily at 08.00); running it again sends nothing twice."""

from django.core.management.base import BaseCommand

from minutes.services.review import review_reminders_send


class Command(BaseCommand):
    help = "Send reminders to members who have not answered a review near its deadline."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=2,
            help="Remind when the deadline is at most this many days away (default 2).",
        )

    def handle(self, *args, days: int, **options) -> None:
        sent = review_reminders_send(days_before=days)
        self.stdout.write(f"Reminders sent: {sent}")
