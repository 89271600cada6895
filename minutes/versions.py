"""Versions of the minutes: the frozen JSON copy, reading it back, and comparing two.

`minutes_snapshot` copies the whole minutes of a meeting into plain data; a
MinutesVersion keeps that copy for good. `snapshot_view` turns a copy back into the
shape `templates/includes/minutes_body.html` walks, so a version renders exactly like
the live minutes. `version_diff` compares two copies item by item, word by word.
"""

import datetime
import difflib
import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.utils.translation import gettext as _

from minutes.models import Meeting, Minutes, MinutesVersion
from minutes.selectors import MinutesView, minutes_view

SNAPSHOT_FORMAT = "referatversjon/1"


def _person(attendance) -> dict[str, Any]:
    organisation = attendance.represented_organisation
    return {
        "name": attendance.person.name,
        "organisation": organisation.name if organisation else "",
        "partial_note": str(attendance.partial_note),
    }


def _attachment(attachment) -> dict[str, Any]:
    return {
        "pk": attachment.pk,
        "title": attachment.title,
        "is_public": attachment.is_public,
        "size": attachment.size,
    }


def snapshot_from_view(view: MinutesView) -> dict[str, Any]:
    meeting, council = view.meeting, view.council
    secretariat = council.secretariat_organisation
    return {
        "format": SNAPSHOT_FORMAT,
        "council": {
            "name": council.name,
            "slug": council.slug,
            "secretariat_organisation": secretariat.name if secretariat else "",
        },
        "meeting": {
            "id": meeting.pk,
            "number": meeting.number,
            "year": meeting.year,
            "date": meeting.date.isoformat(),
            "start_time": meeting.start_time.isoformat("minutes")
            if meeting.start_time
            else None,
            "end_time": meeting.end_time.isoformat("minutes")
            if meeting.end_time
            else None,
            "venue": meeting.venue,
            "chair": meeting.chair.name if meeting.chair else "",
            "minute_taker": meeting.minute_taker.name if meeting.minute_taker else "",
            "quorum_present": meeting.quorum_present,
        },
        "members_present": [_person(a) for a in view.members_present],
        "members_absent": [_person(a) for a in view.members_absent],
        "substitutes": [
            {
                "substitute": a.substitute.name,
                "member": a.person.name,
                "organisation": _person(a)["organisation"],
            }
            for a in view.substitutes
        ],
        "secretariat": [_person(a) for a in view.secretariat],
        "guests": [_person(a) for a in view.guests],
        "officials": [_person(a) for a in view.officials],
        "items": [
            {
                "id": iv.item.pk,
                "number": iv.item.number,
                "number_label": iv.item.number_label,
                "title": iv.item.title,
                "kind_label": iv.item.kind_label,
                "is_late_addition": iv.item.is_late_addition,
                "archive_reference": iv.item.archive_reference,
                "presenters": iv.item.presenters,
                "body": iv.item.body,
                "inputs": [
                    {
                        "id": node.input.pk,
                        "text": node.input.text,
                        "attributed_to": node.input.attributed_to,
                        "is_written": node.input.is_written,
                        "children": [
                            {
                                "id": child.pk,
                                "text": child.text,
                                "attributed_to": child.attributed_to,
                            }
                            for child in node.children
                        ],
                    }
                    for node in iv.inputs
                ],
                "decision": {
                    "label": iv.decision.label,
                    "text": iv.decision.text,
                }
                if iv.decision and iv.decision.text.strip()
                else None,
                "attachments": [_attachment(a) for a in iv.attachments],
            }
            for iv in view.items
        ],
        "attachments": [_attachment(a) for a in view.meeting_attachments],
    }


def minutes_snapshot(*, meeting: Meeting) -> dict[str, Any]:
    """The whole minutes of a meeting, internal attachments included, as plain data."""
    return snapshot_from_view(minutes_view(meeting, public_only=False))


# Reading a copy back -----------------------------------------------------------------


def _ns_person(data: dict) -> SimpleNamespace:
    organisation = (
        SimpleNamespace(name=data["organisation"]) if data["organisation"] else None
    )
    return SimpleNamespace(
        person=SimpleNamespace(name=data["name"]),
        represented_organisation=organisation,
        partial_note=data["partial_note"],
    )


def _time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


def version_minutes(version: MinutesVersion) -> SimpleNamespace:
    """What the approval line needs, from a version rather than the live minutes."""
    return SimpleNamespace(
        approved_at=version.approved_at,
        approval_method=version.approval_method,
        status=version.minutes.status,
        version=version.number,
    )


def snapshot_view(
    content: dict[str, Any],
    *,
    minutes: Any = None,
    public_only: bool = True,
) -> SimpleNamespace:
    """A version's copy in the shape of MinutesView, for minutes_body.html.

    Items and inputs carry `key`/`id` (the live rows' ids) and an empty `comments`
    list, which the review page fills in.
    """
    meeting = content["meeting"]
    council = content["council"]
    secretariat = council["secretariat_organisation"]

    def attachments(rows: list[dict]) -> list[SimpleNamespace]:
        return [
            SimpleNamespace(**row)
            for row in rows
            if row["is_public"] or not public_only
        ]

    items = []
    for item in content["items"]:
        inputs = [
            SimpleNamespace(
                input=SimpleNamespace(
                    id=entry["id"],
                    text=entry["text"],
                    attributed_to=entry["attributed_to"],
                    is_written=entry["is_written"],
                ),
                children=[
                    SimpleNamespace(**child, comments=[]) for child in entry["children"]
                ],
                comments=[],
            )
            for entry in item["inputs"]
        ]
        decision = item["decision"]
        items.append(
            SimpleNamespace(
                key=item["id"],
                item=SimpleNamespace(
                    pk=item["id"],
                    number=item["number"],
                    number_label=item["number_label"],
                    title=item["title"],
                    kind_label=item["kind_label"],
                    is_late_addition=item["is_late_addition"],
                    archive_reference=item["archive_reference"],
                    presenters=item["presenters"],
                    body=item["body"],
                ),
                inputs=inputs,
                decision=SimpleNamespace(**decision) if decision else None,
                attachments=attachments(item["attachments"]),
                comments=[],
            )
        )
    return SimpleNamespace(
        council=SimpleNamespace(
            name=council["name"],
            slug=council["slug"],
            secretariat_organisation=SimpleNamespace(name=secretariat)
            if secretariat
            else None,
        ),
        meeting=SimpleNamespace(
            pk=meeting["id"],
            number_label=f"{meeting['number']}/{meeting['year']}",
            date=datetime.date.fromisoformat(meeting["date"]),
            start_time=_time(meeting["start_time"]),
            end_time=_time(meeting["end_time"]),
            venue=meeting["venue"],
            chair=SimpleNamespace(name=meeting["chair"]) if meeting["chair"] else None,
            minute_taker=SimpleNamespace(name=meeting["minute_taker"])
            if meeting["minute_taker"]
            else None,
            quorum_present=meeting["quorum_present"],
        ),
        minutes=minutes,
        members_present=[_ns_person(p) for p in content["members_present"]],
        members_absent=[_ns_person(p) for p in content["members_absent"]],
        substitutes=[
            SimpleNamespace(
                substitute=SimpleNamespace(name=s["substitute"]),
                person=SimpleNamespace(name=s["member"]),
                represented_organisation=SimpleNamespace(name=s["organisation"])
                if s["organisation"]
                else None,
            )
            for s in content["substitutes"]
        ],
        secretariat=[_ns_person(p) for p in content["secretariat"]],
        guests=[_ns_person(p) for p in content["guests"]],
        officials=[_ns_person(p) for p in content["officials"]],
        items=items,
        meeting_attachments=attachments(content["attachments"]),
    )


def last_published_version(minutes: Minutes) -> MinutesVersion | None:
    return (
        MinutesVersion.objects.filter(minutes=minutes, published_at__isnull=False)
        .order_by("-number")
        .first()
    )


def public_versions(minutes: Minutes) -> list[MinutesVersion]:
    """Published versions, oldest first, for the public page's list of corrections.

    No query for minutes that never had more than one version.
    """
    if minutes.version <= 1 and minutes.status != Minutes.Status.CORRECTING:
        return []
    return list(
        MinutesVersion.objects.filter(
            minutes=minutes, published_at__isnull=False
        ).order_by("number")
    )


def public_minutes_view(meeting: Meeting):
    """What the public sees of a meeting's minutes.

    While a correction is in progress the live rows are being edited, so the public
    keeps seeing the last published version, read from its frozen copy.
    """
    minutes = meeting.minutes
    if minutes.status == Minutes.Status.CORRECTING:
        version = last_published_version(minutes)
        if version is not None:
            return snapshot_view(
                version.content, minutes=version_minutes(version), public_only=True
            )
    return minutes_view(meeting, public_only=True)


# Comparing two copies ----------------------------------------------------------------


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


def _input_text(entry: dict) -> str:
    who = entry.get("attributed_to") or ""
    return f"{entry['text']} ({who})" if who else entry["text"]


def _flat_inputs(item: dict) -> list[tuple[int, dict, bool]]:
    rows = []
    for entry in item["inputs"]:
        rows.append((entry["id"], entry, False))
        for child in entry["children"]:
            rows.append((child["id"], child, True))
    return rows


def _diff_inputs(old: dict | None, new: dict | None) -> list[InputDiff]:
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


def _item_fields(item: dict) -> list[tuple[str, str]]:
    decision = item.get("decision")
    return [
        (_("Tittel"), item["title"]),
        (_("Sakstype"), item["kind_label"]),
        (_("Arkivsak"), item["archive_reference"]),
        (_("Innledere"), item["presenters"]),
        (_("Saksfremstilling"), item["body"]),
        (
            _("Vedtak"),
            f"{decision['label']}: {decision['text']}" if decision else "",
        ),
        (
            _("Vedlegg"),
            "\n".join(a["title"] for a in item["attachments"]),
        ),
    ]


def _meeting_text(content: dict) -> list[tuple[str, str]]:
    meeting = content["meeting"]

    def people(rows: list[dict]) -> str:
        return "\n".join(
            f"{p['name']} ({p['organisation']})" if p["organisation"] else p["name"]
            for p in rows
        )

    facts = [
        f"{_('Dato')}: {meeting['date']}",
        f"{_('Tid')}: {meeting['start_time'] or ''}–{meeting['end_time'] or ''}",
        f"{_('Sted')}: {meeting['venue']}",
        f"{_('Møteleder')}: {meeting['chair']}",
        f"{_('Referent')}: {meeting['minute_taker']}",
    ]
    return [
        (_("Om møtet"), "\n".join(facts)),
        (_("Til stede"), people(content["members_present"])),
        (_("Ikke til stede"), people(content["members_absent"])),
        (
            _("Stedfortreder"),
            "\n".join(
                f"{s['substitute']} – {s['member']}" for s in content["substitutes"]
            ),
        ),
        (_("Sekretariat"), people(content["secretariat"])),
        (_("I tillegg møtte"), people(content["guests"] + content["officials"])),
    ]


def version_diff(old: dict[str, Any], new: dict[str, Any]) -> VersionDiff:
    """What changed from one version's copy to another's, per item and per input."""
    meeting_fields = []
    for (label, before), (_label, after) in zip(
        _meeting_text(old), _meeting_text(new), strict=True
    ):
        segments = word_diff(before, after)
        if _changed(segments):
            meeting_fields.append(FieldDiff(label, segments))
    old_items = {item["id"]: item for item in old["items"]}
    new_ids = [item["id"] for item in new["items"]]
    moved = _moved_keys([item["id"] for item in old["items"]], new_ids)
    items = []
    for item in new["items"]:
        before = old_items.get(item["id"])
        if before is None:
            diff = ItemDiff(item["number_label"], item["title"], "added")
            diff.fields = [
                FieldDiff(label, [Segment("ins", value)])
                for label, value in _item_fields(item)
                if value
            ]
            diff.inputs = _diff_inputs(None, item)
            items.append(diff)
            continue
        diff = ItemDiff(
            item["number_label"], item["title"], "same", moved=item["id"] in moved
        )
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
    for item in old["items"]:
        if item["id"] not in set(new_ids):
            diff = ItemDiff(item["number_label"], item["title"], "removed")
            diff.inputs = _diff_inputs(item, None)
            items.append(diff)
    return VersionDiff(meeting_fields=meeting_fields, items=items)
