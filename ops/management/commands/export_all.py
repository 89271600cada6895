from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, export_all


class Command(BaseCommand):
    help = "Export every record and stored file to one zip file (for import_all)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            counts = export_all(file)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        counts_text = (
            f"Exported {counts['objects']} objects and {counts['files']} files"
        )
        self.stdout.write(f"{counts_text} (to {file})")
