"""`manage.py export_einnsyn SLUG N/YYYY -o FILE`: a published meeting for eInnsyn."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from archive import einnsyn
from archive.errors import ArchiveError
from archive.published import council_by_slug, parse_meeting_label, published_minutes


class Command(BaseCommand):
    help = (
        "Skriv et publisert møte som én eInnsyn-Moetemappe (JSON) / Write a "
        "published meeting as one eInnsyn Moetemappe (JSON)."
    )

    def add_arguments(self, parser):
        parser.add_argument("council", help="rådets kortnavn (slug)")
        parser.add_argument("meeting", help="møtet som nummer/år, f.eks. 6/2022")
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            help="filen JSON skrives til (uten: standard ut)",
        )

    def handle(self, *args, council: str, meeting: str, output=None, **options):
        try:
            year, number = parse_meeting_label(meeting)
            published = published_minutes(council_by_slug(council), year, number)
            # The PDF the folder points at must be the one stored and hashed.
            published.pdf.read()
            text = einnsyn.to_json(einnsyn.moetemappe(published))
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        if output is None:
            self.stdout.write(text, ending="")
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise CommandError(
                _("Kunne ikke skrive %(file)s: %(reason)s")
                % {"file": output, "reason": error.strerror or error}
            ) from None
        self.stdout.write(
            _("Skrev møte %(meeting)s med %(items)s møtesaker til %(file)s.")
            % {
                "meeting": published.document.meeting.number_label,
                "items": len(published.document.items),
                "file": output,
            }
        )
