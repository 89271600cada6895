"""Comparing two versions of the minutes, item by item and word by word.

`word_diff` is the one word diff of the project: the review's version comparison and
the workspace's item history both use it.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from minutes.document import (
    InputEntry,
    Item,
    MinutesDocument,
    SubInput,
)


def _clock(value) -> str:
    return value.isoformat("minutes") if value else ""


@dataclass
class Segment:
    kind: str  # "equal", "ins" or "del"
    text: str


@dataclass
class FieldDiff:
    label: str
    segments: list[Segment]


@dataclass
class InputDiff:
    status: str  # "same", "changed", "added", "removed"
    segments: list[Segment]
    is_child: bool = False
    moved: bool = False


@dataclass
class ItemDiff:
    number_label: str
    title: str
    status: str  # "same", "changed", "added", "removed"
    moved: bool = False
    fields: list[FieldDiff] = field(default_factory=list)
    inputs: list[InputDiff] = field(default_factory=list)

    @property
    def inputs_changed(self) -> bool:
        return any(i.status != "same" or i.moved for i in self.inputs)


@dataclass
class VersionDiff:
    meeting_fields: list[FieldDiff]
    items: list[ItemDiff]

    @property
    def has_changes(self) -> bool:
        return bool(self.meeting_fields) or any(
            item.status != "same" or item.moved for item in self.items
        )


_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[Segment]:
    """Insertions and deletions between two texts, word by word."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            segments.append(Segment("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(Segment("ins", "".join(b[j1:j2])))
    return segments


def split_sides(segments: list[Segment]) -> tuple[list, list]:
    """The text before and after as (changed, text) chunks, for side-by-side views."""
    before = [(s.kind == "del", s.text) for s in segments if s.kind != "ins"]
    after = [(s.kind == "ins", s.text) for s in segments if s.kind != "del"]
    return before, after


def _changed(segments: list[Segment]) -> bool:
    return any(s.kind != "equal" for s in segments)


def _moved_keys(old_keys: list, new_keys: list) -> set:
    """Keys in both lists whose relative order changed."""
    common = set(old_keys) & set(new_keys)
    a = [k for k in old_keys if k in common]
    b = [k for k in new_keys if k in common]
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    kept = set()
    for block in matcher.get_matching_blocks():
        kept.update(a[block.a : block.a + block.size])
    return common - kept


def _input_text(entry: InputEntry | SubInput) -> str:
    who = entry.attributed_to
    return f"{entry.text} ({who})" if who else entry.text


def _flat_inputs(item: Item) -> list[tuple[int, InputEntry | SubInput, bool]]:
    rows: list[tuple[int, InputEntry | SubInput, bool]] = []
    for entry in item.inputs:
        rows.append((entry.id, entry, False))
        for child in entry.children:
            rows.append((child.id, child, True))
    return rows


def _diff_inputs(old: Item | None, new: Item | None) -> list[InputDiff]:
    old_rows = _flat_inputs(old) if old else []
    new_rows = _flat_inputs(new) if new else []
    old_by_id = {key: entry for key, entry, _child in old_rows}
    moved = _moved_keys([k for k, *_ in old_rows], [k for k, *_ in new_rows])
    result = []
    for key, entry, is_child in new_rows:
        before = old_by_id.get(key)
        if before is None:
            result.append(
                InputDiff("added", [Segment("ins", _input_text(entry))], is_child)
            )
            continue
        segments = word_diff(_input_text(before), _input_text(entry))
        status = "changed" if _changed(segments) else "same"
        result.append(InputDiff(status, segments, is_child, moved=key in moved))
    new_ids = {key for key, *_ in new_rows}
    for key, entry, is_child in old_rows:
        if key not in new_ids:
            result.append(
                InputDiff("removed", [Segment("del", _input_text(entry))], is_child)
            )
    return result


def _item_fields(item: Item) -> list[tuple[str, str]]:
    decision = item.decision
    return [
        (_("Tittel"), item.title),
        (_("Sakstype"), item.kind_label),
        (_("Arkivsak"), item.archive_reference),
        (_("Innledere"), item.presenters),
        (_("Saksfremstilling"), item.body),
        (_("Vedtak"), f"{decision.label}: {decision.text}" if decision else ""),
        (_("Votering"), "\n".join(vote.line for vote in item.votes)),
        (_("Inhabilitet"), "\n".join(row.line for row in item.disqualifications)),
        (
            _("Protokolltilførsel"),
            "\n".join(f"{entry.by}: {entry.text}" for entry in item.protocol_entries),
        ),
        (_("Vedlegg"), "\n".join(a.title for a in item.attachments)),
    ]


def _meeting_text(document: MinutesDocument) -> list[tuple[str, str]]:
    meeting = document.meeting
    facts = [
        f"{_('Dato')}: {meeting.date.isoformat()}",
        f"{_('Tid')}: {_clock(meeting.start_time)}–{_clock(meeting.end_time)}",
        f"{_('Sted')}: {meeting.venue}",
        f"{_('Møteleder')}: {meeting.chair}",
        f"{_('Referent')}: {meeting.minute_taker}",
    ]
    # The attendance as printed, heading by heading: a member moved from «Meldt
    # forfall» to «Ikke møtt», a function or a time shows as changed words.
    attendance = [
        f"{heading}: {line}"
        for heading, lines in document.attendance_rows()
        for line in lines
    ]
    if document.attendance_count_line:
        attendance.append(document.attendance_count_line)
    if document.quorum_line:
        attendance.append(document.quorum_line)
    return [
        (_("Om møtet"), "\n".join(facts)),
        (_("Oppmøte"), "\n".join(attendance)),
    ]


def version_diff(old: MinutesDocument, new: MinutesDocument) -> VersionDiff:
    """What changed from one version's copy to another's, per item and per input."""
    meeting_fields = []
    for (label, before), (_label, after) in zip(
        _meeting_text(old), _meeting_text(new), strict=True
    ):
        segments = word_diff(before, after)
        if _changed(segments):
            meeting_fields.append(FieldDiff(label, segments))
    old_items = {item.id: item for item in old.items}
    new_ids = [item.id for item in new.items]
    moved = _moved_keys([item.id for item in old.items], new_ids)
    items = []
    for item in new.items:
        before = old_items.get(item.id)
        if before is None:
            diff = ItemDiff(item.number_label, item.title, "added")
            diff.fields = [
                FieldDiff(label, [Segment("ins", value)])
                for label, value in _item_fields(item)
                if value
            ]
            diff.inputs = _diff_inputs(None, item)
            items.append(diff)
            continue
        diff = ItemDiff(item.number_label, item.title, "same", moved=item.id in moved)
        for (label, a), (_label, b) in zip(
            _item_fields(before), _item_fields(item), strict=True
        ):
            segments = word_diff(a, b)
            if _changed(segments):
                diff.fields.append(FieldDiff(label, segments))
        diff.inputs = _diff_inputs(before, item)
        if diff.fields or diff.inputs_changed:
            diff.status = "changed"
        items.append(diff)
    for item in old.items:
        if item.id not in set(new_ids):
            diff = ItemDiff(item.number_label, item.title, "removed")
            diff.inputs = _diff_inputs(item, None)
            items.append(diff)
    return VersionDiff(meeting_fields=meeting_fields, items=items)
