"""Importing past minutes: read a file's text (files.py), recognise the minutes in it
against the council's register (parse.py, register.py)."""

from __future__ import annotations

from archive.importing.files import SourceText, read_text
from archive.importing.parse import parse_minutes
from archive.importing.register import Register
from council.models import Council
from minutes.document import MinutesDocument

__all__ = ["Recognised", "recognise"]


class Recognised:
    """A file and the minutes recognised in it, for a council."""

    def __init__(
        self, source: SourceText, document: MinutesDocument, *, council: Council
    ) -> None:
        self.source = source
        self.document = document
        self.council = council


def recognise(content: bytes, council: Council) -> Recognised:
    """The minutes in a file's content; ArchiveError saying why not."""
    source = read_text(content)
    return Recognised(
        source, parse_minutes(source.text, Register(council)), council=council
    )
