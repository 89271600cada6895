"""A council's decision register: every published decision, from the published
documents (minutes/public.py), never from live rows; with its follow-up where the
council publishes it (minutes/public.py public_followups)."""

import datetime
from dataclasses import dataclass, fields

from council.models import Council
from minutes.public import (
    PublicFollowUp,
    public_followups,
    public_meetings,
    published_documents,
)


@dataclass(frozen=True)
class DecisionEntry:
    year: int
    number: int
    number_label: str
    meeting: str
    meeting_date: datetime.date
    title: str
    kind: str
    kind_label: str
    label: str
    text: str
    url: str
    # Only where the council publishes follow-up (empty otherwise).
    followups: tuple[PublicFollowUp, ...] = ()

    def as_dict(self) -> dict:
        data = {
            f.name: getattr(self, f.name) for f in fields(self) if f.name != "followups"
        }
        data["meeting_date"] = self.meeting_date.isoformat()
        return data

    def matches(self, words: list[str]) -> bool:
        haystack = f"{self.number_label} {self.title} {self.text}".casefold()
        return all(word in haystack for word in words)


def council_decisions(council: Council) -> list[DecisionEntry]:
    """Every published decision of the council, newest meeting first, in agenda
    order within a meeting; one entry per item with a decision text."""
    meetings = list(
        public_meetings().filter(council=council).order_by("-date", "-number")
    )
    documents = published_documents(meetings)
    followups = public_followups(
        council, [item for document in documents.values() for item in document.items]
    )
    entries = []
    for meeting in meetings:
        document = documents.get(meeting.pk)
        if document is None:
            continue
        for item in document.items:
            decision = item.decision
            if decision is None or not decision.text.strip():
                continue
            entries.append(
                DecisionEntry(
                    year=item.year,
                    number=item.number,
                    number_label=item.number_label,
                    meeting=f"{document.meeting.number}/{document.meeting.year}",
                    meeting_date=document.meeting.date,
                    title=item.title,
                    kind=item.kind,
                    kind_label=item.kind_label,
                    label=decision.label,
                    text=decision.text,
                    url=document.item_url(item),
                    followups=followups.get(item.id, ()),
                )
            )
    return entries
