"""Recognise the minutes in the text of a file: the shape this product prints, which
is also the shape of the reference minutes of Nasjonalt e-helseråd.

    Referat fra møte i <council>
    Møte 6/2022 · Dato 2. desember 2022 · Tid Kl. 10.00 – 16.00 · Sted …
    Til stede <name> (<organisation>)[ – fra kl. 12] …
    Ikke til stede … · Stedfortreder <name> for <member> (<organisation>) …
    <secretariat organisation> <name> …
    Sak Agenda … Sakstype: «38/22 <title> <type>» …
    then each item: «38/22 <title>», [Innledere: …], body, «Følgende innspill …:»
    with «•» inputs and «◦»/«o» sub-points, then «Vedtak:» (or «Oppdatert vedtak:»,
    «Forslag til vedtak:») and its text.

Text from a PDF is wrapped at the page's width and carries running headers and page
numbers; both are undone here. Names are matched against the council's register
(archive/importing/register.py): an organisation written by its short name
(«Helse Midt RHF») is the organisation, an input that opens with an organisation or
a sector's representative («Representant fra kommunal sektor …») is attributed to
it. The result is the document (minutes/document.py), whose snapshot is the JSON the
rest of the product reads.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from archive.errors import ArchiveError
from archive.importing.register import Register
from minutes.document import (
    Attendee,
    CouncilFacts,
    DecisionText,
    InputEntry,
    Item,
    MeetingFacts,
    MinutesDocument,
    SubInput,
    Substitution,
)

MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "januar februar mars april mai juni juli august september oktober "
            "november desember"
        ).split(),
        start=1,
    )
}
NOISE = (
    re.compile(r"^Referat\s+[–-]\s+.+\s+[–-]\s+Møte \d+/\d{4}$"),
    re.compile(r"^side \d+ av \d+$", re.IGNORECASE),
    re.compile(r"^(UTKAST|Utkast)$"),
)
COUNCIL = re.compile(r"^Referat fra møte i (.+)$")
MEETING = re.compile(r"^Møte (\d{1,3})/(\d{4})$")
DATE = re.compile(r"^Dato (\d{1,2})\. (\w+) (\d{4})$")
TIME = re.compile(
    r"^Tid (?:[Kk]l\. ?)?(\d{1,2})[.:](\d{2})(?:\s*[–-]\s*(\d{1,2})[.:](\d{2}))?$"
)
VENUE = re.compile(r"^Sted (.+)$")
NUMBERED = re.compile(r"^(\d{1,3})/(\d{2})\s+(.*)$")
AGENDA_HEADER = re.compile(r"^Sak\s+Agenda\b")
INPUTS_INTRO = re.compile(r"^Følgende innspill\b.*:$")
DECISION = re.compile(r"^(Oppdatert vedtak|Forslag til vedtak|Vedtak)\s*:$")
PRESENTERS = re.compile(r"^Innledere?:\s*(.*)$")
ATTACHMENTS = re.compile(r"^Vedlegg:")
TOP_BULLET = re.compile(r"^[•▪●]\s*(.*)$")
SUB_BULLET = re.compile(r"^(?:[◦○]|o(?=\s))\s*(.*)$")
ATTENDEE = re.compile(
    r"\s*(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)"
    r"(?:\s*[–-]\s*(?P<note>(?:fra|til) kl\.\s*[\d.:]+))?"
)
SUBSTITUTE = re.compile(
    r"\s*(?P<sub>[^()]+?) for (?P<member>[^()]+?)\s*\((?P<org>[^()]+)\)"
)
WRITTEN = re.compile(r"\bskriftlig(e)? innspill\b", re.IGNORECASE)


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u00ad]+", "", text).casefold()


def join(lines: list[str]) -> str:
    """Wrapped lines as one: a word broken at a hyphen («e-» «helse») is whole
    again, «Helse-» «og …» keeps its space."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if (
            text.endswith("-")
            and len(text) > 1
            and text[-2].isalpha()
            and not re.match(r"(og|eller)\b", line)
        ):
            text += line
        else:
            text = f"{text} {line}" if text else line
    return text


def _lines(text: str) -> list[str]:
    """The text's lines, whitespace tidied, headers and page numbers gone. A blank
    line after the end of a sentence stays, as "", for a paragraph break (a blank
    line inside a sentence is a wrap)."""
    lines: list[str] = []
    for raw in text.replace("\r", "\n").split("\n"):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line:
            if lines and lines[-1] and lines[-1][-1] in ".:!?":
                lines.append("")
            continue
        if not any(pattern.match(line) for pattern in NOISE):
            lines.append(line)
    return lines


# The attendance count line the minutes print («18 til stede. 3 medlemmer ikke til
# stede. …»): generated from the attendance, not a name.
COUNT_LINE = re.compile(r"^\d+ til stede\.")


@dataclass
class _ItemDraft:
    number: int
    year: int
    title: str
    kind: str
    kind_label: str
    presenters: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    # Each input: its lines, and the lines of each of its sub-points.
    inputs: list[tuple[list[str], list[list[str]]]] = field(default_factory=list)
    decision_label: str = ""
    decision: list[str] = field(default_factory=list)


class MinutesParser:
    """One file's text, recognised against one council's register."""

    def __init__(self, text: str, register: Register) -> None:
        self.lines = _lines(text)
        self.register = register

    def document(self) -> MinutesDocument:
        lines = self.lines
        header_end = self._find(AGENDA_HEADER)
        if header_end is None:
            raise ArchiveError(
                _(
                    "Fant ingen saksliste («Sak Agenda … Sakstype») i filen; den ser "
                    "ikke ut som et møtereferat."
                )
            )
        facts = self._facts(lines[:header_end])
        present, absent, substitutes, secretariat = self._attendance(lines[:header_end])
        agenda, start = self._agenda(header_end)
        items = self._items(agenda, start)
        council = self.register.council
        return MinutesDocument(
            council=CouncilFacts(
                name=council.name,
                slug=council.slug,
                secretariat_organisation=self.register.secretariat_name,
            ),
            meeting=facts,
            members_present=present,
            members_absent=absent,
            substitutes=substitutes,
            secretariat=secretariat,
            items=items,
        )

    # Meeting facts --------------------------------------------------------------

    def _find(self, pattern: re.Pattern, start: int = 0) -> int | None:
        for index in range(start, len(self.lines)):
            if pattern.match(self.lines[index]):
                return index
        return None

    def _facts(self, lines: list[str]) -> MeetingFacts:
        found: dict[str, re.Match] = {}
        for line in lines:
            for name, pattern in (
                ("council", COUNCIL),
                ("meeting", MEETING),
                ("date", DATE),
                ("time", TIME),
                ("venue", VENUE),
            ):
                match = pattern.match(line)
                if match and name not in found:
                    found[name] = match
        if "meeting" not in found or "date" not in found:
            raise ArchiveError(
                _(
                    "Fant ikke møtenummer («Møte 6/2022») og dato («Dato 2. desember "
                    "2022») i filen; den ser ikke ut som et møtereferat."
                )
            )
        day, month_name, year = found["date"].groups()
        month = MONTHS.get(month_name.lower())
        if month is None:
            raise ArchiveError(
                _("Ukjent måned «%(month)s» i datoen.") % {"month": month_name}
            )
        number, meeting_year = (int(v) for v in found["meeting"].groups())
        start = end = None
        if "time" in found:
            hours = found["time"].groups()
            start = datetime.time(int(hours[0]), int(hours[1]))
            if hours[2]:
                end = datetime.time(int(hours[2]), int(hours[3]))
        return MeetingFacts(
            id=1,
            number=number,
            year=meeting_year,
            date=datetime.date(int(year), month, int(day)),
            start_time=start,
            end_time=end,
            venue=found["venue"].group(1) if "venue" in found else "",
        )

    # Attendance -----------------------------------------------------------------

    def _attendance(self, lines: list[str]):
        sections: dict[str, list[str]] = {}
        current = None
        for line in lines:
            for marker in ("Ikke til stede", "Til stede", "Stedfortreder"):
                if line.startswith(marker):
                    current = marker
                    line = line[len(marker) :].strip()
                    sections[current] = []
                    break
            if current is not None:
                sections[current].append(line)
        # The statuses the headings stand for (minutes.models.Attendance.Status).
        present = self._attendees(sections.get("Til stede", []), status="present")
        absent = self._attendees(sections.get("Ikke til stede", []), status="absent")
        substitutes, rest = self._substitutes(sections.get("Stedfortreder", []))
        return present, absent, substitutes, self._secretariat(rest)

    def _organisation(self, written: str) -> str:
        found = self.register.organisation(written)
        return found.name if found else written

    def _attendees(self, lines: list[str], *, status: str) -> tuple[Attendee, ...]:
        text = join(lines)
        people = []
        for match in ATTENDEE.finditer(text):
            people.append(
                Attendee(
                    name=match["name"].strip(),
                    organisation=self._organisation(match["org"].strip()),
                    partial_note=(match["note"] or "").strip(),
                    status=status,
                )
            )
        return tuple(people)

    def _substitutes(
        self, lines: list[str]
    ) -> tuple[tuple[Substitution, ...], list[str]]:
        """The substitutes, and the lines after them (the secretariat)."""
        taken, consumed = [], 0
        for count in range(1, len(lines) + 1):
            text = join(lines[:count])
            matches = list(SUBSTITUTE.finditer(text))
            if matches and matches[-1].end() == len(text.rstrip()):
                taken, consumed = matches, count
        substitutes = tuple(
            Substitution(
                substitute=m["sub"].strip(),
                member=m["member"].strip(),
                organisation=self._organisation(m["org"].strip()),
            )
            for m in taken
        )
        return substitutes, lines[consumed:]

    def _secretariat(self, lines: list[str]) -> tuple[Attendee, ...]:
        """«<secretariat organisation>» then one name a line."""
        organisation = self.register.secretariat_name
        names = lines
        if organisation:
            for count in range(1, len(lines) + 1):
                if squeeze(join(lines[:count])) == squeeze(organisation):
                    names = lines[count:]
                    break
        skip = {"medlemmer", "saker", "sekretariat", "sekretariatet"}
        return tuple(
            Attendee(name=name, organisation=organisation)
            for name in names
            if name and name.casefold() not in skip and not COUNT_LINE.match(name)
        )

    # Agenda -----------------------------------------------------------------------

    def _agenda(self, header: int) -> tuple[list[_ItemDraft], int]:
        """The agenda's items, and the index of the line after the agenda."""
        entries: list[tuple[int, int, list[str]]] = []
        index = header + 1
        seen: set[tuple[int, int]] = set()
        while index < len(self.lines):
            line = self.lines[index]
            if AGENDA_HEADER.match(line):
                index += 1
                continue
            if re.match(r"^Sak\s+Tema\b", line):
                index += 1
                break
            match = NUMBERED.match(line)
            if match:
                key = (int(match[1]), int(match[2]))
                if key in seen:
                    break
                seen.add(key)
                entries.append((key[0], key[1], [match[3]]))
            elif entries:
                entries[-1][2].append(line)
            index += 1
        if not entries:
            raise ArchiveError(
                _("Sakslisten i filen har ingen saker (som «38/22 Tittel»).")
            )
        return [self._agenda_item(*entry) for entry in entries], index

    def _agenda_item(self, number: int, year: int, lines: list[str]) -> _ItemDraft:
        text = join(lines)
        kind, label = "", ""
        for kind_value, kind_label in self.register.kinds():
            if text == kind_label:
                kind, label = kind_value, kind_label
                break
            if text.endswith(" " + kind_label):
                kind, label = kind_value, kind_label
                text = text[: -len(kind_label)].strip()
                break
        return _ItemDraft(
            number=number,
            year=2000 + year if year < 100 else year,
            title=text,
            kind=kind,
            kind_label=label,
        )

    # Items ------------------------------------------------------------------------

    def _items(self, agenda: list[_ItemDraft], start: int) -> tuple[Item, ...]:
        index = start
        lines = self.lines
        for position, draft in enumerate(agenda):
            index = self._heading(draft, index)
            if index is None:
                raise ArchiveError(
                    _("Fant ikke sak %(number)s i referatet etter sakslisten.")
                    % {"number": f"{draft.number}/{draft.year % 100:02d}"}
                )
            following = agenda[position + 1] if position + 1 < len(agenda) else None
            end = len(lines)
            if following is not None:
                end = self._next_heading(following, index)
            self._item_content(draft, lines[index:end])
            index = end
        return tuple(
            self._item(position, draft) for position, draft in enumerate(agenda, 1)
        )

    def _is_heading(self, draft: _ItemDraft, line: str) -> bool:
        match = NUMBERED.match(line)
        return bool(
            match
            and int(match[1]) == draft.number
            and int(match[2]) == draft.year % 100
        )

    def _next_heading(self, draft: _ItemDraft, start: int) -> int:
        for index in range(start, len(self.lines)):
            if self._is_heading(draft, self.lines[index]):
                return index
        return len(self.lines)

    def _heading(self, draft: _ItemDraft, start: int) -> int | None:
        """The line after the item's heading (its title may wrap)."""
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            if not self._is_heading(draft, line):
                continue
            title = [NUMBERED.match(line)[3]]
            index += 1
            while (
                index < len(self.lines)
                and squeeze(join(title)) != squeeze(draft.title)
                and squeeze(draft.title).startswith(
                    squeeze(join([*title, self.lines[index]]))
                )
            ):
                title.append(self.lines[index])
                index += 1
            return index
        return None

    def _item_content(self, draft: _ItemDraft, lines: list[str]) -> None:
        part = "body"
        for line in lines:
            if ATTACHMENTS.match(line):
                # The item's papers are listed after the decision; their files are
                # not in the minutes' text.
                part = "attachments"
                continue
            if part == "attachments":
                continue
            decision = DECISION.match(line)
            if decision:
                part = "decision"
                draft.decision_label = decision[1]
                continue
            if part == "decision":
                draft.decision.append(line)
                continue
            if INPUTS_INTRO.match(line):
                part = "inputs"
                continue
            presenters = PRESENTERS.match(line)
            if part == "body" and presenters and not draft.body:
                part = "presenters"
                draft.presenters.append(presenters[1])
                continue
            if part == "presenters":
                # «Innledere: A, X; B, Y;» wraps after a separator.
                if draft.presenters[-1].endswith((";", ",")) and line:
                    draft.presenters.append(line)
                    continue
                part = "body"
            if part == "inputs":
                top, sub = TOP_BULLET.match(line), SUB_BULLET.match(line)
                if top:
                    draft.inputs.append(([top[1]], []))
                elif sub and draft.inputs:
                    draft.inputs[-1][1].append([sub[1]])
                elif draft.inputs:
                    lines_of_input, children = draft.inputs[-1]
                    (children[-1] if children else lines_of_input).append(line)
                else:
                    draft.body.append(line)
                continue
            draft.body.append(line)

    def _item(self, position: int, draft: _ItemDraft) -> Item:
        # Ids only tell the inputs apart within the document: 1000 per item.
        ids = iter(range(position * 1000 + 1, (position + 1) * 1000))
        inputs = []
        for lines, children in draft.inputs:
            text = join(lines)
            who = self.register.attribution(text)
            entry_id = next(ids)
            inputs.append(
                InputEntry(
                    id=entry_id,
                    text=text,
                    attributed_to=who.label if who else "",
                    organisation_slug=who.organisation_slug if who else "",
                    is_written=bool(WRITTEN.search(text)),
                    children=tuple(
                        SubInput(
                            id=next(ids),
                            text=join(child),
                            attributed_to=getattr(
                                self.register.attribution(join(child)), "label", ""
                            ),
                        )
                        for child in children
                    ),
                )
            )
        decision = None
        if draft.decision_label:
            text = join(draft.decision)
            decision = DecisionText(
                label=draft.decision_label,
                text=text,
                # The minutes show the proposal only where it was adopted as it
                # stood («Vedtak») or not decided («Forslag til vedtak»).
                proposed_text=text
                if draft.decision_label in ("Vedtak", "Forslag til vedtak")
                else "",
            )
        return Item(
            id=position,
            number=draft.number,
            year=draft.year,
            number_label=f"{draft.number}/{draft.year % 100:02d}",
            title=draft.title,
            kind=draft.kind,
            kind_label=draft.kind_label,
            presenters=join(draft.presenters),
            body=body_text(draft.body),
            inputs=tuple(inputs),
            decision=decision,
        )


def body_text(lines: list[str]) -> str:
    """The body as the minutes store it: paragraphs, and «- » lists (two levels)."""
    blocks: list[tuple[str, list[str]]] = []
    paragraph_break = False
    for line in lines:
        if not line:
            paragraph_break = True
            continue
        top, sub = TOP_BULLET.match(line), SUB_BULLET.match(line)
        if top:
            blocks.append(("- ", [top[1]]))
        elif sub:
            blocks.append(("  - ", [sub[1]]))
        elif (
            blocks
            and not paragraph_break
            and (blocks[-1][0] == "" or not line[:1].isupper())
        ):
            blocks[-1][1].append(line)
        else:
            blocks.append(("", [line]))
        paragraph_break = False
    text, previous = "", None
    for kind, block in blocks:
        line = kind + join(block)
        if previous is None:
            text = line
        elif kind and previous:
            text += "\n" + line
        else:
            text += "\n\n" + line
        previous = kind
    return text


def parse_minutes(text: str, register: Register) -> MinutesDocument:
    return MinutesParser(text, register).document()
