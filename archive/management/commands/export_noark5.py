"""`manage.py export_noark5 SLUG YYYY -o DIR`: a council's year as a Noark 5 extract."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from archive.errors import ArchiveError
from archive.noark5 import write_extract
from archive.published import council_by_slug, published_minutes_of_year


class Command(BaseCommand):
    help = (
        "Skriv et arkivuttrekk i Noark 5 (v5.0) for rådets publiserte møter i et år "
        "/ Write a Noark 5 (v5.0) extract of a council's published meetings of a "
        "year."
    )

    def add_arguments(self, parser):
        parser.add_argument("council", help="rådets kortnavn (slug)")
        parser.add_argument("year", type=int, help="året, f.eks. 2022")
        parser.add_argument(
            "-o",
            "--output",
            type=Path,
            required=True,
            help="mappen uttrekket skrives til (lages om den mangler)",
        )

    def handle(self, *args, council: str, year: int, output: Path, **options):
        try:
            found = council_by_slug(council)
            published = published_minutes_of_year(found, year)
            target = write_extract(found, year, published, output)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("Skrev %(count)s møter fra %(year)s til %(file)s.")
            % {"count": len(published), "year": year, "file": target}
        )
