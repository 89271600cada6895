"""The secretariat's corrections to recognised minutes, before they are saved: the
meeting facts, and per item its number, title, type, presenters, body and decision
text. Everything else (attendance, inputs and their attribution) stays as it was
recognised. The result is recognised minutes like any other, saved by the same path
as the command's (save.py)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

from archive.importing import Recognised
from archive.importing.register import Register
from minutes.document import DecisionText, Item


@dataclass(frozen=True)
class MeetingCorrection:
    number: int
    date: datetime.date
    start_time: datetime.time | None
    end_time: datetime.time | None
    venue: str


@dataclass(frozen=True)
class ItemCorrection:
    number: int
    title: str
    kind: str
    presenters: str
    body: str
    decision: str


def meeting_correction(recognised: Recognised) -> MeetingCorrection:
    """The meeting facts as recognised, to start correcting from."""
    facts = recognised.document.meeting
    return MeetingCorrection(
        number=facts.number,
        date=facts.date,
        start_time=facts.start_time,
        end_time=facts.end_time,
        venue=facts.venue,
    )


def item_corrections(recognised: Recognised) -> list[ItemCorrection]:
    """Each item as recognised, to start correcting from."""
    return [
        ItemCorrection(
            number=item.number,
            title=item.title,
            kind=item.kind,
            presenters=item.presenters,
            body=item.body,
            decision=item.decision.text if item.decision else "",
        )
        for item in recognised.document.items
    ]


def _decision(recognised: DecisionText | None, text: str) -> DecisionText | None:
    """The decision with its corrected text. A decision adopted as proposed («Vedtak»,
    or a proposal not decided) keeps its proposal equal to its text; an «Oppdatert
    vedtak» keeps its (unknown) proposal. A text where none was recognised is a
    «Vedtak»; an emptied text is no decision."""
    text = text.strip()
    if not text:
        return None
    if recognised is None:
        return DecisionText(label="Vedtak", text=text, proposed_text=text)
    if recognised.proposed_text == recognised.text:
        return replace(recognised, text=text, proposed_text=text)
    return replace(recognised, text=text)


def corrected(
    recognised: Recognised,
    meeting: MeetingCorrection,
    items: list[ItemCorrection],
) -> Recognised:
    """The recognised minutes with the secretariat's corrections. `items` has one
    correction per recognised item, in their order."""
    document = recognised.document
    if len(items) != len(document.items):
        raise ValueError("one correction per recognised item")
    year = meeting.date.year
    labels = dict(Register(recognised.council).kinds())
    facts = replace(
        document.meeting,
        number=meeting.number,
        year=year,
        date=meeting.date,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        venue=meeting.venue.strip(),
    )
    new_items: list[Item] = []
    for item, change in zip(document.items, items, strict=True):
        new_items.append(
            replace(
                item,
                number=change.number,
                year=year,
                number_label=f"{change.number}/{year % 100:02d}",
                title=change.title.strip(),
                kind=change.kind,
                kind_label=labels.get(change.kind, ""),
                presenters=change.presenters.strip(),
                body=change.body.replace("\r\n", "\n").strip(),
                decision=_decision(
                    item.decision, change.decision.replace("\r\n", "\n")
                ),
            )
        )
    return Recognised(
        recognised.source,
        replace(document, meeting=facts, items=tuple(new_items)),
        council=recognised.council,
    )
