"""Past minutes imported through /arbeid/: a file is uploaded, read and recognised
(bad files refused with the importer's message before anything is kept), kept as a
PendingImport of its council and its uploader while the secretariat checks and
corrects what was recognised, then saved by the same path as `import_minutes`
(save.py) and let go.

A pending import is reached only through its council and its uploader: any other
council or user gets the same 404 as for one that does not exist. Its file is stored
under a random name of ours, is deleted with it (saved, discarded, or left longer
than PENDING_MAX_AGE: those are cleared on the next upload; archive/signals.py), and
is never served.
"""

from __future__ import annotations

import datetime
import os
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.errors import ArchiveError
from archive.importing import Recognised, recognise
from archive.importing.corrections import ItemCorrection, MeetingCorrection, corrected
from archive.importing.files import kind_of
from archive.importing.save import approval_time, save_historical
from archive.models import PendingImport
from council.models import Council
from minutes.models import Meeting

PENDING_MAX_AGE = datetime.timedelta(days=1)
# The names a file may have, by the kind its content shows.
EXTENSIONS = {"pdf": {".pdf"}, "docx": {".docx"}, "text": {".txt"}}


def name_check(name: str, content: bytes) -> None:
    """Refuse a file whose name is not .pdf, .docx or .txt, or says another kind
    than its content shows."""
    extension = os.path.splitext(name)[1].lower()
    if not any(extension in names for names in EXTENSIONS.values()):
        raise ArchiveError(
            _(
                "Last opp referatet som PDF (.pdf), Word-dokument (.docx) eller "
                "tekstfil (.txt)."
            )
        )
    if extension not in EXTENSIONS[kind_of(content)]:
        raise ArchiveError(
            _(
                "Filnavnet slutter på «%(ext)s», men innholdet er ikke det. Gi "
                "filen riktig navn og prøv igjen."
            )
            % {"ext": extension}
        )


def pending_create(
    *, council: Council, user, name: str, content: bytes
) -> tuple[PendingImport, Recognised]:
    """Read and recognise an uploaded file and keep it for checking; ArchiveError
    with the reason (and nothing kept) for a file that cannot be imported."""
    name_check(name, content)
    recognised = recognise(content, council)
    pending_clear_stale()
    pending = PendingImport(
        council=council,
        created_by=user,
        original_name=os.path.basename(name)[:255],
        size=len(content),
    )
    pending.file.save(uuid.uuid4().hex, ContentFile(content), save=False)
    pending.save()
    return pending, recognised


def pending_list(*, council: Council, user):
    """The user's own pending imports for the council, newest first."""
    return PendingImport.objects.filter(council=council, created_by=user)


def pending_get(*, council: Council, user, pk) -> PendingImport:
    """One of the user's own pending imports for the council; 404 otherwise."""
    try:
        key = uuid.UUID(str(pk))
    except ValueError:
        raise Http404 from None
    pending = pending_list(council=council, user=user).filter(pk=key).first()
    if pending is None:
        raise Http404
    return pending


def pending_content(pending: PendingImport) -> bytes:
    try:
        with pending.file.open("rb") as handle:
            return handle.read()
    except (FileNotFoundError, OSError, ValueError):
        raise ArchiveError(
            _("Den opplastede filen finnes ikke lenger. Last den opp på nytt.")
        ) from None


def pending_read(pending: PendingImport) -> Recognised:
    """What is recognised in the pending file now (against the council's register
    as it stands, so a membership added meanwhile is found)."""
    return recognise(pending_content(pending), pending.council)


def pending_save(
    pending: PendingImport,
    *,
    meeting: MeetingCorrection,
    items: list[ItemCorrection],
    approved_on: datetime.date,
    by,
) -> Meeting:
    """Save the pending minutes, with the secretariat's corrections, as the
    council's approved past minutes («importert», the original kept with its
    SHA-256), and let the pending import go; ArchiveError (and nothing saved, the
    pending import kept) where they cannot be saved."""
    content = pending_content(pending)
    recognised = corrected(recognise(content, pending.council), meeting, items)
    with transaction.atomic():
        saved = save_historical(
            recognised,
            council=pending.council,
            filename=pending.original_name,
            content=content,
            approved_at=approval_time(approved_on),
            by=by,
        )
        pending.delete()
    return saved


def pending_discard(pending: PendingImport) -> None:
    pending.delete()


def pending_clear_stale(now: datetime.datetime | None = None) -> int:
    """Delete pending imports older than PENDING_MAX_AGE, with their files."""
    cutoff = (now or timezone.now()) - PENDING_MAX_AGE
    stale = list(PendingImport.objects.filter(created_at__lt=cutoff))
    for pending in stale:
        pending.delete()
    return len(stale)
