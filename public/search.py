"""Search over published items, inputs and decisions.

On PostgreSQL: full-text search with the `norwegian` configuration (so «kommunene» finds
«kommune»), ranked, over the stored, GIN-indexed documents of migration 0006. On
SQLite: every word must occur (icontains) in the same fields, unranked.

Each kind ranks at most its CANDIDATES_PER_KIND newest matches, so a word found
everywhere costs no more than a rare one. A search runs a fixed number of queries:
one count per kind, one page of (kind, id, rank) rows over the union of the three
kinds, one query per kind for the hits on the page, and one for the published
documents their titles and attributions are read from.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import CharField, Expression, F, FloatField, Q, QuerySet, Value
from django.db.models.query import EmptyQuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from council.models import Council, Organisation
from minutes.exemptions import public_decisions, public_inputs, public_items
from minutes.models import (
    SEARCH_CONFIG,
    AgendaItem,
    Decision,
    Input,
    decision_search_text,
)
from minutes.public import frozen_public_meetings, published_documents

MAX_QUERY_LENGTH = 200
# A common word can match most of a large archive. Ranking every match would cost
# seconds, so each kind ranks only its newest matches (by id: the order they were
# written), and the visitor is told when there were more.
CANDIDATES_PER_KIND = 500
PAGE_SIZE = 20
SNIPPET_CHARS = 220
# ts_headline marks matches with these; the text is escaped before they become <mark>.
_START, _STOP = "\ue000", "\ue001"
_WORD = re.compile(r"\w+", re.UNICODE)


class Kind:
    ITEM = "item"
    INPUT = "input"
    DECISION = "decision"


@dataclass
class SearchFilters:
    council: Council | None = None
    year: int | None = None
    kind: str = ""
    organisation: Organisation | None = None


@dataclass
class Hit:
    kind: str
    item: AgendaItem
    snippet: SafeString
    title: SafeString
    anchor: str
    attributed_to: str = ""


@dataclass
class SearchResult:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    terms: list[str] = field(default_factory=list)
    page: int = 1
    # More matches than were ranked: `total` counts only the ranked ones.
    capped: bool = False


class SearchDocument(Expression):
    """The stored `search_document` column of the query's own table (PostgreSQL,
    migration 0006): the row's text as a tsvector, so matching and ranking need not
    parse the text again. The models do not declare the column (the database computes
    it), so this names it on whatever alias the table has, in subqueries too."""

    output_field = SearchVectorField()

    def __init__(self, alias: str | None = None):
        super().__init__()
        self.alias = alias

    def resolve_expression(self, query=None, *args, **kwargs):
        clone = self.copy()
        clone.alias = query.get_initial_alias()
        return clone

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(self.alias)}.search_document", []


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def clean_query(raw: str) -> tuple[str, list[str]]:
    """The query as searched, and messages for the visitor about what was changed."""
    messages = []
    # Control characters (NUL above all) mean nothing in a search and upset databases.
    printable = "".join(
        " " if unicodedata.category(c).startswith("C") else c for c in raw or ""
    )
    query = " ".join(printable.split())
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or query[:MAX_QUERY_LENGTH]
        messages.append(
            _("Søket var for langt og er forkortet til %(count)s tegn.")
            % {"count": MAX_QUERY_LENGTH}
        )
    return query, messages


def query_words(query: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(query)]


def highlight_terms(query: str) -> list[str]:
    """What to mark in a text found by `query`: stems on PostgreSQL, words otherwise."""
    words = query_words(query)
    if not words:
        return []
    if not is_postgres():
        return words
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector(%s::regconfig, %s)::text",
            [SEARCH_CONFIG, " ".join(words)],
        )
        vector = cursor.fetchone()[0]
    return re.findall(r"'((?:[^']|'')+)'", vector)


def mark_terms(
    text: str, terms: list[str], *, prefix: bool | None = None
) -> SafeString:
    """Escape `text` and wrap the terms in <mark>.

    With `prefix` (PostgreSQL's stems), whole words starting with a term are marked;
    otherwise every occurrence of a term, as SQLite's icontains finds them.
    """
    if prefix is None:
        prefix = is_postgres()
    pattern = _terms_pattern(terms, prefix=prefix)
    if pattern is None:
        return escape(text)
    return mark_safe(_mark(text, pattern))


def mark_html(html: str, terms: list[str]) -> SafeString:
    """Mark terms in escaped HTML: in its text only, never in tags or entities."""
    pattern = _terms_pattern(terms, prefix=is_postgres())
    if pattern is None:
        return mark_safe(html)
    out = []
    for piece in re.split(r"(<[^>]*>|&[#\w]+;)", str(html)):
        if piece.startswith(("<", "&")):
            out.append(piece)
        else:
            out.append(pattern.sub(r"<mark>\g<0></mark>", piece))
    return mark_safe("".join(out))


def _terms_pattern(terms: list[str], *, prefix: bool) -> re.Pattern | None:
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in terms)
    if prefix:
        return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)
    return re.compile(alternatives, re.IGNORECASE)


def _mark(text: str, pattern: re.Pattern) -> str:
    out, position = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[position : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def _headline_to_html(headline: str) -> SafeString:
    """ts_headline's output, escaped, with its match markers turned into <mark>."""
    out, open_mark = [], False
    for piece in re.split(f"([{_START}{_STOP}])", headline or ""):
        if piece == _START and not open_mark:
            out.append("<mark>")
            open_mark = True
        elif piece == _STOP and open_mark:
            out.append("</mark>")
            open_mark = False
        elif piece not in (_START, _STOP):
            out.append(escape(piece))
    if open_mark:
        out.append("</mark>")
    return mark_safe("".join(out))


def _snippet(text: str, words: list[str]) -> SafeString:
    """A window of plain text around the first match, escaped and marked (SQLite)."""
    lowered = text.lower()
    positions = [lowered.find(w) for w in words if lowered.find(w) >= 0]
    start = max(0, min(positions) - SNIPPET_CHARS // 3) if positions else 0
    window = text[start : start + SNIPPET_CHARS]
    if start > 0:
        window = "…" + window.split(" ", 1)[-1]
    if start + SNIPPET_CHARS < len(text):
        window = window.rsplit(" ", 1)[0] + "…"
    return mark_terms(window, words, prefix=False)


def _published_items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.filter(meeting__in=frozen_public_meetings())


def _matches(query: str, filters: SearchFilters) -> list[tuple[QuerySet, Any]]:
    """Per kind (item, input, decision): the published, filtered matches of the
    query, and the expression that ranks them."""
    published = Q(item__meeting__in=frozen_public_meetings())
    item_filter, child_filter = Q(), Q()
    if filters.council:
        item_filter &= Q(council=filters.council)
        child_filter &= Q(item__council=filters.council)
    if filters.year:
        item_filter &= Q(year=filters.year)
        child_filter &= Q(item__year=filters.year)
    if filters.kind:
        item_filter &= Q(kind=filters.kind)
        child_filter &= Q(item__kind=filters.kind)

    # Exempt content (minutes/exemptions.py) never matches: an item exempt in part
    # or whole, an exempt input or one under an exempt input, an exempt decision.
    items = _published_items().filter(item_filter & public_items())
    inputs = Input.objects.filter(published & child_filter & public_inputs()).exclude(
        parent__exemption_basis__gt=""
    )
    decisions = Decision.objects.filter(published & child_filter & public_decisions())
    if filters.organisation:
        # «What did Legeforeningen say»: only inputs carry an organisation.
        inputs = inputs.filter(organisation=filters.organisation)
        items, decisions = items.none(), decisions.none()

    if is_postgres():
        search_query = SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        rank = SearchRank(SearchDocument(), search_query)
        return [
            (qs.alias(document=SearchDocument()).filter(document=search_query), rank)
            for qs in (items, inputs, decisions)
        ]
    words = query_words(query)
    zero = Value(0.0, output_field=FloatField())
    return [
        (
            items.filter(
                *[Q(title__icontains=w) | Q(body__icontains=w) for w in words]
            ),
            zero,
        ),
        (inputs.filter(*[Q(text__icontains=w) for w in words]), zero),
        (
            decisions.filter(
                *[
                    Q(final_text__icontains=w)
                    | Q(final_text="", proposed_text__icontains=w)
                    for w in words
                ]
            ),
            zero,
        ),
    ]


def _newest(matches: QuerySet, count: int) -> QuerySet:
    return matches.order_by("-pk").values("pk")[:count]


def _branches(matches: list[tuple[QuerySet, Any]]) -> list[QuerySet]:
    """One queryset per kind over its newest matches, each selecting
    (hit_kind, hit_id, hit_rank, hit_date)."""
    dates = (F("meeting__date"), F("item__meeting__date"), F("item__meeting__date"))
    kinds = (Kind.ITEM, Kind.INPUT, Kind.DECISION)
    # PostgreSQL takes a LIMIT in each part of a UNION, so the newest matches are
    # ranked where they are found; SQLite does not, so there each part picks its
    # rows by id from a subquery. So does a search left with one kind (Django drops
    # empty parts from a union, and a lone sliced part cannot be ordered by rank).
    sliced = connection.features.supports_slicing_ordering_in_compound and not any(
        isinstance(qs, EmptyQuerySet) for qs, _rank in matches
    )
    branches = []
    for (qs, rank), date, kind in zip(matches, dates, kinds, strict=True):
        if not sliced:
            qs = qs.model.objects.filter(pk__in=_newest(qs, CANDIDATES_PER_KIND))
        branch = qs.annotate(
            hit_kind=Value(kind, output_field=CharField()),
            hit_id=F("pk"),
            hit_rank=rank,
            hit_date=date,
        ).values("hit_kind", "hit_id", "hit_rank", "hit_date")
        if sliced:
            branch = branch.order_by("-pk")[:CANDIDATES_PER_KIND]
        else:
            branch = branch.order_by()
        branches.append(branch)
    return branches


def search(
    query: str, filters: SearchFilters, *, page: int = 1
) -> tuple[SearchResult, int]:
    """One page of hits, best first, and the number of pages."""
    result = SearchResult(query=query)
    words = query_words(query)
    if not words:
        return result, 0
    matches = _matches(query, filters)
    # One more than is ranked tells whether there were more.
    counts = [_newest(qs, CANDIDATES_PER_KIND + 1).count() for qs, _rank in matches]
    result.total = sum(min(count, CANDIDATES_PER_KIND) for count in counts)
    result.capped = any(count > CANDIDATES_PER_KIND for count in counts)
    if not result.total:
        return result, 1
    pages = max(1, -(-result.total // PAGE_SIZE))
    page = min(max(page, 1), pages)
    first, *rest = _branches(matches)
    union = first.union(*rest, all=True)
    rows = list(
        union.order_by("-hit_rank", "-hit_date", "hit_kind", "hit_id")[
            (page - 1) * PAGE_SIZE : page * PAGE_SIZE
        ]
    )
    result.hits = _load_hits(rows, query, words)
    return result, pages


def _load_hits(rows: list[dict], query: str, words: list[str]) -> list[Hit]:
    """The objects behind one page of rows, with snippets: one query per kind."""
    wanted = {
        kind: [r["hit_id"] for r in rows if r["hit_kind"] == kind]
        for kind in (
            Kind.ITEM,
            Kind.INPUT,
            Kind.DECISION,
        )
    }
    item_related = ("council", "meeting", "meeting__council")
    child_related = ("item", "item__council", "item__meeting", "item__meeting__council")
    postgres = is_postgres()
    search_query = (
        SearchQuery(query, config=SEARCH_CONFIG, search_type="websearch")
        if postgres
        else None
    )

    def headline(expression, **options):
        return SearchHeadline(
            expression,
            search_query,
            config=SEARCH_CONFIG,
            start_sel=_START,
            stop_sel=_STOP,
            **options,
        )

    snippet_options = {
        "max_words": 35,
        "min_words": 15,
        "max_fragments": 2,
        "fragment_delimiter": " … ",
    }
    found: dict[tuple[str, int], Hit] = {}
    if wanted[Kind.ITEM]:
        qs = AgendaItem.objects.filter(pk__in=wanted[Kind.ITEM]).select_related(
            *item_related
        )
        if postgres:
            qs = qs.annotate(
                title_html=headline("title", highlight_all=True),
                snippet_html=headline("body", **snippet_options),
            )
        for item in qs:
            if postgres:
                title = _headline_to_html(item.title_html)
                snippet = _headline_to_html(item.snippet_html)
            else:
                title = mark_terms(item.title, words, prefix=False)
                snippet = _snippet(item.body, words)
            found[(Kind.ITEM, item.pk)] = Hit(
                Kind.ITEM, item, snippet, title, anchor=item.anchor
            )
    if wanted[Kind.INPUT]:
        qs = Input.objects.filter(pk__in=wanted[Kind.INPUT]).select_related(
            *child_related, "organisation", "sector", "person"
        )
        if postgres:
            qs = qs.annotate(snippet_html=headline("text", **snippet_options))
        for entry in qs:
            snippet = (
                _headline_to_html(entry.snippet_html)
                if postgres
                else _snippet(entry.text, words)
            )
            found[(Kind.INPUT, entry.pk)] = Hit(
                Kind.INPUT,
                entry.item,
                snippet,
                escape(entry.item.title),
                anchor=f"innspill-{entry.pk}",
                attributed_to=entry.attributed_to,
            )
    if wanted[Kind.DECISION]:
        qs = Decision.objects.filter(pk__in=wanted[Kind.DECISION]).select_related(
            *child_related
        )
        if postgres:
            qs = qs.annotate(
                snippet_html=headline(decision_search_text(), **snippet_options)
            )
        for decision in qs:
            snippet = (
                _headline_to_html(decision.snippet_html)
                if postgres
                else _snippet(decision.text, words)
            )
            found[(Kind.DECISION, decision.pk)] = Hit(
                Kind.DECISION,
                decision.item,
                snippet,
                escape(decision.item.title),
                anchor="vedtak",
            )
    hits = [
        found[(r["hit_kind"], r["hit_id"])]
        for r in rows
        if (r["hit_kind"], r["hit_id"]) in found
    ]
    return _as_published(hits, words)


def _as_published(hits: list[Hit], words: list[str]) -> list[Hit]:
    """Titles and attributions as the published documents have them (one query).

    Matching runs on the rows of published minutes, which are frozen and hold the
    published text; names around them (an organisation renamed since) are read from
    the document the public reads everywhere else."""
    meetings = list({hit.item.meeting_id: hit.item.meeting for hit in hits}.values())
    documents = published_documents(meetings)
    for hit in hits:
        document = documents.get(hit.item.meeting_id)
        item = document and next(
            (i for i in document.items if i.id == hit.item.pk), None
        )
        if item is None:
            continue
        if hit.kind != Kind.ITEM:
            hit.title = escape(item.title)
        if hit.kind == Kind.INPUT:
            entry_id = int(hit.anchor.removeprefix("innspill-"))
            entry = next((e for e in item.all_inputs if e.id == entry_id), None)
            hit.attributed_to = entry.attributed_to if entry else hit.attributed_to
    return hits
