"""The minutes document: the one shape of a meeting's minutes.

An immutable tree (meeting facts, attendance, secretariat, items with their inputs and
decision, attachments, approval), built `from_rows(meeting)` for a draft and
`from_snapshot(version)` for a version as it was frozen. `to_snapshot()` is its only
serialisation: the stored version JSON, the PDF's embedded referat.json and the API's
minutes all use it, and `minutes/schemas/referat.schema.json` documents it.

Everything the public reads comes from the snapshot of the latest published version
(minutes/public.py), so renaming an organisation or editing a correction changes
nothing public until the correction is published.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from council.models import Membership
from minutes import wording
from minutes.exemptions import exempt_text, neutral_title
from minutes.models import (
    INPUTS_HEADING,
    AgendaItem,
    Attachment,
    Attendance,
    Disqualification,
    Input,
    Meeting,
    Minutes,
    MinutesVersion,
    ProtocolEntry,
    Vote,
    input_tree,
    item_anchor,
    item_cited_label,
    item_permalink,
    item_reference,
)

SNAPSHOT_FORMAT = "referat/2"
# The JSON Schema that documents to_snapshot(); tests validate against it.
SCHEMA_PATH = Path(__file__).resolve().parent / "schemas" / "referat.schema.json"
# Versions stored before the document had a schema of its own; they read the same.
LEGACY_FORMATS = ("referatversjon/1",)


def _time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


@dataclass(frozen=True)
class Attendee:
    """One line of the attendance list: «Lilly Ann Elvestad (FFO) – fra kl. 12»,
    «Line Leder (Ap), leder»."""

    name: str
    organisation: str = ""
    partial_note: str = ""
    # The member's function where it is more than «medlem» («leder», «nestleder»,
    # «varamedlem», «observatør»), the party they sit for, and their attendance
    # status (Attendance.Status). Versions stored before these existed lack them.
    function: str = ""
    party: str = ""
    status: str = ""

    @property
    def line(self) -> str:
        line = self.name
        represents = self.party or self.organisation
        if represents:
            line += f" ({represents})"
        if self.function:
            line += f", {self.function}"
        if self.partial_note:
            line += f" – {self.partial_note}"
        return line


@dataclass(frozen=True)
class Substitution:
    """«Kari Nordmann for Ola Nordmann (KS)»: someone stood in for an absent member;
    «Vera Vara møtte for Cato Fri (H)» when that someone is the council's deputy."""

    substitute: str
    member: str
    organisation: str = ""
    # The absent member's party, and whether the substitute is one of the council's
    # deputies (varamedlem). Versions stored before these existed lack them.
    party: str = ""
    is_deputy: bool = False

    @property
    def line(self) -> str:
        names = {"substitute": self.substitute, "member": self.member}
        if self.is_deputy:
            line = _("%(substitute)s møtte for %(member)s") % names
        else:
            line = _("%(substitute)s for %(member)s") % names
        represents = self.party or self.organisation
        return f"{line} ({represents})" if represents else line


# Attendance statuses (Attendance.Status) as the document keeps them.
PRESENT, LEFT = "present", "left"
NOTIFIED_ABSENCE, NO_SHOW, ABSENT = "notified_absence", "no_show", "absent"


@dataclass(frozen=True)
class SubInput:
    id: int
    text: str
    attributed_to: str = ""
    # The legal basis when exempt from the public (minutes/exemptions.py).
    exemption: str = ""


@dataclass(frozen=True)
class InputEntry:
    """One bullet under «Følgende innspill …», with its sub-bullets."""

    id: int
    text: str
    attributed_to: str = ""
    # The organisation's address on the public site, when the input is attributed
    # to an organisation («alle innspill fra …»).
    organisation_slug: str = ""
    is_written: bool = False
    children: tuple[SubInput, ...] = ()
    exemption: str = ""


@dataclass(frozen=True)
class DecisionText:
    """The decision as the minutes print it: «Vedtak», «Oppdatert vedtak» or the
    proposal, with the proposal kept beside it."""

    label: str
    text: str
    proposed_text: str = ""
    exemption: str = ""


@dataclass(frozen=True)
class AttachmentRef:
    id: int
    title: str
    is_public: bool = True
    size: int = 0
    exemption: str = ""


def _with_party(name: str, party: str) -> str:
    return f"{name} ({party})" if name and party else name


@dataclass(frozen=True)
class VoteRecord:
    """How a proposal was decided: «Enstemmig vedtatt.», «Vedtatt med 5 mot 2
    stemmer. Mot stemte: …», «Forkastet med 2 mot 5 stemmer.» (Vote.Outcome)."""

    outcome: str
    subject: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    votes_blank: int | None = None
    against_names: str = ""

    @property
    def line(self) -> str:
        counts = {"for": self.votes_for, "against": self.votes_against}
        if self.outcome == "unanimous":
            line = _("Enstemmig vedtatt.")
        elif self.outcome == "unanimously_rejected":
            line = _("Enstemmig forkastet.")
        elif self.votes_for == self.votes_against:
            # A tie is decided by the chair's casting vote (kommuneloven § 11-9).
            if self.outcome == "rejected":
                line = _(
                    "Forkastet med %(for)s mot %(against)s stemmer, med møteleders "
                    "dobbeltstemme."
                )
            else:
                line = _(
                    "Vedtatt med %(for)s mot %(against)s stemmer, med møteleders "
                    "dobbeltstemme."
                )
            line %= counts
        elif self.outcome == "rejected":
            line = _("Forkastet med %(for)s mot %(against)s stemmer.") % counts
        else:
            line = _("Vedtatt med %(for)s mot %(against)s stemmer.") % counts
        if self.votes_blank:
            line += " " + ngettext(
                "%(n)s stemte blankt.", "%(n)s stemte blankt.", self.votes_blank
            ) % {"n": self.votes_blank}
        if self.against_names:
            line += " " + _("Mot stemte: %(names)s.") % {
                "names": self.against_names.rstrip(".")
            }
        if self.subject:
            line = f"{self.subject}: {line}"
        return line


@dataclass(frozen=True)
class ProtocolEntryRecord:
    """A statement entered in the minutes at a member's request."""

    by: str
    text: str


@dataclass(frozen=True)
class DisqualificationRecord:
    """«Kari Hansen (Sp) ble erklært inhabil etter forvaltningsloven § 6 første
    ledd bokstav a og fratrådte under behandlingen av saken. Per Vara (Sp)
    tiltrådte.»"""

    person: str
    basis: str
    substitute: str = ""

    @property
    def line(self) -> str:
        line = _(
            "%(person)s ble erklært inhabil etter %(basis)s og fratrådte under "
            "behandlingen av saken."
        ) % {"person": self.person, "basis": self.basis}
        if self.substitute:
            line += " " + _("%(substitute)s tiltrådte.") % {
                "substitute": self.substitute
            }
        return line


@dataclass(frozen=True)
class ItemRef:
    """Another item by its numbers: sak «14/24» of møte «3/2024»."""

    item: str
    meeting: str


@dataclass(frozen=True)
class Item:
    """An agenda item (sak) with everything the minutes record under it."""

    id: int
    number: int
    year: int
    number_label: str
    title: str
    kind: str = ""
    kind_label: str = ""
    # The number series (AgendaItem.series): "case", "report" or "procedural";
    # versions stored before series existed hold cases only.
    series: str = "case"
    is_late_addition: bool = False
    archive_reference: str = ""
    presenters: str = ""
    body: str = ""
    inputs: tuple[InputEntry, ...] = ()
    decision: DecisionText | None = None
    attachments: tuple[AttachmentRef, ...] = ()
    # The meeting whose minutes this item approves, as (year, number).
    approves_minutes_of: tuple[int, int] | None = None
    # Exempt from the public: "body" or "whole" (title too), with the legal basis.
    exemption_scope: str = ""
    exemption: str = ""
    # The type the meeting handled it as, where it differs from the planned `kind`
    # (the summons prints only the planned one).
    handled_kind: str = ""
    handled_kind_label: str = ""
    # Postponed (utsatt), with the reason, and the item it was carried to; or the
    # postponed item this one was carried from.
    is_postponed: bool = False
    postponed_reason: str = ""
    postponed_to: ItemRef | None = None
    postponed_from: ItemRef | None = None

    @property
    def kind_line(self) -> str:
        """«Orientering – behandlet som til uttalelse», or the planned type."""
        if not self.handled_kind_label:
            return self.kind_label
        handled = self.handled_kind_label
        if handled[:1].isupper() and handled[1:2].islower():
            handled = handled[:1].lower() + handled[1:]
        if not self.kind_label:
            return _("Behandlet som %(handled)s") % {"handled": handled}
        return _("%(planned)s – behandlet som %(handled)s") % {
            "planned": self.kind_label,
            "handled": handled,
        }

    @property
    def postponed_line(self) -> str:
        """«Saken ble utsatt. Begrunnelse: …» and where it went."""
        if not self.is_postponed:
            return ""
        line = _("Saken ble utsatt.")
        if self.postponed_reason:
            reason = self.postponed_reason.rstrip(".")
            line += " " + _("Begrunnelse: %(reason)s.") % {"reason": reason}
        if self.postponed_to:
            line += " " + _("Utsatt til %(item)s (møte %(meeting)s).") % {
                "item": item_reference(self.postponed_to.item),
                "meeting": self.postponed_to.meeting,
            }
        return line

    @property
    def postponed_from_line(self) -> str:
        """«Utsatt fra sak 14/24 (møte 3/2024).»"""
        if not self.postponed_from:
            return ""
        return _("Utsatt fra %(item)s (møte %(meeting)s).") % {
            "item": item_reference(self.postponed_from.item),
            "meeting": self.postponed_from.meeting,
        }

    # The formal elements (votering, protokolltilførsel, inhabilitet); versions
    # stored before these existed lack them.
    votes: tuple[VoteRecord, ...] = ()
    protocol_entries: tuple[ProtocolEntryRecord, ...] = ()
    disqualifications: tuple[DisqualificationRecord, ...] = ()

    @property
    def cited_label(self) -> str:
        """«Sak 38/22» for a plain number; a prefixed one stands alone: «PS 14/24»,
        «RS 3/24», «Pkt. 1»."""
        return item_cited_label(self.number_label)

    @property
    def reference(self) -> str:
        """The item inside a sentence: «sak 38/22», «PS 14/24»."""
        return item_reference(self.number_label)

    @property
    def anchor(self) -> str:
        """«sak-38» (as always for cases), «rs-3», «pkt-1»."""
        return item_anchor(series=self.series, number=self.number)

    @property
    def all_inputs(self) -> list[InputEntry | SubInput]:
        """Inputs and their sub-inputs, in reading order."""
        flat: list[InputEntry | SubInput] = []
        for entry in self.inputs:
            flat.append(entry)
            flat.extend(entry.children)
        return flat


@dataclass(frozen=True)
class MeetingFacts:
    id: int
    number: int
    year: int
    date: datetime.date
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    venue: str = ""
    chair: str = ""
    minute_taker: str = ""
    quorum_present: int | None = None

    @property
    def number_label(self) -> str:
        return f"{self.number}/{self.year}"

    @property
    def title(self) -> str:
        return _("Møte %(number)s") % {"number": self.number_label}


@dataclass(frozen=True)
class CouncilFacts:
    name: str
    slug: str
    secretariat_organisation: str = ""
    # The council's wording, kept so a frozen version prints as it was: what it
    # calls the minutes (minutes/wording.py), its heading over the inputs (empty:
    # the standard one), and whether who an input came from is printed with it.
    # Versions stored before these existed read with the defaults.
    document_name: str = wording.MINUTES
    inputs_heading: str = ""
    prints_speakers: bool = False
    # Whether the minutes say if the meeting was quorate (Council.states_quorum).
    states_quorum: bool = False

    @property
    def document_title(self) -> str:
        """«Referat» or «Protokoll»."""
        return wording.phrase(self.document_name, "name")

    @property
    def agenda_heading(self) -> str:
        """The agenda table's heading: «Agenda Nasjonalt e-helseråd», «Saksliste»."""
        return wording.phrase(self.document_name, "agenda") % {"council": self.name}

    @property
    def heading(self) -> str:
        """«Referat fra møte i …», «Protokoll fra møte i …»."""
        return wording.phrase(self.document_name, "heading") % {"council": self.name}

    @property
    def inputs_heading_text(self) -> str:
        return self.inputs_heading or str(INPUTS_HEADING)


@dataclass(frozen=True)
class Approval:
    """When and how the minutes were approved."""

    approved_at: datetime.datetime
    method: str = ""
    # The approving item («39/22») and its meeting («1/2023»), when approved at one.
    item: str = ""
    item_meeting: str = ""

    @property
    def item_reference(self) -> str:
        """The approving item inside a sentence: «sak 2/23», «PS 10/24»."""
        return item_reference(self.item) if self.item else ""

    @property
    def line(self) -> str:
        """«Referatet ble godkjent 12. januar 2023 i sak 2/23 (møte 1/2023).»"""
        return self.text_for(wording.MINUTES)

    def text_for(self, document_name: str) -> str:
        """The line in the council's words: «Protokollen ble godkjent …»."""
        when = date_format(timezone.localtime(self.approved_at), "j. F Y")
        if self.item:
            return wording.phrase(document_name, "approved_in_item") % {
                "date": when,
                "item": self.item_reference,
                "meeting": self.item_meeting,
            }
        if self.method == Minutes.ApprovalMethod.ONLINE:
            return wording.phrase(document_name, "approved_online") % {"date": when}
        return wording.phrase(document_name, "approved") % {"date": when}


@dataclass(frozen=True)
class Correction:
    """A correction the approving meeting made to the minutes («Referatet endres i
    tråd med dette»): the note, and the approving item and its meeting."""

    note: str
    item: str = ""
    item_meeting: str = ""

    @property
    def line(self) -> str:
        """«Referatet er rettet etter vedtak i sak 2/24 (møte 4/2024): …»"""
        return self.text_for(wording.MINUTES)

    def text_for(self, document_name: str) -> str:
        """The note in the council's words: «Protokollen er rettet …»."""
        note = self.note.rstrip(".")
        if self.item:
            return wording.phrase(document_name, "corrected_in_item") % {
                "item": item_reference(self.item),
                "meeting": self.item_meeting,
                "note": note,
            }
        return wording.phrase(document_name, "corrected") % {"note": note}


def correction_snapshot(*, note: str, item: AgendaItem | None) -> dict[str, Any]:
    """The correction as a version's snapshot keeps it (MinutesDocument.correction)."""
    correction = Correction(
        note=note,
        item=item.number_label if item else "",
        item_meeting=item.meeting.number_label if item else "",
    )
    document_name = item.council.document_name if item else wording.MINUTES
    return {**_plain(correction), "text": correction.text_for(document_name)}


@dataclass(frozen=True)
class MinutesDocument:
    """Everything one meeting's minutes show, in reading order."""

    council: CouncilFacts
    meeting: MeetingFacts
    status: str = ""
    version: int | None = None
    approval: Approval | None = None
    members_present: tuple[Attendee, ...] = ()
    members_absent: tuple[Attendee, ...] = ()
    substitutes: tuple[Substitution, ...] = ()
    secretariat: tuple[Attendee, ...] = ()
    guests: tuple[Attendee, ...] = ()
    officials: tuple[Attendee, ...] = ()
    items: tuple[Item, ...] = ()
    attachments: tuple[AttachmentRef, ...] = ()
    # True for the public version (exempt text replaced), False for the full record.
    public_version: bool = False
    # A correction made when the minutes were approved, printed under the approval.
    correction: Correction | None = None

    # Reading ---------------------------------------------------------------------

    def attendance_rows(self) -> list[tuple[str, list[str]]]:
        """The members table as the minutes print it: (heading, lines), in order.

        Each status under its own heading: present, left during the meeting,
        meldt forfall, ikke møtt, and «Ikke til stede» for an absence recorded
        without saying which (and every absence in versions stored before the
        statuses were kept apart); then deputies called in, other substitutes,
        guests, officials and the secretariat.
        """

        def lines(people) -> list[str]:
            return [person.line for person in people]

        def having(people, *statuses) -> list[str]:
            return lines(p for p in people if p.status in statuses)

        present, absent = self.members_present, self.members_absent
        rows = [
            (_("Til stede"), having(present, PRESENT, "")),
            (_("Forlot møtet"), having(present, LEFT)),
            (_("Meldt forfall"), having(absent, NOTIFIED_ABSENCE)),
            (_("Ikke møtt"), having(absent, NO_SHOW)),
            (_("Ikke til stede"), having(absent, ABSENT, "")),
            (
                _("Varamedlemmer"),
                [s.line for s in self.substitutes if s.is_deputy],
            ),
            (
                _("Stedfortreder"),
                [s.line for s in self.substitutes if not s.is_deputy],
            ),
            (_("I tillegg møtte"), lines(self.guests)),
            (_("Fra administrasjonen"), lines(self.officials)),
            (
                self.council.secretariat_organisation or _("Sekretariat"),
                [
                    a.name + (f" – {a.partial_note}" if a.partial_note else "")
                    for a in self.secretariat
                ],
            ),
        ]
        # «Til stede» always shows, as in the council's own minutes.
        return [row for index, row in enumerate(rows) if index == 0 or row[1]]

    @property
    def attendance_count(self) -> dict[str, int]:
        """How many members attended and how many did not, and why; substitutes
        count among those present."""
        absent = [a.status or ABSENT for a in self.members_absent]
        deputies = sum(1 for s in self.substitutes if s.is_deputy)
        return {
            "present": len(self.members_present) + len(self.substitutes),
            "left": sum(1 for a in self.members_present if a.status == LEFT),
            "notified_absence": absent.count(NOTIFIED_ABSENCE),
            "no_show": absent.count(NO_SHOW),
            "absent": absent.count(ABSENT),
            "deputies": deputies,
            "substitutes": len(self.substitutes) - deputies,
        }

    @property
    def attendance_count_line(self) -> str:
        """«7 til stede. Ett forfall. Ett varamedlem møtte.», from the lists;
        empty when no member is recorded."""
        if not (self.members_present or self.members_absent):
            return ""
        count = self.attendance_count
        phrases = [
            ("present", lambda n: ngettext("%(n)s til stede.", "%(n)s til stede.", n)),
            (
                "notified_absence",
                lambda n: ngettext("Ett forfall.", "%(n)s forfall.", n),
            ),
            (
                "no_show",
                lambda n: ngettext(
                    "Ett medlem møtte ikke.", "%(n)s medlemmer møtte ikke.", n
                ),
            ),
            (
                "absent",
                lambda n: ngettext(
                    "Ett medlem ikke til stede.", "%(n)s medlemmer ikke til stede.", n
                ),
            ),
            (
                "left",
                lambda n: ngettext(
                    "Ett medlem forlot møtet.", "%(n)s medlemmer forlot møtet.", n
                ),
            ),
            (
                "deputies",
                lambda n: ngettext(
                    "Ett varamedlem møtte.", "%(n)s varamedlemmer møtte.", n
                ),
            ),
            (
                "substitutes",
                lambda n: ngettext(
                    "Én stedfortreder møtte.", "%(n)s stedfortredere møtte.", n
                ),
            ),
        ]
        return " ".join(
            phrase(count[key]) % {"n": count[key]}
            for key, phrase in phrases
            if count[key] or key == "present"
        )

    @property
    def quorum_line(self) -> str:
        """«Møtet var vedtaksført: 7 av 8 medlemmer til stede.», where the council
        states it: at least half the seats taken, by members or those standing in
        for them (kommuneloven § 11-9). Empty when no member is recorded."""
        seats = len(self.members_present) + len(self.members_absent)
        if not self.council.states_quorum or not seats:
            return ""
        present = self.attendance_count["present"]
        values = {"present": present, "seats": seats}
        if 2 * present >= seats:
            return (
                _(
                    "Møtet var vedtaksført: %(present)s av %(seats)s medlemmer til "
                    "stede."
                )
                % values
            )
        return (
            _(
                "Møtet var ikke vedtaksført: %(present)s av %(seats)s medlemmer "
                "til stede."
            )
            % values
        )

    def item(self, number: int, series: str = "case") -> Item | None:
        """The item numbered `number` in a series (cases unless told)."""
        return next(
            (
                item
                for item in self.items
                if item.number == number and item.series == series
            ),
            None,
        )

    @property
    def download_label(self) -> str:
        """«Last ned protokollen fra Møte 3/2024 (PDF/A)»."""
        return wording.phrase(self.council.document_name, "download") % {
            "title": self.meeting.title
        }

    @property
    def correction_line(self) -> str:
        """The correction made at approval, in the council's words; or empty."""
        if self.correction is None:
            return ""
        return self.correction.text_for(self.council.document_name)

    @property
    def approval_line(self) -> str:
        """The approval as printed, in the council's words; empty when none."""
        if self.approval is None:
            return ""
        return self.approval.text_for(self.council.document_name)

    def item_url(self, item: Item) -> str:
        """The item's public address (its series decides: a case, a report, or a
        procedural point of this meeting)."""
        return item_permalink(
            council_slug=self.council.slug,
            series=item.series,
            year=item.year,
            number=item.number,
            meeting_year=self.meeting.year,
            meeting_number=self.meeting.number,
        )

    @property
    def has_prefixed_numbers(self) -> bool:
        """Whether any item is numbered with a prefix («PS 14/24», «Pkt. 1»): the
        PDF then gives the numbers a wider column."""
        return any(not item.number_label[:1].isdigit() for item in self.items)

    @property
    def has_exemptions(self) -> bool:
        """Whether anything is exempt from the public (then the public PDF differs
        from the full record)."""
        return any(
            item.exemption
            or (item.decision and item.decision.exemption)
            or any(entry.exemption for entry in item.all_inputs)
            or any(ref.exemption for ref in item.attachments)
            for item in self.items
        ) or any(ref.exemption for ref in self.attachments)

    def public(self) -> MinutesDocument:
        """What the public may read: internal papers left out, and exempt content
        (offentleglova, minutes/exemptions.py) replaced by «Unntatt offentlighet,
        jf. <hjemmel>», with a neutral title where the title is exempt too. The one
        place this rule is applied: every public path reads this document."""
        return dataclasses.replace(
            self,
            items=tuple(_public_item(item) for item in self.items),
            attachments=_public_papers(self.attachments),
            public_version=True,
        )

    def with_approval(self, version: MinutesVersion) -> MinutesDocument:
        """The document with the approval recorded on the version that holds it."""
        if version.approved_at is None:
            return self
        item = version.approved_by_item if version.approved_by_item_id else None
        approval = Approval(
            approved_at=version.approved_at,
            method=version.approval_method,
            item=item.number_label if item else "",
            item_meeting=item.meeting.number_label if item else "",
        )
        return dataclasses.replace(self, approval=approval)

    # Building --------------------------------------------------------------------

    @classmethod
    def from_rows(cls, meeting: Meeting, *, with_state: bool = True) -> MinutesDocument:
        """The minutes as they stand in the database: a draft, or frozen minutes.

        Seven queries, however large the meeting: attendance, attachments, items with
        decisions, inputs, votes, statements for the record and disqualifications
        (and the parties of the people these name, when they name someone; the
        approving item, once approved; the deputies among the substitutes, when
        someone stood in). Without `with_state` the status, version and approval
        stay empty: a stored version's state lives on its own row.
        """
        attendances = list(
            Attendance.objects.filter(meeting=meeting)
            .select_related(
                "person",
                "person__organisation",
                "organisation",
                "membership__organisation",
                "substitute",
            )
            .order_by("order", "id")
        )
        attachments = list(
            Attachment.objects.filter(meeting=meeting).order_by("order", "id")
        )
        inputs = Input.objects.select_related(
            "organisation", "sector", "person"
        ).order_by("order", "id")
        items = list(
            AgendaItem.objects.filter(meeting=meeting)
            .select_related(
                "decision",
                "council",
                "approves_minutes_of",
                "postponed_from__meeting",
            )
            .prefetch_related(Prefetch("inputs", queryset=inputs), *FORMAL_PREFETCH)
            .order_by("order", "number")
        )
        # Where the postponed items went (one query, only when any was postponed).
        postponed = [item.pk for item in items if item.is_postponed]
        carried = (
            {
                row.postponed_from_id: row
                for row in AgendaItem.objects.filter(
                    postponed_from_id__in=postponed
                ).select_related("meeting")
            }
            if postponed
            else {}
        )
        council = meeting.council
        try:
            minutes = meeting.minutes
        except Minutes.DoesNotExist:
            minutes = None
        if not with_state:
            minutes = None
        members = [a for a in attendances if a.role == Attendance.Role.MEMBER]
        substitute_ids = {a.substitute_id for a in members if a.substitute_id}
        # A deputy is listed only when called in, and then once: as the substitute
        # of the member they stood in for.
        members = [
            a
            for a in members
            if a.person_id not in substitute_ids
            and (
                a.is_present
                or a.membership is None
                or a.membership.role != Membership.Role.DEPUTY
            )
        ]
        deputy_ids = (
            set(
                Membership.objects.active_on(meeting.date)
                .filter(
                    council_id=meeting.council_id,
                    role=Membership.Role.DEPUTY,
                    person_id__in=substitute_ids,
                )
                .values_list("person_id", flat=True)
            )
            if substitute_ids
            else set()
        )

        parties = _formal_parties(meeting, items)

        def by_role(role: str) -> tuple[Attendee, ...]:
            return tuple(_attendee(a) for a in attendances if a.role == role)

        secretariat = council.secretariat_organisation
        return cls(
            council=CouncilFacts(
                name=council.name,
                slug=council.slug,
                secretariat_organisation=secretariat.name if secretariat else "",
                document_name=council.document_name,
                inputs_heading=council.inputs_heading.strip(),
                prints_speakers=council.prints_speakers,
                states_quorum=council.states_quorum,
            ),
            meeting=MeetingFacts(
                id=meeting.pk,
                number=meeting.number,
                year=meeting.year,
                date=meeting.date,
                start_time=meeting.start_time,
                end_time=meeting.end_time,
                venue=meeting.venue,
                chair=meeting.chair.name if meeting.chair else "",
                minute_taker=meeting.minute_taker.name if meeting.minute_taker else "",
                quorum_present=meeting.quorum_present,
            ),
            status=minutes.status if minutes else "",
            version=minutes.version if minutes else None,
            approval=_approval(minutes),
            members_present=tuple(_attendee(a) for a in members if a.is_present),
            members_absent=tuple(_attendee(a) for a in members if not a.is_present),
            substitutes=tuple(
                Substitution(
                    substitute=a.substitute.name,
                    member=a.person.name,
                    organisation=_organisation_name(a),
                    party=a.membership.party if a.membership else "",
                    is_deputy=a.substitute_id in deputy_ids,
                )
                for a in members
                if a.substitute_id
            ),
            secretariat=by_role(Attendance.Role.SECRETARIAT),
            guests=by_role(Attendance.Role.GUEST),
            officials=by_role(Attendance.Role.OFFICIAL),
            items=tuple(
                _item(
                    item,
                    [a for a in attachments if a.item_id == item.pk],
                    council,
                    carried_to=carried.get(item.pk),
                    parties=parties,
                )
                for item in items
            ),
            attachments=tuple(_attachment(a) for a in attachments if a.item_id is None),
            correction=_correction(minutes),
        )

    @classmethod
    def from_snapshot(
        cls, content: dict[str, Any], *, version: MinutesVersion | None = None
    ) -> MinutesDocument:
        """A frozen copy read back; with `version`, its number, state and approval."""
        meeting = content["meeting"]
        document = cls(
            council=_build(CouncilFacts, content["council"]),
            meeting=_build(
                MeetingFacts,
                meeting,
                date=datetime.date.fromisoformat(meeting["date"]),
                start_time=_time(meeting.get("start_time")),
                end_time=_time(meeting.get("end_time")),
            ),
            status=content.get("status") or "",
            version=content.get("version"),
            approval=_approval_from_snapshot(content.get("approval")),
            members_present=_many(Attendee, content["members_present"]),
            members_absent=_many(Attendee, content["members_absent"]),
            substitutes=_many(Substitution, content["substitutes"]),
            secretariat=_many(Attendee, content["secretariat"]),
            guests=_many(Attendee, content["guests"]),
            officials=_many(Attendee, content["officials"]),
            items=tuple(
                _item_from_snapshot(row, meeting["year"]) for row in content["items"]
            ),
            attachments=_attachments(content["attachments"]),
            public_version=bool(content.get("public_version")),
            correction=_build(Correction, content["correction"])
            if content.get("correction")
            else None,
        )
        if version is not None:
            document = dataclasses.replace(
                document, version=version.number, status=version.minutes.status
            ).with_approval(version)
        return document

    # Writing ---------------------------------------------------------------------

    def to_snapshot(self) -> dict[str, Any]:
        """The document as plain JSON data (minutes/schemas/referat.schema.json)."""
        data = _plain(self)
        data["meeting"]["number_label"] = self.meeting.number_label
        if self.approval:
            data["approval"]["text"] = self.approval_line
        data["status"] = str(self.status) or None
        # Derived from the lists, for readers of the JSON; read back from them.
        data["attendance_count"] = self.attendance_count
        data["attendance_count_line"] = self.attendance_count_line
        data["quorum_line"] = self.quorum_line
        if self.correction:
            data["correction"]["text"] = self.correction_line
        # The printed sentences of the formal elements, for readers of the JSON.
        for item, row in zip(self.items, data["items"], strict=True):
            row["kind_line"] = item.kind_line
            for record, plain in zip(item.votes, row["votes"], strict=True):
                plain["text"] = record.line
            for record, plain in zip(
                item.disqualifications, row["disqualifications"], strict=True
            ):
                plain["text"] = record.line
        return {"format": SNAPSHOT_FORMAT, **data}


# The public version ----------------------------------------------------------------


def _public_papers(refs: tuple[AttachmentRef, ...]) -> tuple[AttachmentRef, ...]:
    # An internal paper without a legal basis is a working paper: left out. One
    # with a basis is a withheld record: its place is shown, not its title.
    return tuple(
        ref
        if ref.is_public
        else AttachmentRef(
            id=0,
            title=exempt_text(ref.exemption),
            is_public=False,
            size=0,
            exemption=ref.exemption,
        )
        for ref in refs
        if ref.is_public or ref.exemption
    )


def _public_sub_input(entry: SubInput) -> SubInput:
    if not entry.exemption:
        return entry
    return SubInput(
        id=entry.id, text=exempt_text(entry.exemption), exemption=entry.exemption
    )


def _public_input(entry: InputEntry) -> InputEntry:
    if entry.exemption:
        return InputEntry(
            id=entry.id, text=exempt_text(entry.exemption), exemption=entry.exemption
        )
    return dataclasses.replace(
        entry, children=tuple(_public_sub_input(c) for c in entry.children)
    )


def _public_item(item: Item) -> Item:
    if item.exemption_scope == "whole":
        placeholder = exempt_text(item.exemption)
        return dataclasses.replace(
            item,
            title=neutral_title(),
            presenters="",
            body=placeholder,
            inputs=(),
            decision=None,
            attachments=(),
            votes=(),
            protocol_entries=(),
            disqualifications=(),
        )
    decision = item.decision
    if decision is not None and decision.exemption:
        decision = DecisionText(
            label=decision.label,
            text=exempt_text(decision.exemption),
            exemption=decision.exemption,
        )
    return dataclasses.replace(
        item,
        body=exempt_text(item.exemption)
        if item.exemption_scope == "body"
        else item.body,
        inputs=tuple(_public_input(entry) for entry in item.inputs),
        decision=decision,
        attachments=_public_papers(item.attachments),
    )


# Rows to document ----------------------------------------------------------------


def _organisation_name(attendance: Attendance) -> str:
    organisation = attendance.represented_organisation
    return organisation.name if organisation else ""


def _attendee(attendance: Attendance) -> Attendee:
    membership = attendance.membership if attendance.membership_id else None
    function = ""
    if membership is not None and membership.role != Membership.Role.MEMBER:
        function = str(Membership.Role(membership.role).label).lower()
    return Attendee(
        name=attendance.person.name,
        organisation=_organisation_name(attendance),
        partial_note=str(attendance.partial_note),
        function=function,
        party=membership.party if membership else "",
        status=attendance.status if attendance.role == Attendance.Role.MEMBER else "",
    )


def _attachment(attachment: Attachment) -> AttachmentRef:
    return AttachmentRef(
        id=attachment.pk,
        title=attachment.title,
        is_public=attachment.is_public,
        size=attachment.size,
        exemption=attachment.exemption_basis,
    )


def _ref(item: AgendaItem | None) -> ItemRef | None:
    if item is None:
        return None
    return ItemRef(item=item.number_label, meeting=item.meeting.number_label)


# The formal elements under each item, one query each (see formal_records).
FORMAL_PREFETCH = (
    Prefetch("votes", queryset=Vote.objects.order_by("order", "id")),
    Prefetch(
        "protocol_entries",
        queryset=ProtocolEntry.objects.select_related("person").order_by("order", "id"),
    ),
    Prefetch(
        "disqualifications",
        queryset=Disqualification.objects.select_related(
            "person", "substitute"
        ).order_by("order", "id"),
    ),
)


def _formal_parties(meeting: Meeting, items: list[AgendaItem]) -> dict[int, str]:
    """The party each person named in the formal elements sat for on the day; one
    query, and none when nobody is named."""
    named = {
        person_id
        for item in items
        for person_id in [
            *(e.person_id for e in item.protocol_entries.all()),
            *(d.person_id for d in item.disqualifications.all()),
            *(d.substitute_id for d in item.disqualifications.all()),
        ]
        if person_id
    }
    if not named:
        return {}
    return dict(
        Membership.objects.active_on(meeting.date)
        .filter(council_id=meeting.council_id, person_id__in=named)
        .exclude(party="")
        .values_list("person_id", "party")
    )


def formal_records(item: AgendaItem, parties: dict[int, str] | None = None) -> dict:
    """An item's votes, statements for the record and disqualifications as the
    document keeps them (prefetched with FORMAL_PREFETCH); `parties` maps person ids
    to the party they sit for, printed after their names."""
    parties = parties or {}

    def name(person) -> str:
        return _with_party(person.name, parties.get(person.pk, "")) if person else ""

    return {
        "votes": tuple(
            VoteRecord(
                outcome=vote.outcome,
                subject=vote.subject,
                votes_for=vote.votes_for,
                votes_against=vote.votes_against,
                votes_blank=vote.votes_blank,
                against_names=vote.against_names,
            )
            for vote in item.votes.all()
        ),
        "protocol_entries": tuple(
            ProtocolEntryRecord(by=name(entry.person) or entry.names, text=entry.text)
            for entry in item.protocol_entries.all()
        ),
        "disqualifications": tuple(
            DisqualificationRecord(
                person=name(row.person),
                basis=row.basis,
                substitute=name(row.substitute),
            )
            for row in item.disqualifications.all()
        ),
    }


def _attributed_to(entry: Input, council) -> str:
    """Who an input came from, a sector's representative named the council's way."""
    if entry.attribution == Input.Attribution.SECTOR and entry.sector:
        return council.sector_representative(entry.sector)
    return entry.attributed_to


def _item(
    item: AgendaItem,
    attachments: list[Attachment],
    council,
    *,
    carried_to: AgendaItem | None = None,
    parties: dict[int, str] | None = None,
) -> Item:
    # Every input is shown: one whose parent is not a top-level input is one itself.
    tree = input_tree(item.inputs.all())
    decision = getattr(item, "decision", None)
    return Item(
        id=item.pk,
        number=item.number,
        year=item.year,
        number_label=item.number_label,
        title=item.title,
        kind=item.kind,
        kind_label=item.kind_label,
        series=item.series,
        is_late_addition=item.is_late_addition,
        archive_reference=item.archive_reference,
        presenters=item.presenters,
        body=item.body,
        inputs=tuple(
            InputEntry(
                id=row.pk,
                text=row.text,
                attributed_to=_attributed_to(row, council),
                organisation_slug=row.organisation.slug
                if row.attribution == Input.Attribution.ORGANISATION
                and row.organisation
                else "",
                is_written=row.is_written,
                children=tuple(
                    SubInput(
                        id=c.pk,
                        text=c.text,
                        attributed_to=_attributed_to(c, council),
                        exemption=c.exemption_basis,
                    )
                    for c in children
                ),
                exemption=row.exemption_basis,
            )
            for row, children in tree
        ),
        decision=DecisionText(
            label=decision.label,
            text=decision.text,
            proposed_text=decision.proposed_text,
            exemption=decision.exemption_basis,
        )
        if decision and decision.text.strip()
        else None,
        attachments=tuple(_attachment(a) for a in attachments),
        approves_minutes_of=(
            item.approves_minutes_of.year,
            item.approves_minutes_of.number,
        )
        if item.approves_minutes_of_id
        else None,
        exemption_scope=item.exemption_scope,
        exemption=item.exemption_basis,
        handled_kind=item.handled_kind if item.handled_kind_label else "",
        handled_kind_label=item.handled_kind_label,
        is_postponed=item.is_postponed,
        postponed_reason=item.postponed_reason if item.is_postponed else "",
        postponed_to=_ref(carried_to) if item.is_postponed else None,
        postponed_from=_ref(item.postponed_from) if item.postponed_from_id else None,
        **formal_records(item, parties),
    )


def _correction(minutes: Minutes | None) -> Correction | None:
    if minutes is None or not minutes.approval_correction.strip():
        return None
    if minutes.approved_at is None:
        return None
    item = minutes.approved_by_item if minutes.approved_by_item_id else None
    return Correction(
        note=minutes.approval_correction.strip(),
        item=item.number_label if item else "",
        item_meeting=item.meeting.number_label if item else "",
    )


def _approval(minutes: Minutes | None) -> Approval | None:
    if minutes is None or minutes.approved_at is None:
        return None
    item = minutes.approved_by_item if minutes.approved_by_item_id else None
    return Approval(
        approved_at=minutes.approved_at,
        method=minutes.approval_method,
        item=item.number_label if item else "",
        item_meeting=item.meeting.number_label if item else "",
    )


# Snapshot to document and back --------------------------------------------------


def _build(cls, data: dict, **values):
    """A dataclass from snapshot data: the fields it knows, defaults for the rest
    (versions stored by earlier releases lack the newer fields)."""
    names = {f.name for f in dataclasses.fields(cls)}
    known = {k: v for k, v in data.items() if k in names and v is not None}
    return cls(**{**known, **values})


def _many(cls, rows: list[dict]) -> tuple:
    return tuple(_build(cls, row) for row in rows)


def _attachments(rows: list[dict]) -> tuple[AttachmentRef, ...]:
    # The first snapshot format named the id «pk».
    return tuple(
        _build(AttachmentRef, {**row, "id": row.get("id", row.get("pk"))})
        for row in rows
    )


def _item_from_snapshot(row: dict, meeting_year: int) -> Item:
    decision, approves = row.get("decision"), row.get("approves_minutes_of")
    return _build(
        Item,
        {"year": meeting_year, **row},
        inputs=tuple(
            _build(
                InputEntry, entry, children=_many(SubInput, entry.get("children", []))
            )
            for entry in row.get("inputs", [])
        ),
        decision=_build(DecisionText, decision) if decision else None,
        attachments=_attachments(row.get("attachments", [])),
        approves_minutes_of=tuple(approves) if approves else None,
        postponed_to=_build(ItemRef, row["postponed_to"])
        if row.get("postponed_to")
        else None,
        postponed_from=_build(ItemRef, row["postponed_from"])
        if row.get("postponed_from")
        else None,
        votes=_many(VoteRecord, row.get("votes", [])),
        protocol_entries=_many(ProtocolEntryRecord, row.get("protocol_entries", [])),
        disqualifications=_many(
            DisqualificationRecord, row.get("disqualifications", [])
        ),
    )


def _approval_from_snapshot(data: dict | None) -> Approval | None:
    if not data:
        return None
    return _build(
        Approval, data, approved_at=datetime.datetime.fromisoformat(data["approved_at"])
    )


def _plain(value: Any) -> Any:
    """Dataclasses, tuples, dates and times as JSON data."""
    if dataclasses.is_dataclass(value):
        return {
            f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.isoformat("minutes")
    return value


def minutes_snapshot(*, meeting: Meeting) -> dict[str, Any]:
    """The whole minutes of a meeting as they stand, internal attachments included,
    for a version to keep (its state lives on the version's row)."""
    return MinutesDocument.from_rows(meeting, with_state=False).to_snapshot()
