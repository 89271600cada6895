"""The agenda: meetings, their numbers and standard items, and the agenda items.

Each rule lives here once: the meeting's number in its year, the standard items of a
new meeting, and the sak numbers, which follow the agenda order until the summons is
sent and then stay fixed.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from council.models import Council
from minutes.frozen import meeting_editable, minutes_assert_editable
from minutes.models import (
    AgendaItem,
    Decision,
    ItemKind,
    ItemSeries,
    Meeting,
    Minutes,
)
from minutes.services.editing import content_save


def meeting_next_number(*, council: Council, year: int) -> int:
    """Meetings are numbered 1, 2, 3 … within each council's year («6/2022»)."""
    last = Meeting.objects.filter(council=council, year=year).aggregate(
        n=Max("number")
    )["n"]
    return (last or 0) + 1


def sak_first_number(*, meeting: Meeting, series: str = ItemSeries.CASE) -> int:
    """A meeting's first number in a series: one after the last used earlier that
    year.

    Sak numbers run on through the council's year across meetings (38/22 follows 37/22
    from the meeting before); a council's reports («RS 3/24») run on in their own
    series, and procedural points («Pkt. 1») start again at each meeting. A council
    that starts using the system mid-year sets the first sak number on its first
    meeting.
    """
    if series == ItemSeries.PROCEDURAL:
        return 1
    if series == ItemSeries.CASE and meeting.first_item_number:
        return meeting.first_item_number
    earlier = AgendaItem.objects.filter(
        Q(meeting__date__lt=meeting.date)
        | Q(meeting__date=meeting.date, meeting__number__lt=meeting.number),
        council_id=meeting.council_id,
        year=meeting.year,
        series=series,
    )
    last = earlier.aggregate(n=Max("number"))["n"]
    if last is None:
        return _series_start(meeting, series)
    return last + 1


def _series_start(meeting: Meeting, series: str) -> int:
    """The first number of a year: the council's own for cases, else 1."""
    if series == ItemSeries.CASE:
        return meeting.council.first_case_number(meeting.year)
    return 1


def council_series(council: Council) -> list[tuple[str, str]]:
    """The number series a council's items may be in: cases always; reports when
    the council numbers them apart (a prefix); procedural points when it has a
    label for them."""
    offered = [ItemSeries.CASE]
    if council.report_prefix.strip():
        offered.append(ItemSeries.REPORT)
    if council.procedural_label.strip():
        offered.append(ItemSeries.PROCEDURAL)
    return [(series.value, str(series.label)) for series in offered]


def _assert_series_offered(council: Council, series: str) -> None:
    if series not in {value for value, _label in council_series(council)}:
        raise ValidationError(
            {"series": _("Rådet bruker ikke denne nummerserien.")},
            code="series_not_used",
        )


@transaction.atomic
def agenda_renumber(*, meeting: Meeting) -> None:
    """Give the items numbers in agenda order, each series on its own, until the
    summons has been sent.

    After the summons the numbers are fixed: they have been cited in papers and mail.
    A meeting dated before others of its year (back-filling) takes its place in the
    sequence, and the later meetings whose numbers may still move follow it. When a
    later meeting's numbers are fixed, a new meeting takes the year's next free
    numbers instead, and a change that would move a meeting's numbers onto them is
    refused, as is a first number set by hand that clashes.
    """
    if meeting.summons_sent:
        return
    items = list(
        AgendaItem.objects.filter(meeting=meeting).order_by("order", "number", "id")
    )
    for position, item in enumerate(items, start=1):
        if item.order != position:
            AgendaItem.objects.filter(pk=item.pk).update(order=position)
    for series in ItemSeries:
        in_series = [item for item in items if item.series == series]
        if series == ItemSeries.PROCEDURAL:
            _number(in_series, first=1)
        elif in_series:
            _renumber_series(meeting, series, in_series)


def _renumber_series(meeting: Meeting, series: str, items: list[AgendaItem]) -> None:
    """Number a meeting's items of one series that runs through the year."""
    first = sak_first_number(meeting=meeting, series=series)
    others = AgendaItem.objects.filter(
        council_id=meeting.council_id, year=meeting.year, series=series
    ).exclude(meeting=meeting)
    span = range(first, first + len(items))
    clashing = Meeting.objects.filter(
        pk__in=others.filter(number__in=span).values("meeting")
    )
    following: list[Meeting] = []
    if clashing.exists():
        if series == ItemSeries.CASE and meeting.first_item_number:
            raise ValidationError(
                _(
                    "Saksnumrene kolliderer med et senere møte samme år. "
                    "Endre rekkefølgen eller nummereringen der først."
                ),
                code="number_clash",
            )
        # The later meetings not yet summoned (nor approved) may move: they follow
        # this one.
        movable = list(
            Meeting.objects.filter(
                Q(date__gt=meeting.date)
                | Q(date=meeting.date, number__gt=meeting.number),
                council_id=meeting.council_id,
                year=meeting.year,
                summons_sent_at__isnull=True,
                first_item_number__isnull=True,
            )
            .exclude(minutes__status__in=Minutes.FROZEN_STATUSES)
            .order_by("date", "number")
        )
        if clashing.exclude(pk__in=[m.pk for m in movable]).exists():
            # Numbers sent out, set by hand or approved stay. A meeting numbered in
            # its place keeps it (the change is refused); a new one, or one already
            # numbered out of place, numbers on after the year's last.
            if min(item.number for item in items) == first:
                raise ValidationError(
                    _(
                        "Saksnumrene kolliderer med et senere møte samme år. "
                        "Endre rekkefølgen eller nummereringen der først."
                    ),
                    code="number_clash",
                )
            first = (others.aggregate(n=Max("number"))["n"] or 0) + 1
        else:
            # Their items step aside first so no two items share a number.
            following = movable
            AgendaItem.objects.filter(meeting__in=following, series=series).update(
                number=F("number") + 2_000_000
            )
    _number(items, first=first)
    for later in following:
        agenda_renumber(meeting=later)


def _number(items: list[AgendaItem], *, first: int) -> None:
    """Number items first, first + 1 …, in two passes so the unique constraints
    never see two items of a series with the same number; unchanged ones are left
    alone."""
    wanted = {item.pk: first + index for index, item in enumerate(items)}
    moving = [item for item in items if item.number != wanted[item.pk]]
    offset = 1_000_000
    for index, item in enumerate(moving):
        AgendaItem.objects.filter(pk=item.pk).update(number=offset + index)
    for item in moving:
        AgendaItem.objects.filter(pk=item.pk).update(number=wanted[item.pk])
        item.number = wanted[item.pk]


@transaction.atomic
def agenda_item_add(
    *,
    meeting: Meeting,
    title: str,
    kind: str = "",
    proposed_decision: str = "",
    before_any_other_business: bool = True,
    **fields,
) -> AgendaItem:
    """Add an item to a meeting's agenda, before Eventuelt, and number it.

    An item added after the summons is a late addition (tilleggssak) and takes the next
    free number of the year, so numbers already sent out do not change. An item added
    at the meeting is one too (`is_late_addition=True`), whether or not the summons
    went out through this system: nothing is sent to anyone, and before a summons
    the numbers still follow the agenda order.
    """
    with meeting_editable(meeting):
        items = AgendaItem.objects.filter(meeting=meeting)
        last_order = items.aggregate(n=Max("order"))["n"] or 0
        order = last_order + 1
        aob = items.filter(standard=AgendaItem.Standard.ANY_OTHER_BUSINESS).first()
        if before_any_other_business and aob:
            order = aob.order
            items.filter(order__gte=order).update(order=F("order") + 1)
        fields.setdefault("is_late_addition", meeting.summons_sent)
        # Unless told, a «Referatsaker» item is a report where the council numbers
        # reports on their own.
        reports_apart = bool(meeting.council.report_prefix.strip())
        series = fields.setdefault(
            "series",
            ItemSeries.REPORT
            if kind == ItemKind.REPORTS and reports_apart
            else ItemSeries.CASE,
        )
        _assert_series_offered(meeting.council, series)
        item = AgendaItem(
            meeting=meeting,
            title=title,
            kind=kind,
            order=order,
            number=_unused_number(meeting, series),
            **fields,
        )
        item.full_clean(exclude=["number", "council", "year"])
        item.save()
        Decision.objects.create(item=item, proposed_text=proposed_decision)
        agenda_renumber(meeting=meeting)
        item.refresh_from_db()
        return item


# Numbering typed before a pasted title: «1.», «2)», «Sak 3/24», «PS 14/24:»,
# «Pkt. 1 –», «38/22» or a bullet («- », «• »). A bare number without «.» or «)»
# is left alone: it may belong to the title («2 000 kroner til …»). A council's own
# prefixes («KST 3/24») are numbering too.
_NUMBERING = r"""(?:
        [-*•–—]\s+
      | (?:sak|ps|rs|pkt\.?|punkt{own})\s*\d+(?:\s*/\s*\d+)?(?!\d)\s*[.:)]?
      | \d+\s*/\s*\d+(?!\d)\s*[.:)]?
      | \d+\s*[.)](?!\d)
    )\s*(?:[–—:-]\s+)?"""
_LEADING_NUMBERING = re.compile(
    "^\\s*" + _NUMBERING.format(own=""), re.IGNORECASE | re.VERBOSE
)
TITLE_MAX = AgendaItem._meta.get_field("title").max_length


def _council_words(council: Council | None) -> list[str]:
    """The council's own prefixes and label, without a trailing dot."""
    if council is None:
        return []
    words = (council.case_prefix, council.report_prefix, council.procedural_label)
    return [word.strip().rstrip(".").strip() for word in words if word.strip()]


def _leading_numbering(council: Council | None) -> re.Pattern:
    words = [w for w in _council_words(council) if w.lower() not in _BUILT_IN_WORDS]
    if not words:
        return _LEADING_NUMBERING
    own = "".join(f"|{re.escape(word)}\\.?" for word in words)
    return re.compile("^\\s*" + _NUMBERING.format(own=own), re.IGNORECASE | re.VERBOSE)


_BUILT_IN_WORDS = {"sak", "ps", "rs", "pkt", "punkt"}
# The words of procedural points in Norwegian agendas, whatever the council's label.
_PROCEDURAL_WORDS = ("pkt", "punkt")


def _numbered_as(word: str, *, number: str = r"\d+") -> str:
    """A word («PS», «Pkt.») followed by a number, the dot after the word optional."""
    return rf"{re.escape(word)}\.?\s*{number}(?!\d)"


def _series_marks(council: Council | None) -> list[tuple[str, re.Pattern]]:
    """How a line's leading numbering tells the series, for the series the council
    uses (agenda.council_series): its procedural label (or «Pkt», «Punkt»), its
    report prefix, and for cases its case prefix, «Sak» or a plain number («3/24»,
    «3.»). Procedural points and reports first: they are the more specific."""
    if council is None:
        return []
    marks: list[tuple[str, re.Pattern]] = []
    label = council.procedural_label.strip().rstrip(".").strip()
    if label:
        words = sorted({label, *_PROCEDURAL_WORDS}, key=len, reverse=True)
        marks.append(
            (
                ItemSeries.PROCEDURAL,
                re.compile(
                    "^(?:" + "|".join(_numbered_as(w) for w in words) + r")(?!\s*/)",
                    re.IGNORECASE,
                ),
            )
        )
    report = council.report_prefix.strip().rstrip(".").strip()
    if report:
        marks.append(
            (
                ItemSeries.REPORT,
                re.compile(
                    "^" + _numbered_as(report, number=r"\d+(?:\s*/\s*\d+)?"),
                    re.IGNORECASE,
                ),
            )
        )
    case_words = ["sak"]
    case = council.case_prefix.strip().rstrip(".").strip()
    if case:
        case_words.insert(0, case)
    marks.append(
        (
            ItemSeries.CASE,
            re.compile(
                "^(?:"
                + "|".join(
                    _numbered_as(w, number=r"\d+(?:\s*/\s*\d+)?") for w in case_words
                )
                + r"|\d+\s*/\s*\d+(?!\d)|\d+\s*[.)](?!\d))",
                re.IGNORECASE,
            ),
        )
    )
    return marks


def agenda_line_read(line: str, council: Council | None = None) -> tuple[str, str]:
    """A pasted line as (series, title): its leading numbering and bullets removed
    (repeatedly, so «1. Sak 3/24: Budsjett» gives «Budsjett»), spaces tidied, and
    the series the numbering names where the council uses it («Pkt. 1» a procedural
    point, «RS 3/24» a report, «PS 14/24», «Sak 3/24» or «3.» a case). No numbering,
    or one of a series the council does not use: "" (the series is left to
    agenda_item_add)."""
    leading = _leading_numbering(council)
    marks = _series_marks(council)
    title = " ".join(line.split())
    found = ""
    while True:
        for series, mark in marks:
            if mark.match(title):
                # The most specific mark wins: a procedural point or report over
                # the plain «1.» before it.
                if not found or found == ItemSeries.CASE:
                    found = series
                break
        stripped = leading.sub("", title, count=1).strip()
        if stripped == title or not stripped:
            return (found if stripped else ""), stripped
        title = stripped


def agenda_title_from_line(line: str, council: Council | None = None) -> str:
    """A pasted line as an item title: its leading numbering and bullets removed
    (repeatedly, so «1. Sak 3/24: Budsjett» gives «Budsjett»), spaces tidied."""
    return agenda_line_read(line, council)[1]


@dataclass
class PastedAgenda:
    """What a pasted list of titles gives: the titles, the series each one's
    numbering names ("" where none), and the lines that cannot become an item
    (line number, message)."""

    titles: list[str]
    problems: list[tuple[int, str]]
    series: list[str] = field(default_factory=list)


def agenda_paste_read(text: str, council: Council | None = None) -> PastedAgenda:
    """Each non-empty line is an item title; a line that is numbering only, or a
    title longer than the field allows, is a problem named by its line number.
    With the council, each title keeps the series its numbering names
    (agenda_line_read)."""
    titles, problems, series = [], [], []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        line_series, title = agenda_line_read(line, council)
        if not title:
            problems.append(
                (number, _("Linje %(n)s har ikke noen tittel.") % {"n": number})
            )
        elif len(title) > TITLE_MAX:
            problems.append(
                (
                    number,
                    _("Linje %(n)s er lengre enn %(max)s tegn.")
                    % {"n": number, "max": TITLE_MAX},
                )
            )
        else:
            titles.append(title)
            series.append(line_series)
    return PastedAgenda(titles=titles, problems=problems, series=series)


@transaction.atomic
def agenda_items_paste(
    *, meeting: Meeting, text: str, kind: str = ""
) -> list[AgendaItem]:
    """Add an item per pasted line, in order, before Eventuelt, each with the next
    number. All or nothing: a line that cannot become an item refuses the whole
    paste with a message naming every such line, and nothing is added."""
    pasted = agenda_paste_read(text, meeting.council)
    if pasted.problems:
        raise ValidationError(
            [message for _line, message in pasted.problems], code="paste_lines"
        )
    if not pasted.titles:
        raise ValidationError(
            _("Lim inn minst én tittel, én sak per linje."), code="paste_empty"
        )
    return [
        agenda_item_add(
            meeting=meeting,
            title=title,
            kind=kind,
            **({"series": series} if series else {}),
        )
        for title, series in zip(pasted.titles, pasted.series, strict=True)
    ]


def _unused_number(meeting: Meeting, series: str = ItemSeries.CASE) -> int:
    """The next number of the series (of the council's year; of the meeting for
    procedural points): final for a late addition after the summons, and before it
    a placeholder that agenda_renumber replaces at once."""
    if series == ItemSeries.PROCEDURAL:
        used = AgendaItem.objects.filter(meeting=meeting, series=series)
    else:
        used = AgendaItem.objects.filter(
            council_id=meeting.council_id, year=meeting.year, series=series
        )
    last = used.aggregate(n=Max("number"))["n"]
    if last is None:
        return _series_start(meeting, series)
    return last + 1


@transaction.atomic
def agenda_move(*, item: AgendaItem, delta: int) -> None:
    """Move an item up (delta=-1) or down (+1); numbers follow until the summons."""
    minutes_assert_editable(meeting=item.meeting_id)
    items = list(
        AgendaItem.objects.filter(meeting=item.meeting).order_by("order", "number")
    )
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + delta
    if not 0 <= target < len(items):
        return
    items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items, start=1):
        AgendaItem.objects.filter(pk=other.pk).update(order=position)
    agenda_renumber(meeting=item.meeting)


def _previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(council_id=meeting.council_id, date__lt=meeting.date)
        .order_by("-date", "-number")
        .first()
    )


@transaction.atomic
def meeting_create(
    *,
    council: Council,
    date: datetime.date,
    number: int | None = None,
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    venue: str | None = None,
    with_standard_items: bool = True,
) -> Meeting:
    """Create a meeting with its number, the council's defaults, its standard items and
    empty draft minutes.

    The standard items are: approval of summons and agenda; approval of the previous
    meeting's minutes, linked to that meeting; information from the secretariat; and
    Eventuelt, which always stays last.
    """
    meeting = Meeting(
        council=council,
        date=date,
        number=number or meeting_next_number(council=council, year=date.year),
        start_time=start_time if start_time is not None else council.default_start_time,
        end_time=end_time if end_time is not None else council.default_end_time,
        venue=venue if venue is not None else council.default_venue,
    )
    meeting.full_clean()
    meeting.save()
    Minutes.objects.create(meeting=meeting)
    if with_standard_items:
        _add_standard_items(meeting)
        # Items postponed at earlier meetings that had nowhere to go yet.
        from minutes.services.handling import postponed_carry_into

        postponed_carry_into(meeting=meeting)
    return meeting


def standard_items_default(council: Council) -> list[dict]:
    """The built-in standard items, in the active language, as the council's list
    would hold them: approval of summons and agenda; approval of the previous
    meeting's minutes; information from the secretariat; and Eventuelt."""
    secretariat = council.secretariat_organisation
    return [
        {
            "standard": AgendaItem.Standard.SUMMONS_APPROVAL,
            "title": _("Godkjenning av innkalling og dagsorden"),
            "kind": ItemKind.APPROVAL,
            "proposed_decision": _("%(council)s godkjenner innkalling og dagsorden.")
            % {"council": council.name},
        },
        {
            "standard": AgendaItem.Standard.MINUTES_APPROVAL,
            "title": _("Godkjenning av referatet fra forrige møte"),
            "kind": ItemKind.APPROVAL,
            "proposed_decision": "",
        },
        {
            "standard": AgendaItem.Standard.SECRETARIAT_INFO,
            "title": _("Orientering fra %(secretariat)s")
            % {"secretariat": secretariat.name}
            if secretariat
            else _("Orientering fra sekretariatet"),
            "kind": ItemKind.INFORMATION,
            "proposed_decision": _("%(council)s tar sakene til orientering.")
            % {"council": council.name},
        },
        {
            "standard": AgendaItem.Standard.ANY_OTHER_BUSINESS,
            "title": _("Eventuelt"),
            "kind": ItemKind.ANY_OTHER_BUSINESS,
            "proposed_decision": "",
        },
    ]


def standard_items(council: Council) -> list[dict]:
    """The council's standard items (its own list, else the built-in one)."""
    return list(council.standard_items or standard_items_default(council))


def _add_standard_items(meeting: Meeting) -> None:
    """A new meeting's first items, from the council's list. The approval of the
    previous minutes names and links that meeting (and is left out of a council's
    first meeting); Eventuelt always stays last."""
    council = meeting.council
    previous = _previous_meeting(meeting)
    for row in standard_items(council):
        standard = row.get("standard", "")
        fields = {
            "title": row.get("title") or "",
            "kind": row.get("kind") or "",
            "standard": standard,
            "proposed_decision": row.get("proposed_decision") or "",
        }
        if standard == AgendaItem.Standard.MINUTES_APPROVAL:
            if previous is None:
                continue
            when = date_format(previous.date, "j. F Y")
            fields["title"] = _(
                "Godkjenning av referatet fra møtet %(date)s i %(council)s"
            ) % {"date": when, "council": council.name}
            fields["approves_minutes_of"] = previous
            fields["proposed_decision"] = fields["proposed_decision"] or _(
                "%(council)s godkjenner referatet fra møtet %(date)s."
            ) % {"council": council.name, "date": when}
        agenda_item_add(
            meeting=meeting,
            before_any_other_business=standard
            != AgendaItem.Standard.ANY_OTHER_BUSINESS,
            **fields,
        )


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    """Remove an item from the agenda; numbers close up until the summons is sent."""
    meeting = item.meeting
    with meeting_editable(meeting):
        if item.followups.exists():
            # Follow-up outlives a correction; it is removed on purpose, not with
            # the item.
            raise ValidationError(
                _(
                    "Sak %(number)s har oppfølging. Fjern oppfølgingen før saken "
                    "slettes."
                )
                % {"number": item.number_label},
                code="item_has_followup",
            )
        item.delete()
        agenda_renumber(meeting=meeting)


@transaction.atomic
def agenda_item_update(
    *,
    item: AgendaItem,
    item_revision: int,
    decision_revision: int,
    fields: dict,
    proposed_text: str,
    decision_exemption_basis: str | None = None,
) -> AgendaItem:
    """Save an item's facts and its proposed decision, both revision-checked.

    An item moved to another series takes that series' next number (renumbered in
    agenda order until the summons is sent; after it, the number is final)."""
    new_series = fields.get("series", item.series)
    moved = new_series != item.series
    if moved:
        _assert_series_offered(item.meeting.council, new_series)
        fields = {**fields, "number": _unused_number(item.meeting, new_series)}
    item = content_save(obj=item, revision=item_revision, changes=fields)
    if moved:
        agenda_renumber(meeting=item.meeting)
        item.refresh_from_db()
    decision, _created = Decision.objects.get_or_create(item=item)
    changes = {"proposed_text": proposed_text}
    if decision_exemption_basis is not None:
        changes["exemption_basis"] = decision_exemption_basis
    content_save(obj=decision, revision=decision_revision, changes=changes)
    return item
