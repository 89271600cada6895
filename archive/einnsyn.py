"""Published minutes as an eInnsyn meeting folder, and sending it there.

eInnsyn (einnsyn.no) is the national portal where the public finds the records of
public bodies. Its API (OpenAPI document in tests/data/einnsyn/) takes a meeting as
one `Moetemappe.MoetemappeCreate`, posted to `/arkivdel/{id}/moetemappe` with the
body's API key in the `API-KEY` header:

- the meeting: `moetenummer` («6/2022»), `utvalg` (the council), `moetedato`,
  `moetested`, titles, and our public address as `externalId`;
- each item as a `moetesak`: type, year and number («38/22» → 2022, 38), title, the
  proposal as `innstilling` and the decision as `vedtak`;
- the protocol as a `moetedokument` whose `dokumentobjekt` points at the frozen PDF
  of the published version on the public site (eInnsyn fetches documents from an
  address: `referanseDokumentfil`), with its SHA-256 as `sjekksum`.

Everything comes from the published version (archive/published.py), never from
draft rows. Readonly fields of the schema (ids, `entity`) are never sent.
"""

from __future__ import annotations

import datetime
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.errors import ArchiveError
from archive.exemptions import item_exemption
from archive.published import PublishedMinutes, is_adopted
from minutes.document import Item
from minutes.models import ItemKind

TEXT_FORMAT = "text/plain"

# eInnsyn's `moetesakstype` is a closed list; our item kinds, standard or a
# council's own, map onto it, and the kind as the minutes name it travels beside it
# as `legacyMoetesakstype` («Drøfting»).
MOETESAKSTYPE = {
    ItemKind.APPROVAL: "godkjenning",
    ItemKind.INFORMATION: "orientering",
    ItemKind.REPORTS: "referat",
}
OTHER_MOETESAKSTYPE = "annet"


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _meeting_moment(date: datetime.date, start: datetime.time | None) -> str:
    """The meeting's date and start as an ISO 8601 date-time in the site's zone."""
    moment = datetime.datetime.combine(date, start or datetime.time(0, 0))
    return timezone.make_aware(moment).isoformat()


def _text(value: str) -> dict[str, str]:
    """A `Moetesaksbeskrivelse`: plain text as the minutes hold it («- » lists)."""
    return {"tekstInnhold": value, "tekstFormat": TEXT_FORMAT}


def moetesak(published: PublishedMinutes, item: Item) -> dict[str, Any]:
    """One item of the published minutes as a `Moetesak.MoetesakCreate`."""
    document = published.document
    exemption = item_exemption(item)
    title = item.title
    sak: dict[str, Any] = {
        "offentligTittel": exemption.public_title
        if exemption and exemption.public_title
        else title,
        "offentligTittelSensitiv": title,
        "moetesakstype": MOETESAKSTYPE.get(item.kind, OTHER_MOETESAKSTYPE),
        "moetesaksaar": item.year,
        "moetesakssekvensnummer": item.number,
        "utvalg": document.council.name,
        "externalId": _absolute(document.item_url(item)),
    }
    if item.kind_label:
        sak["legacyMoetesakstype"] = item.kind_label
    decision = item.decision
    if decision is not None:
        adopted = is_adopted(decision)
        proposal = (decision.proposed_text if adopted else decision.text).strip()
        if proposal:
            sak["innstilling"] = _text(proposal)
        if adopted:
            sak["vedtak"] = {
                "vedtakstekst": _text(decision.text),
                "dato": document.meeting.date.isoformat(),
            }
    return sak


def moetedokument(published: PublishedMinutes) -> dict[str, Any]:
    """The protocol: the frozen PDF of the published version, by its address."""
    document = published.document
    meeting = published.meeting
    title = (
        f"{document.council.document_title} – {document.council.name} – "
        f"Møte {document.meeting.number_label}"
    )
    pdf_url = _absolute(
        reverse(
            "public:version_pdf",
            kwargs={
                "council_slug": document.council.slug,
                "year": meeting.year,
                "number": meeting.number,
                "version": published.version.number,
            },
        )
    )
    return {
        "moetedokumenttype": "protokoll",
        "offentligTittel": title,
        "offentligTittelSensitiv": title,
        "dokumentbeskrivelse": [
            {
                "tittel": title,
                "tittelSensitiv": title,
                "dokumentnummer": 1,
                "dokumenttype": "Møteprotokoll",
                "tilknyttetRegistreringSom": "hoveddokument",
                "dokumentobjekt": [
                    {
                        "referanseDokumentfil": pdf_url,
                        "format": "PDF/A-3a",
                        "sjekksum": published.pdf.sha256,
                        "sjekksumAlgoritme": "SHA-256",
                    }
                ],
            }
        ],
    }


def moetemappe(published: PublishedMinutes) -> dict[str, Any]:
    """The published minutes as one `Moetemappe.MoetemappeCreate`."""
    document = published.document
    facts = document.meeting
    title = f"{document.council.name} – Møte {facts.number_label}"
    folder: dict[str, Any] = {
        "offentligTittel": title,
        "offentligTittelSensitiv": title,
        "moetenummer": facts.number_label,
        "utvalg": document.council.name,
        "moetedato": _meeting_moment(facts.date, facts.start_time),
        "externalId": _absolute(published.meeting.get_absolute_url()),
        "moetesak": [moetesak(published, item) for item in document.items],
        "moetedokument": [moetedokument(published)],
    }
    if facts.venue:
        folder["moetested"] = facts.venue
    return folder


def to_json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# Sending -----------------------------------------------------------------------


def push(
    payload: dict[str, Any],
    *,
    url: str | None = None,
    api_key: str | None = None,
    arkivdel: str | None = None,
    timeout: int | None = None,
) -> dict[str, Any]:
    """POST the meeting folder to eInnsyn; the created `Moetemappe` as it answers.

    Refuses without an API key or arkivdel, before anything is sent; an HTTP error,
    an unreachable server or an answer that is not JSON is an ArchiveError that says
    which.
    """
    url = (url if url is not None else settings.EINNSYN_URL).rstrip("/")
    api_key = api_key if api_key is not None else settings.EINNSYN_API_KEY
    arkivdel = arkivdel if arkivdel is not None else settings.EINNSYN_ARKIVDEL
    timeout = timeout if timeout is not None else settings.EINNSYN_TIMEOUT
    if not api_key:
        raise ArchiveError(
            _(
                "Mangler API-nøkkel for eInnsyn: sett miljøvariabelen "
                "EINNSYN_API_KEY. Ingenting ble sendt."
            )
        )
    if not url:
        raise ArchiveError(
            _("Mangler adressen til eInnsyn: sett EINNSYN_URL. Ingenting ble sendt.")
        )
    if not arkivdel:
        raise ArchiveError(
            _(
                "Mangler arkivdelen i eInnsyn som møtene skal inn i: oppgi --arkivdel "
                "eller sett EINNSYN_ARKIVDEL. Ingenting ble sendt."
            )
        )
    endpoint = f"{url}/arkivdel/{urllib.parse.quote(arkivdel, safe='')}/moetemappe"
    request = urllib.request.Request(
        endpoint,
        data=json.dumps(payload, ensure_ascii=False).encode(),
        method="POST",
        headers={
            "API-KEY": api_key,
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read()
    except urllib.error.HTTPError as error:
        detail = _error_detail(error.read())
        raise ArchiveError(
            _("eInnsyn avviste møtet (HTTP %(status)s %(reason)s): %(detail)s")
            % {"status": error.code, "reason": error.reason, "detail": detail}
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ArchiveError(
            _("Fikk ikke kontakt med eInnsyn på %(url)s: %(reason)s")
            % {"url": url, "reason": reason}
        ) from None
    try:
        answer = json.loads(body)
    except ValueError:
        raise ArchiveError(
            _("eInnsyn svarte, men ikke med JSON: %(detail)s")
            % {"detail": _error_detail(body)}
        ) from None
    return answer if isinstance(answer, dict) else {"answer": answer}


def _error_detail(body: bytes, limit: int = 500) -> str:
    """What the server said, short: its JSON error message or the start of its text."""
    text = body.decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for key in ("message", "error", "detail"):
            if data.get(key):
                text = str(data[key])
                break
    text = " ".join(text.split())
    return (text[:limit] + "…") if len(text) > limit else (text or "-")
