"""/<council>/vedtak/: the decision register, filtered by year, type and words, as a
page, CSV or JSON."""

import csv

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.cache import cached_public, council_scope
from public.decisions import DecisionEntry, council_decisions
from public.views import _alternates, _public_council, _respond

CSV_COLUMNS = [
    ("number_label", "saksnummer"),
    ("meeting", "mote"),
    ("meeting_date", "motedato"),
    ("title", "tittel"),
    ("kind_label", "sakstype"),
    ("label", "vedtakstype"),
    ("text", "vedtak"),
    ("url", "lenke"),
]
# Where the council publishes follow-up: one column each, several follow-ups of a
# decision joined by «; ».
FOLLOWUP_CSV_COLUMNS = [
    ("status_label", "oppfolging_status"),
    ("due_date", "oppfolging_frist"),
    ("responsible", "oppfolging_ansvarlig"),
]
MAX_QUERY = 200


def _followup_cells(entry: DecisionEntry) -> list[str]:
    rows = [f.as_dict() for f in entry.followups]
    return [
        "; ".join(str(row[key]) for row in rows) for key, _h in FOLLOWUP_CSV_COLUMNS
    ]


def _filtered(
    entries: list[DecisionEntry], year: str, kind: str, query: str
) -> list[DecisionEntry]:
    if year.isdigit():
        entries = [e for e in entries if e.year == int(year)]
    if kind:
        entries = [e for e in entries if e.kind == kind or e.kind_label == kind]
    words = query.casefold().split()
    if words:
        entries = [e for e in entries if e.matches(words)]
    return entries


@require_safe
def decision_register(request: HttpRequest, council_slug: str) -> HttpResponse:
    council = _public_council(council_slug)
    followup = council.publishes_followup
    # Whether a follow-up is overdue changes with the date.
    key = f"decisions:{timezone.localdate()}" if followup else "decisions"
    entries = cached_public(
        council_scope(council), key, lambda: council_decisions(council)
    )
    year = request.GET.get("ar", "")[:4]
    kind = request.GET.get("type", "")[:60]
    query = request.GET.get("q", "")[:MAX_QUERY]
    chosen = _filtered(entries, year, kind, query)
    absolute = request.build_absolute_uri
    output = request.GET.get("format", "")
    filename = f"vedtak-{council.slug}"
    if output == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        # A byte order mark, so spreadsheet programs read the file as UTF-8.
        response.write("\ufeff")
        writer = csv.writer(response)
        headers = [header for _key, header in CSV_COLUMNS]
        if followup:
            headers += [header for _key, header in FOLLOWUP_CSV_COLUMNS]
        writer.writerow(headers)
        for entry in chosen:
            row = entry.as_dict()
            row["url"] = absolute(row["url"])
            cells = [row[key] for key, _header in CSV_COLUMNS]
            writer.writerow(cells + (_followup_cells(entry) if followup else []))
        return response
    if output == "json":
        data = [
            {
                **e.as_dict(),
                "url": absolute(e.url),
                **(
                    {"followup": [f.as_dict() for f in e.followups]} if followup else {}
                ),
            }
            for e in chosen
        ]
        response = JsonResponse(
            {"council": council.name, "count": len(data), "decisions": data},
            json_dumps_params={"ensure_ascii": False},
        )
        response["Content-Disposition"] = f'inline; filename="{filename}.json"'
        return response
    years = sorted({e.year for e in entries}, reverse=True)
    kinds = sorted({(e.kind, e.kind_label) for e in entries if e.kind})
    query_string = request.GET.copy()
    query_string.pop("format", None)
    body = render_to_string(
        "public/decisions.html",
        {
            "council": council,
            "entries": chosen,
            "total": len(entries),
            "years": years,
            "kinds": kinds,
            "year": year,
            "kind": kind,
            "query": query,
            "filters": query_string.urlencode(),
            "publishes_followup": followup,
        },
        request=request,
    )
    return _respond(
        request,
        {
            "title": _("Vedtak – %(council)s") % {"council": council.name},
            "alternates": _alternates(council),
            "body": body,
        },
    )
