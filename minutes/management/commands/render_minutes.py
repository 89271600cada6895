"""Render a meeting's minutes to a PDF file: `render_minutes <council> 6/2022 -o f.pdf`.

Approved minutes come out as the PDF/A the public gets; anything else as a draft
marked «UTKAST». `--stored` writes the frozen file of approved minutes instead.
"""

import gc
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from council.models import Council
from minutes.models import Meeting, Minutes
from minutes.pdf import render_minutes_pdf, store_approved_pdf

NUMBER_RE = re.compile(r"^(?P<number>\d{1,4})/(?P<year>\d{4})$")


class Command(BaseCommand):
    help = (
        "Render the minutes of one meeting as PDF, e.g. «nasjonalt-e-helserad 6/2022»."
    )
    # The system checks import every URLconf and view (the API and its schema
    # included) before anything is rendered: a fifth of the command's time, for
    # nothing it uses. `manage.py check` and runserver run them.
    requires_system_checks = []

    def run_from_argv(self, argv: list[str]) -> None:
        super().run_from_argv(argv)
        # Only as a process of its own (manage.py, not call_command): the
        # interpreter exits right after, and its final garbage collections would
        # walk every object of Django and WeasyPrint (about 0.1 s). Frozen objects
        # are skipped; atexit handlers still run and the OS takes the memory back.
        gc.freeze()

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("council", help="The council's slug.")
        parser.add_argument("meeting", help="The meeting number and year: 6/2022.")
        parser.add_argument(
            "-o", "--output", required=True, help="The PDF file to write."
        )
        parser.add_argument(
            "--stored",
            action="store_true",
            help="Write the stored, frozen PDF of approved minutes (store it if none).",
        )

    def handle(self, *args, **options) -> None:
        match = NUMBER_RE.match(options["meeting"].strip())
        if not match:
            raise CommandError(
                f"«{options['meeting']}» is not a meeting number: write it as 6/2022."
            )
        council = Council.objects.filter(slug=options["council"]).first()
        if council is None:
            raise CommandError(f"No council has the slug «{options['council']}».")
        meeting = (
            Meeting.objects.select_related("council__secretariat_organisation")
            .filter(
                council=council,
                year=int(match["year"]),
                number=int(match["number"]),
            )
            .first()
        )
        if meeting is None:
            raise CommandError(f"{council.name} has no meeting {options['meeting']}.")
        if options["stored"]:
            minutes = Minutes.objects.filter(meeting=meeting).first()
            if minutes is None or minutes.approved_at is None:
                raise CommandError("Only approved minutes have a stored PDF.")
            store_approved_pdf(minutes=minutes)
            with minutes.pdf_file.open("rb") as stored:
                content = stored.read()
        else:
            content = render_minutes_pdf(meeting=meeting, public_only=True)
        output = Path(options["output"])
        try:
            output.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Could not write {output}: {exc}") from None
        self.stdout.write(f"Wrote {output} ({len(content)} bytes).")
