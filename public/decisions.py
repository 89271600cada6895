"""A council's decision register: every published decision, from the published
documents (minutes/public.py), never from live rows."""

import datetime
from dataclasses import asdict, dataclass

from django.urls import reverse

from council.models import Council
from minutes.public import public_meetings, published_documents


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

    def as_dict(self) -> dict:
        return {**asdict(self), "meeting_date": self.meeting_date.isoformat()}

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
                    url=reverse(
                        "public:item",
                        kwargs={
                            "council_slug": council.slug,
                            "year": item.year,
                            "number": item.number,
                        },
                    ),
                )
            )
    return entries
