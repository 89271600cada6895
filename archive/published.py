"""The published record that every export hands on: never draft rows.

An export reads what the public reads (minutes/public.py): the document of the latest
published version, as frozen in its snapshot, and the PDF stored when that version
was approved, checked against its SHA-256 before a byte of it leaves.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.http import Http404
from django.utils.translation import gettext as _

from archive.errors import ArchiveError
from council.models import Council
from minutes.document import DecisionText, MinutesDocument
from minutes.models import Meeting, Minutes, MinutesVersion
from minutes.pdf import store_approved_pdf
from minutes.public import published_version
from minutes.status import PUBLIC_STATUSES

MEETING_LABEL = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{4})\s*$")

# The label the minutes print over a proposal nobody decided on (Decision.label in
# minutes/models/agenda.py), as frozen into a snapshot in either language.
PROPOSAL_LABELS = frozenset({"Forslag til vedtak", "Proposed decision"})


def is_adopted(decision: DecisionText) -> bool:
    """Whether the published text is a decision, not only the proposal."""
    return decision.label not in PROPOSAL_LABELS and bool(decision.text.strip())


@dataclass(frozen=True)
class StoredPdf:
    """The frozen PDF of one published version, as stored at its approval."""

    name: str
    sha256: str

    def read(self) -> bytes:
        """The file's bytes, refused if they no longer match the stored SHA-256."""
        try:
            with default_storage.open(self.name, "rb") as handle:
                content = handle.read()
        except OSError:
            raise ArchiveError(
                _("Fant ikke den lagrede PDF-en %(name)s.") % {"name": self.name}
            ) from None
        if hashlib.sha256(content).hexdigest() != self.sha256:
            raise ArchiveError(
                _(
                    "Den lagrede PDF-en %(name)s stemmer ikke med sin SHA-256 og blir "
                    "ikke eksportert."
                )
                % {"name": self.name}
            )
        return content


@dataclass(frozen=True)
class PublishedMinutes:
    """A meeting's published minutes: its version, document and stored PDF."""

    meeting: Meeting
    version: MinutesVersion
    document: MinutesDocument
    pdf: StoredPdf

    @property
    def pdf_filename(self) -> str:
        """«referat-nasjonalt-e-helserad-2022-12-02-v1.pdf»."""
        meeting = self.meeting
        return (
            f"referat-{meeting.council.slug}-{meeting.date.isoformat()}"
            f"-v{self.version.number}.pdf"
        )


def parse_meeting_label(label: str) -> tuple[int, int]:
    """«6/2022» as (year, number)."""
    match = MEETING_LABEL.match(label or "")
    if not match:
        raise ArchiveError(
            _("Skriv møtet som nummer/år, for eksempel 6/2022, ikke «%(label)s».")
            % {"label": label}
        )
    return int(match.group(2)), int(match.group(1))


def council_by_slug(slug: str) -> Council:
    try:
        return Council.objects.select_related("secretariat_organisation").get(slug=slug)
    except Council.DoesNotExist:
        raise ArchiveError(
            _("Fant ikke noe råd med kortnavnet «%(slug)s».") % {"slug": slug}
        ) from None


def published_minutes(council: Council, year: int, number: int) -> PublishedMinutes:
    """The published minutes of meeting number/year; a clear refusal otherwise."""
    meeting = (
        Meeting.objects.select_related("council", "minutes")
        .filter(council=council, year=year, number=number)
        .first()
    )
    label = f"{number}/{year}"
    if meeting is None:
        raise ArchiveError(
            _("%(council)s har ikke noe møte %(meeting)s.")
            % {"council": council.name, "meeting": label}
        )
    try:
        minutes = meeting.minutes
    except Minutes.DoesNotExist:
        minutes = None
    if minutes is None or minutes.status not in PUBLIC_STATUSES:
        status = minutes.get_status_display() if minutes else _("ingen referat")
        raise ArchiveError(
            _(
                "Referatet fra møte %(meeting)s i %(council)s er ikke publisert "
                "(%(status)s). Bare publiserte referater eksporteres."
            )
            % {"meeting": label, "council": council.name, "status": status}
        )
    return _published(meeting)


def published_minutes_of_year(council: Council, year: int) -> list[PublishedMinutes]:
    """Every published meeting of the council's year, in date order."""
    meetings = (
        Meeting.objects.select_related("council", "minutes")
        .filter(council=council, year=year, minutes__status__in=PUBLIC_STATUSES)
        .order_by("date", "number")
    )
    found = [_published(meeting) for meeting in meetings]
    if not found:
        raise ArchiveError(
            _("%(council)s har ingen publiserte referater fra %(year)s.")
            % {"council": council.name, "year": year}
        )
    return found


def _published(meeting: Meeting) -> PublishedMinutes:
    try:
        version = published_version(meeting.minutes)
    except Http404:
        raise ArchiveError(
            _("Referatet fra møte %(meeting)s har ingen publisert versjon.")
            % {"meeting": meeting.number_label}
        ) from None
    document = MinutesDocument.from_snapshot(version.content, version=version).public()
    return PublishedMinutes(
        meeting=meeting,
        version=version,
        document=document,
        pdf=_stored_pdf(meeting.minutes, version),
    )


def _stored_pdf(minutes: Minutes, version: MinutesVersion) -> StoredPdf:
    """The version's own PDF; for the version the public reads now, the minutes'
    (versions published before they kept a copy), stored now if it never was, as the
    public PDF link does (minutes/pdf.py)."""
    if version.pdf_file and version.pdf_sha256:
        return StoredPdf(name=version.pdf_file.name, sha256=version.pdf_sha256)
    if minutes.status in Minutes.FROZEN_STATUSES:
        if not minutes.pdf_file:
            store_approved_pdf(minutes=minutes)
        return StoredPdf(name=minutes.pdf_file.name, sha256=minutes.pdf_sha256)
    raise ArchiveError(
        _("Referatet fra møte %(meeting)s har ingen lagret PDF.")
        % {"meeting": minutes.meeting.number_label}
    )
