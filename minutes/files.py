"""Uploaded papers: which files we take, judged by their content, and how every path
serves one.

A paper is somebody's file, never part of our site. Whatever its name or its stored
content type say, it is served as a download, with the type its first bytes show if
that type is on the allow-list and as application/octet-stream otherwise, with
`nosniff` so the browser does not guess again, and with a sandboxing
Content-Security-Policy in case a browser shows it anyway: an HTML or script file
uploaded through any path never runs in our origin.
"""

import os
from typing import IO

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from minutes.models import Attachment

# Papers we accept, by the type their content shows, and the names they may carry.
ALLOWED_TYPES = {
    "application/pdf": {".pdf"},
    "image/png": {".png"},
    "image/jpeg": {".jpg", ".jpeg"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
        ".docx"
    },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {".xlsx"},
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
        ".pptx"
    },
    "application/vnd.oasis.opendocument.text": {".odt"},
    "application/vnd.oasis.opendocument.spreadsheet": {".ods"},
    "application/vnd.oasis.opendocument.presentation": {".odp"},
}
ALLOWED_LABEL = "PDF, Word (docx), Excel (xlsx), PowerPoint (pptx), ODF, PNG, JPEG"
# Served for any content not on the list: a browser only ever saves it.
UNKNOWN_TYPE = "application/octet-stream"
# filetype looks at no more than this many bytes.
HEAD_SIZE = 8192
# A browser that renders the file anyway gives it a unique origin, no scripts, no
# forms, no plugins, and lets it load nothing.
DOWNLOAD_CSP = "sandbox; default-src 'none'"


def _allowed_kind(head: bytes):
    kind = filetype.guess(head)
    return kind if kind is not None and kind.mime in ALLOWED_TYPES else None


def content_type_of(head: bytes) -> str:
    """The type the content shows if it is on the allow-list, else UNKNOWN_TYPE."""
    kind = _allowed_kind(head)
    return kind.mime if kind else UNKNOWN_TYPE


def upload_size_check(upload: IO[bytes]) -> None:
    """ValidationError (in Norwegian) for an upload over MAX_UPLOAD_SIZE."""
    if upload.size > settings.MAX_UPLOAD_SIZE:
        raise ValidationError(
            _("Filen er %(size)s. Største tillatte størrelse er %(max)s.")
            % {
                "size": filesizeformat(upload.size),
                "max": filesizeformat(settings.MAX_UPLOAD_SIZE),
            },
            code="too_large",
        )


def upload_check(upload: IO[bytes]) -> str:
    """The type of an uploaded paper, from its content; ValidationError (in
    Norwegian) for a file that is too large, empty, of a type not on the list, or
    whose name says another type than its content."""
    upload_size_check(upload)
    if upload.size == 0:
        raise ValidationError(_("Filen er tom."), code="empty")
    upload.seek(0)
    head = upload.read(HEAD_SIZE)
    upload.seek(0)
    kind = _allowed_kind(head)
    if kind is None:
        raise ValidationError(
            _("Denne filtypen kan ikke lastes opp. Tillatt: %(types)s.")
            % {"types": ALLOWED_LABEL},
            code="bad_type",
        )
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ALLOWED_TYPES[kind.mime]:
        raise ValidationError(
            _(
                "Filnavnet slutter på «%(ext)s», men innholdet er %(kind)s. "
                "Gi filen riktig navn og prøv igjen."
            )
            % {"ext": extension or "–", "kind": kind.extension.upper()},
            code="type_mismatch",
        )
    return kind.mime


def attachment_filename(attachment: Attachment) -> str:
    return attachment.original_name or os.path.basename(attachment.file.name)


def attachment_response(attachment: Attachment) -> FileResponse:
    """The paper as a download that never runs (see the module's docstring); 404
    when its file is missing from storage. The stored content type is not used: it
    may have been typed by hand."""
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    head = handle.read(HEAD_SIZE)
    handle.seek(0)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment_filename(attachment),
        content_type=content_type_of(head),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    return response
