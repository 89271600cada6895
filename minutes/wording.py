"""What a council calls its minutes (Council.document_name: «Referat» or
«Protokoll»), in whole phrases so each reads right in both languages.

The phrases are gettext_noop: translated when used, in the reader's language. A
name this module does not know (a snapshot from a later release) reads as «Referat».
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

MINUTES, PROTOCOL = "referat", "protokoll"

PHRASES: dict[str, dict[str, str]] = {
    MINUTES: {
        "name": gettext_noop("Referat"),
        "heading": gettext_noop("Referat fra møte i %(council)s"),
        # The agenda table's heading, as in the reference minutes.
        "agenda": gettext_noop("Agenda %(council)s"),
        "mail_approved": gettext_noop(
            "Referatet fra %(meeting)s i %(council)s ble godkjent %(date)s."
        ),
        "mail_answered": gettext_noop(
            "Sekretariatet har svart på kommentaren din til referatet fra "
            "%(meeting)s i %(council)s."
        ),
        "mail_opened": gettext_noop(
            "Utkast til referat fra %(meeting)s i %(council)s (versjon %(number)s) "
            "er klart til gjennomsyn. Fristen er %(deadline)s."
        ),
        "mail_published": gettext_noop(
            "Referatet fra %(meeting)s i %(council)s er publisert og kan leses av alle"
        ),
        "mail_reminder": gettext_noop(
            "Påminnelse: fristen for gjennomsyn av referatet fra %(meeting)s i "
            "%(council)s (versjon %(number)s) er %(deadline)s, og vi har ikke fått "
            "svaret ditt."
        ),
        "see": gettext_noop("Se referatet"),
        "correcting": gettext_noop(
            "En retting av referatet er under arbeid. Inntil den er godkjent, vises "
            "den publiserte versjonen."
        ),
        "agenda_only": gettext_noop(
            "Dette er innkallingen med sakslisten. Referatet er ikke godkjent ennå; "
            "det publiseres her når det er godkjent."
        ),
        "approved_document": gettext_noop("Referatet som godkjennes"),
        "version_title": gettext_noop(
            "Referat – %(title)s – versjon %(number)s – %(council)s"
        ),
        "current_version": gettext_noop(
            "Dette er den gjeldende versjonen av referatet."
        ),
        "earlier_version": gettext_noop("Dette er en tidligere versjon av referatet."),
        "download": gettext_noop("Last ned referatet fra %(title)s (PDF/A)"),
        "page_title": gettext_noop("Referat – %(title)s – %(council)s"),
        "approved_in_item": gettext_noop(
            "Referatet ble godkjent %(date)s i %(item)s (møte %(meeting)s)."
        ),
        "approved_online": gettext_noop(
            "Referatet ble godkjent av medlemmene %(date)s."
        ),
        "approved": gettext_noop("Referatet ble godkjent %(date)s."),
        "corrected_in_item": gettext_noop(
            "Referatet er rettet etter vedtak i %(item)s (møte %(meeting)s): %(note)s."
        ),
        "corrected": gettext_noop("Referatet er rettet ved godkjenningen: %(note)s."),
        "subject_opened": gettext_noop(
            "Referat til gjennomsyn: %(meeting)s i %(council)s"
        ),
        "subject_reminder": gettext_noop(
            "Påminnelse: gjennomsyn av referat fra %(meeting)s i %(council)s"
        ),
        "subject_approved": gettext_noop(
            "Referatet er godkjent: %(meeting)s i %(council)s"
        ),
        "subject_published": gettext_noop(
            "Referatet er publisert: %(meeting)s i %(council)s"
        ),
    },
    PROTOCOL: {
        "name": gettext_noop("Protokoll"),
        "heading": gettext_noop("Protokoll fra møte i %(council)s"),
        "agenda": gettext_noop("Saksliste"),
        "mail_approved": gettext_noop(
            "Protokollen fra %(meeting)s i %(council)s ble godkjent %(date)s."
        ),
        "mail_answered": gettext_noop(
            "Sekretariatet har svart på kommentaren din til protokollen fra "
            "%(meeting)s i %(council)s."
        ),
        "mail_opened": gettext_noop(
            "Utkast til protokoll fra %(meeting)s i %(council)s (versjon "
            "%(number)s) er klart til gjennomsyn. Fristen er %(deadline)s."
        ),
        "mail_published": gettext_noop(
            "Protokollen fra %(meeting)s i %(council)s er publisert og kan leses av"
            " alle"
        ),
        "mail_reminder": gettext_noop(
            "Påminnelse: fristen for gjennomsyn av protokollen fra %(meeting)s i "
            "%(council)s (versjon %(number)s) er %(deadline)s, og vi har ikke fått "
            "svaret ditt."
        ),
        "see": gettext_noop("Se protokollen"),
        "correcting": gettext_noop(
            "En retting av protokollen er under arbeid. Inntil den er godkjent, vises "
            "den publiserte versjonen."
        ),
        "agenda_only": gettext_noop(
            "Dette er innkallingen med sakslisten. Protokollen er ikke godkjent ennå; "
            "den publiseres her når den er godkjent."
        ),
        "approved_document": gettext_noop("Protokollen som godkjennes"),
        "version_title": gettext_noop(
            "Protokoll – %(title)s – versjon %(number)s – %(council)s"
        ),
        "current_version": gettext_noop(
            "Dette er den gjeldende versjonen av protokollen."
        ),
        "earlier_version": gettext_noop(
            "Dette er en tidligere versjon av protokollen."
        ),
        "download": gettext_noop("Last ned protokollen fra %(title)s (PDF/A)"),
        "page_title": gettext_noop("Protokoll – %(title)s – %(council)s"),
        "approved_in_item": gettext_noop(
            "Protokollen ble godkjent %(date)s i %(item)s (møte %(meeting)s)."
        ),
        "approved_online": gettext_noop(
            "Protokollen ble godkjent av medlemmene %(date)s."
        ),
        "approved": gettext_noop("Protokollen ble godkjent %(date)s."),
        "corrected_in_item": gettext_noop(
            "Protokollen er rettet etter vedtak i %(item)s (møte %(meeting)s): "
            "%(note)s."
        ),
        "corrected": gettext_noop("Protokollen er rettet ved godkjenningen: %(note)s."),
        "subject_opened": gettext_noop(
            "Protokoll til gjennomsyn: %(meeting)s i %(council)s"
        ),
        "subject_reminder": gettext_noop(
            "Påminnelse: gjennomsyn av protokoll fra %(meeting)s i %(council)s"
        ),
        "subject_approved": gettext_noop(
            "Protokollen er godkjent: %(meeting)s i %(council)s"
        ),
        "subject_published": gettext_noop(
            "Protokollen er publisert: %(meeting)s i %(council)s"
        ),
    },
}


@dataclass(frozen=True)
class Phrase:
    """A phrase named by its key, worded when used (phrase())."""

    key: str


def phrase(document_name: str, key: str) -> str:
    """The phrase `key` for a council's name of its minutes, translated now."""
    return _(PHRASES.get(document_name, PHRASES[MINUTES])[key])
