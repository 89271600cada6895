"""Queue again every mail that is not sent and that no task will pick up soon (see
core/outbox.py: `requeue`): after an outage longer than the retries, or a task lost
between a commit and its enqueueing. Safe to run at any time, e.g. from cron."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from core.outbox import requeue


class Command(BaseCommand):
    help = "Queue again the mail that is not sent and has no retry coming."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=300,
            help="seconds a queued mail must have waited (default 300)",
        )

    def handle(self, *args, older_than: int, **options):
        count = requeue(older_than=timedelta(seconds=older_than))
        self.stdout.write(f"{count} mail(s) queued again.")
