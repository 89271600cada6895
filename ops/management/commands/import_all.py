from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, import_all


class Command(BaseCommand):
    help = "Import a zip made by export_all into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            counts = import_all(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        counts_text = (
            f"Imported {counts['objects']} objects and {counts['files']} files"
        )
        self.stdout.write(f"{counts_text} (from {file})")
