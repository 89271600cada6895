"""`manage.py import_minutes FILE --council SLUG [--dry-run] [--approved DATE]`: past
minutes from a PDF (text layer), DOCX or text file."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from archive.errors import ArchiveError
from archive.importing import recognise
from archive.published import council_by_slug


class Command(BaseCommand):
    help = (
        "Importer et tidligere referat fra PDF, DOCX eller tekst som godkjent "
        "(importert) / Import past minutes from PDF, DOCX or text as approved "
        "(imported). --dry-run skriver det gjenkjente referatet som JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="PDF, DOCX eller tekstfil")
        parser.add_argument("--council", required=True, help="rådets kortnavn (slug)")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="skriv referatet som JSON (snapshot-skjemaet), lagre ingenting",
        )
        parser.add_argument(
            "--approved",
            type=datetime.date.fromisoformat,
            help="datoen referatet ble godkjent (ÅÅÅÅ-MM-DD); ellers møtedatoen",
        )

    def handle(self, *args, file: Path, council: str, dry_run: bool, **options):
        from archive.importing.save import approval_time, save_historical

        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Kunne ikke lese %(file)s: %(reason)s")
                % {"file": file, "reason": error.strerror or error}
            ) from None
        try:
            found = council_by_slug(council)
            recognised = recognise(content, found)
            if dry_run:
                snapshot = recognised.document.to_snapshot()
                self.stdout.write(json.dumps(snapshot, ensure_ascii=False, indent=2))
                return
            day = options["approved"] or recognised.document.meeting.date
            approved_at = approval_time(day)
            meeting = save_historical(
                recognised,
                council=found,
                filename=file.name,
                content=content,
                approved_at=approved_at,
            )
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        document = recognised.document
        self.stdout.write(
            _(
                "Importerte møte %(meeting)s i %(council)s: %(items)s saker og "
                "%(inputs)s innspill, godkjent %(date)s (importert)."
            )
            % {
                "meeting": meeting.number_label,
                "council": found.name,
                "items": len(document.items),
                "inputs": sum(len(i.all_inputs) for i in document.items),
                "date": day.isoformat(),
            }
        )
