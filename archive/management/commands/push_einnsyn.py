"""`manage.py push_einnsyn SLUG N/YYYY`: send a published meeting to eInnsyn."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from archive import einnsyn
from archive.errors import ArchiveError
from archive.published import council_by_slug, parse_meeting_label, published_minutes


class Command(BaseCommand):
    help = (
        "Send et publisert møte til eInnsyn (EINNSYN_URL, EINNSYN_API_KEY, "
        "EINNSYN_ARKIVDEL) / Send a published meeting to eInnsyn."
    )

    def add_arguments(self, parser):
        parser.add_argument("council", help="rådets kortnavn (slug)")
        parser.add_argument("meeting", help="møtet som nummer/år, f.eks. 6/2022")
        parser.add_argument(
            "--arkivdel",
            help="arkivdelen i eInnsyn (id) møtet legges i; ellers EINNSYN_ARKIVDEL",
        )

    def handle(self, *args, council: str, meeting: str, arkivdel=None, **options):
        try:
            year, number = parse_meeting_label(meeting)
            published = published_minutes(council_by_slug(council), year, number)
            published.pdf.read()
            answer = einnsyn.push(einnsyn.moetemappe(published), arkivdel=arkivdel)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            _("Sendt til eInnsyn: møte %(meeting)s (id %(id)s).")
            % {
                "meeting": published.document.meeting.number_label,
                "id": answer.get("id") or "?",
            }
        )
