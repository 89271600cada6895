"""`manage.py import_minutes FILE --council SLUG [--dry-run]`: past minutes from a
PDF (text layer), DOCX or text file."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from archive.errors import ArchiveError
from archive.importing import recognise
from archive.published import council_by_slug


class Command(BaseCommand):
    help = (
        "Importer et tidligere referat fra PDF, DOCX eller tekst / Import past minutes "
        "from PDF, DOCX or text. --dry-run skriver det gjenkjente referatet som JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="PDF, DOCX eller tekstfil")
        parser.add_argument("--council", required=True, help="rådets kortnavn (slug)")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="skriv referatet som JSON (snapshot-skjemaet), lagre ingenting",
        )

    def handle(self, *args, file: Path, council: str, dry_run: bool, **options):
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Kunne ikke lese %(file)s: %(reason)s")
                % {"file": file, "reason": error.strerror or error}
            ) from None
        try:
            recognised = recognise(content, council_by_slug(council))
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        if dry_run:
            snapshot = recognised.document.to_snapshot()
            self.stdout.write(json.dumps(snapshot, ensure_ascii=False, indent=2))
            return
        raise CommandError(
            _(
                "Lagring av importerte referater er ikke på plass ennå; bruk --dry-run "
                "for å se hva som ble gjenkjent."
            )
        )
