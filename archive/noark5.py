"""A council's year of published minutes as a Noark 5 (v5.0) arkivuttrekk.

The extract is a folder: `arkivstruktur.xml` beside `dokumenter/`, which holds the
frozen protocol PDF of each meeting. The structure:

    arkiv (the council)
      arkivskaper (its secretariat organisation)
      arkivdel (the year)
        mappe xsi:type="moetemappe" (a published meeting), with moetedeltaker
          registrering xsi:type="moeteregistrering" «Møteprotokoll»
            dokumentbeskrivelse / dokumentobjekt: the PDF, with its SHA-256
          registrering xsi:type="moeteregistrering" per item («38/22»)
            skjerming, where the item is exempt (archive/exemptions.py)

Everything comes from the published versions (archive/published.py). Every
systemID is a UUID derived from the site's address and the object's place
(uuid5), so exporting the same year again gives the same identifiers; the dates are
the record's own (when a version was made and approved), so the same data gives the
same file (until the year ends and its arkivdel's status becomes «Avsluttet periode»).
"""

from __future__ import annotations

import datetime
import uuid
from pathlib import Path
from xml.etree import ElementTree as ET

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.errors import ArchiveError
from archive.exemptions import Exemption, item_exemption
from archive.published import PublishedMinutes, is_adopted
from council.models import Council
from minutes.document import Attendee, Item, MinutesDocument

NAMESPACE = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NAMESPACE} arkivstruktur.xsd"
STRUCTURE_FILE = "arkivstruktur.xml"
DOCUMENT_FOLDER = "dokumenter"

# The protocol is PDF/A-3a (minutes/pdf.py): PRONOM's identifier for it.
PDF_FORMAT = "fmt/479"
PDF_FORMAT_DETAILS = "PDF/A-3a"

ET.register_namespace("", NAMESPACE)
ET.register_namespace("xsi", XSI)


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _add(parent: ET.Element, name: str, text: object = None) -> ET.Element:
    element = ET.SubElement(parent, _tag(name))
    if text is not None:
        element.text = str(text)
    return element


def _typed(parent: ET.Element, name: str, xsi_type: str) -> ET.Element:
    element = _add(parent, name)
    element.set(f"{{{XSI}}}type", xsi_type)
    return element


def _moment(value: datetime.datetime) -> str:
    """An xs:dateTime in the site's zone, to the second."""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def _system_id(*parts: object) -> str:
    """A stable UUID for an object of the extract, from the site and its place."""
    name = "/".join([settings.SITE_URL, "noark5", *(str(p) for p in parts)])
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


class Extract:
    """One council's year, built from its published minutes."""

    def __init__(
        self,
        council: Council,
        year: int,
        published: list[PublishedMinutes],
        sizes: dict[str, int],
    ) -> None:
        self.council = council
        self.year = year
        self.published = published
        # Each PDF's size in bytes, by its file name in the extract.
        self.sizes = sizes
        secretariat = council.secretariat_organisation
        # Who made and archived the records: the council's secretariat.
        self.creator = secretariat.name if secretariat else council.name

    # The document ------------------------------------------------------------

    def structure(self) -> ET.ElementTree:
        created = min(self._created_at(p) for p in self.published)
        closed = max(self._approved_at(p) for p in self.published)
        council = self.council
        arkiv = ET.Element(_tag("arkiv"))
        arkiv.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
        _add(arkiv, "systemID", _system_id(council.slug))
        _add(arkiv, "tittel", council.name)
        _add(arkiv, "beskrivelse", f"Møtereferater fra {council.name}")
        _add(arkiv, "arkivstatus", "Avsluttet")
        _add(arkiv, "dokumentmedium", "Elektronisk arkiv")
        self._created_closed(arkiv, created, closed)
        arkivskaper = _add(arkiv, "arkivskaper")
        _add(arkivskaper, "arkivskaperID", council.slug)
        _add(arkivskaper, "arkivskaperNavn", self.creator)
        arkiv.append(self.arkivdel(created, closed))
        ET.indent(arkiv, space="  ")
        return ET.ElementTree(arkiv)

    def arkivdel(
        self, created: datetime.datetime, closed: datetime.datetime
    ) -> ET.Element:
        arkivdel = ET.Element(_tag("arkivdel"))
        _add(arkivdel, "systemID", _system_id(self.council.slug, self.year))
        _add(arkivdel, "tittel", f"Møtereferater {self.year}")
        ended = self.year < timezone.localdate().year
        status = "Avsluttet periode" if ended else "Aktiv periode"
        _add(arkivdel, "arkivdelstatus", status)
        _add(arkivdel, "dokumentmedium", "Elektronisk arkiv")
        self._created_closed(arkivdel, created, closed)
        _add(arkivdel, "arkivperiodeStartDato", datetime.date(self.year, 1, 1))
        _add(arkivdel, "arkivperiodeSluttDato", datetime.date(self.year, 12, 31))
        for published in self.published:
            arkivdel.append(self.moetemappe(published))
        return arkivdel

    def moetemappe(self, published: PublishedMinutes) -> ET.Element:
        document = published.document
        facts = document.meeting
        mappe = ET.Element(_tag("mappe"))
        mappe.set(f"{{{XSI}}}type", "moetemappe")
        _add(mappe, "systemID", self._meeting_id(published))
        _add(mappe, "mappeID", f"{facts.year}/{facts.number}")
        _add(mappe, "tittel", f"Møte {facts.number_label}")
        _add(mappe, "dokumentmedium", "Elektronisk arkiv")
        self._created_closed(
            mappe, self._created_at(published), self._approved_at(published)
        )
        mappe.append(self.protocol(published))
        for item in document.items:
            mappe.append(self.moeteregistrering(published, item))
        _add(mappe, "moetenummer", facts.number_label)
        _add(mappe, "utvalg", document.council.name)
        _add(mappe, "moetedato", facts.date.isoformat())
        if facts.venue:
            _add(mappe, "moetested", facts.venue)
        for name, function in participants(document):
            deltaker = _add(mappe, "moetedeltaker")
            _add(deltaker, "moetedeltakerNavn", name)
            if function:
                _add(deltaker, "moetedeltakerFunksjon", function)
        return mappe

    def protocol(self, published: PublishedMinutes) -> ET.Element:
        """The registration that carries the protocol PDF."""
        document = published.document
        facts = document.meeting
        approved = _moment(self._approved_at(published))
        title = (
            f"{document.council.document_title} – {document.council.name} – "
            f"Møte {facts.number_label}"
        )
        registrering = self._registrering(published, "protokoll")
        beskrivelse = _add(registrering, "dokumentbeskrivelse")
        _add(beskrivelse, "systemID", self._meeting_id(published, "protokoll", "pdf"))
        _add(beskrivelse, "dokumenttype", "Møteprotokoll")
        _add(beskrivelse, "dokumentstatus", "Dokumentet er ferdigstilt")
        _add(beskrivelse, "tittel", title)
        _add(beskrivelse, "opprettetDato", approved)
        _add(beskrivelse, "opprettetAv", self.creator)
        _add(beskrivelse, "dokumentmedium", "Elektronisk arkiv")
        _add(beskrivelse, "tilknyttetRegistreringSom", "Hoveddokument")
        _add(beskrivelse, "dokumentnummer", 1)
        _add(beskrivelse, "tilknyttetDato", approved)
        _add(beskrivelse, "tilknyttetAv", self.creator)
        objekt = _add(beskrivelse, "dokumentobjekt")
        _add(objekt, "systemID", self._meeting_id(published, "protokoll", "fil"))
        _add(objekt, "versjonsnummer", published.version.number)
        _add(objekt, "variantformat", "Arkivformat")
        _add(objekt, "format", PDF_FORMAT)
        _add(objekt, "formatDetaljer", PDF_FORMAT_DETAILS)
        _add(objekt, "opprettetDato", approved)
        _add(objekt, "opprettetAv", self.creator)
        path = f"{DOCUMENT_FOLDER}/{published.pdf_filename}"
        _add(objekt, "referanseDokumentfil", path)
        _add(objekt, "sjekksum", published.pdf.sha256)
        _add(objekt, "sjekksumAlgoritme", "SHA256")
        _add(objekt, "filstoerrelse", self.sizes[published.pdf_filename])
        # The registration's own fields follow its documents (the schema's order).
        _add(registrering, "registreringsID", facts.number_label)
        _add(registrering, "tittel", title)
        _add(registrering, "dokumentmedium", "Elektronisk arkiv")
        self._meeting_registration_fields(
            registrering, document, kind="Møteprotokoll", item_kind=""
        )
        return registrering

    def moeteregistrering(self, published: PublishedMinutes, item: Item) -> ET.Element:
        """One item («sak 38/22»): title, what was said, the decision."""
        exemption = item_exemption(item)
        # Cases keep the place they always had; other series are kept apart (their
        # numbers repeat the cases').
        place = ("sak",) if item.series == "case" else ("sak", item.series)
        registrering = self._registrering(
            published, *place, item.number, exemption=exemption
        )
        _add(registrering, "registreringsID", item.number_label)
        _add(registrering, "tittel", item.title)
        if exemption and exemption.public_title:
            _add(registrering, "offentligTittel", exemption.public_title)
        description = item_description(item)
        if description:
            _add(registrering, "beskrivelse", description)
        _add(registrering, "dokumentmedium", "Elektronisk arkiv")
        self._meeting_registration_fields(
            registrering,
            published.document,
            kind="Vedtak"
            if item.decision and is_adopted(item.decision)
            else "Saksframlegg",
            item_kind=item.kind_label,
        )
        return registrering

    # Parts ---------------------------------------------------------------------

    def _registrering(
        self,
        published: PublishedMinutes,
        *place: object,
        exemption: Exemption | None = None,
    ) -> ET.Element:
        """A moeteregistrering's opening fields, up to its documents."""
        registrering = ET.Element(_tag("registrering"))
        registrering.set(f"{{{XSI}}}type", "moeteregistrering")
        _add(registrering, "systemID", self._meeting_id(published, *place))
        _add(registrering, "opprettetDato", _moment(self._created_at(published)))
        _add(registrering, "opprettetAv", self.creator)
        _add(registrering, "arkivertDato", _moment(self._approved_at(published)))
        _add(registrering, "arkivertAv", self.creator)
        if exemption is not None:
            registrering.append(skjerming(exemption))
        return registrering

    def _meeting_registration_fields(
        self,
        registrering: ET.Element,
        document: MinutesDocument,
        *,
        kind: str,
        item_kind: str,
    ) -> None:
        _add(registrering, "moeteregistreringstype", kind)
        if item_kind:
            _add(registrering, "moetesakstype", item_kind)
        _add(registrering, "administrativEnhet", self.creator)
        _add(
            registrering,
            "saksbehandler",
            document.meeting.minute_taker or self.creator,
        )

    def _created_closed(
        self,
        element: ET.Element,
        created: datetime.datetime,
        closed: datetime.datetime,
    ) -> None:
        _add(element, "opprettetDato", _moment(created))
        _add(element, "opprettetAv", self.creator)
        _add(element, "avsluttetDato", _moment(closed))
        _add(element, "avsluttetAv", self.creator)

    def _meeting_id(self, published: PublishedMinutes, *place: object) -> str:
        facts = published.document.meeting
        return _system_id(self.council.slug, facts.year, facts.number, *place)

    @staticmethod
    def _approved_at(published: PublishedMinutes) -> datetime.datetime:
        return published.version.approved_at or published.version.created_at

    @classmethod
    def _created_at(cls, published: PublishedMinutes) -> datetime.datetime:
        """When the version was made; for past minutes brought in later, no later
        than their approval."""
        return min(published.version.created_at, cls._approved_at(published))


def skjerming(exemption: Exemption) -> ET.Element:
    """Noark 5 `skjerming`: the restriction, its legal basis and what it covers."""
    element = ET.Element(_tag("skjerming"))
    _add(element, "tilgangsrestriksjon", exemption.restriction)
    _add(element, "skjermingshjemmel", exemption.legal_basis)
    for field in exemption.fields or ("beskrivelse",):
        _add(element, "skjermingMetadata", field)
    return element


def item_description(item: Item) -> str:
    """The item as text: presenters, body, inputs and the decision with its label."""
    parts = []
    if item.presenters:
        parts.append(item.presenters)
    if item.body:
        parts.append(item.body)
    if item.inputs:
        lines = []
        for entry in item.inputs:
            lines.append(_input_line(entry.text, entry.attributed_to, "- "))
            lines.extend(
                _input_line(child.text, child.attributed_to, "  - ")
                for child in entry.children
            )
        parts.append("\n".join(lines))
    if item.decision:
        parts.append(f"{item.decision.label}:\n{item.decision.text}")
    return "\n\n".join(part.strip() for part in parts if part.strip())


def _input_line(text: str, attributed_to: str, bullet: str) -> str:
    return f"{bullet}{attributed_to}: {text}" if attributed_to else f"{bullet}{text}"


def participants(document: MinutesDocument) -> list[tuple[str, str]]:
    """Who took part, with their function: members present, substitutes, the
    secretariat, guests and officials; chair and minute taker named as such."""

    def function(person: Attendee, role: str) -> str:
        roles = []
        if person.name == document.meeting.chair:
            roles.append("Møteleder")
        if person.name == document.meeting.minute_taker:
            roles.append("Referent")
        label = ", ".join([*roles, role])
        if person.organisation:
            label += f" ({person.organisation})"
        if person.partial_note:
            label += f", {person.partial_note}"
        return label

    rows = [(p.name, function(p, "Medlem")) for p in document.members_present]
    rows += [
        (
            s.substitute,
            f"Stedfortreder for {s.member}"
            + (f" ({s.organisation})" if s.organisation else ""),
        )
        for s in document.substitutes
    ]
    rows += [(p.name, function(p, "Sekretariat")) for p in document.secretariat]
    rows += [(p.name, function(p, "Gjest")) for p in document.guests]
    rows += [(p.name, function(p, "Fra administrasjonen")) for p in document.officials]
    return rows


# Writing -------------------------------------------------------------------------


def write_extract(
    council: Council, year: int, published: list[PublishedMinutes], directory: Path
) -> Path:
    """Write the extract into `directory` (made if missing; refused if it already
    holds one). Returns the path of arkivstruktur.xml."""
    directory = Path(directory)
    target = directory / STRUCTURE_FILE
    if target.exists():
        raise ArchiveError(
            _("%(dir)s har allerede et arkivuttrekk; velg en tom mappe.")
            % {"dir": directory}
        )
    # Read (and check) every PDF before writing anything.
    files = {p.pdf_filename: p.pdf.read() for p in published}
    documents = directory / DOCUMENT_FOLDER
    try:
        documents.mkdir(parents=True, exist_ok=True)
        for name, content in files.items():
            (documents / name).write_bytes(content)
        sizes = {name: len(content) for name, content in files.items()}
        tree = Extract(council, year, published, sizes).structure()
        tree.write(target, encoding="utf-8", xml_declaration=True)
    except OSError as error:
        raise ArchiveError(
            _("Kunne ikke skrive arkivuttrekket til %(dir)s: %(reason)s")
            % {"dir": directory, "reason": error.strerror or error}
        ) from None
    return target
