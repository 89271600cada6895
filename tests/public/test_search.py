"""Search over published items, inputs and decisions (/sok/)."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from minutes.models import AgendaItem, Decision, Input
from public import search
from tests.factories import OrganisationFactory, make_meeting
from tests.public.helpers import publish

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search runs on PostgreSQL"
)


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def search_page(client, **params):
    response = client.get(reverse("public:search"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_visitor_finds_sak_45_22_by_legemiddelliste(client, demo):
    page = search_page(client, q="legemiddelliste")
    assert "45/22" in page
    assert "Digital samhandling – PDS og PLL i 2023" in page
    assert "<mark>legemiddelliste</mark>" in page
    assert "møte 6/2022" in page and "2. desember 2022" in page
    item_url = "/nasjonalt-e-helserad/sak/2022/45/?q=legemiddelliste#"
    assert item_url in page
    landing = client.get("/nasjonalt-e-helserad/sak/2022/45/?q=legemiddelliste")
    assert "<mark>legemiddelliste</mark>" in landing.content.decode()


def test_the_result_links_to_the_matching_input(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.first()
    entry = Input.objects.create(item=item, text="Et innspill om fastlegeordningen")
    publish(meeting)
    page = search_page(client, q="fastlegeordningen")
    assert f"{item.get_absolute_url()}?q=fastlegeordningen#innspill-{entry.pk}" in page
    landing = client.get(item.get_absolute_url(), {"q": "fastlegeordningen"})
    assert f'id="innspill-{entry.pk}"' in landing.content.decode()


def test_unpublished_minutes_are_never_found(client, council):
    draft = make_meeting(council, datetime.date(2022, 2, 1))
    Input.objects.create(item=draft.items.first(), text="Hemmeligord i utkast")
    page = search_page(client, q="hemmeligord")
    assert "0 treff" in page
    assert draft.items.first().get_absolute_url() not in page


@pytest.mark.parametrize(
    "query",
    [
        "!!! ... ???",
        '"unbalanced quote',
        "'; DROP TABLE minutes_input; --",
        "a" * 10_000,
        "ord " * 3_000,
        "-",
        "OR AND NOT",
        "<script>alert(1)</script>",
        "\x00nullbyte",
    ],
)
def test_odd_queries_get_an_answer_never_an_error(client, council, query):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    publish(meeting)
    page = search_page(client, q=query)
    assert "<script>alert(1)" not in page
    assert "treff for" in page or 'class="alert alert-warning"' in page
    assert Input.objects.model._meta.db_table  # the table is still there


def test_an_empty_query_asks_for_a_word(client, db):
    assert "Skriv minst ett ord" in search_page(client, q="")
    assert "ingen ord vi kan søke etter" in search_page(client, q="?!.,")


def test_a_very_long_query_is_shortened_with_a_message(client, db):
    page = search_page(client, q="legemiddel " * 2000)
    assert "forkortet til 200 tegn" in page


def test_user_text_in_snippets_is_escaped(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    Input.objects.create(
        item=meeting.items.first(), text='<img src=x onerror="alert(1)"> sykehus'
    )
    publish(meeting)
    page = search_page(client, q="sykehus")
    # PostgreSQL's headline drops the tag-like token; SQLite's snippet escapes it.
    assert "<img" not in page
    assert "<mark>sykehus</mark>" in page


def test_filters_narrow_by_council_year_kind_and_organisation(client, db):
    from tests.factories import CouncilFactory

    first, second = CouncilFactory(), CouncilFactory()
    legeforeningen = OrganisationFactory(name="Legeforeningen")
    old = make_meeting(first, datetime.date(2021, 2, 1))
    Input.objects.create(item=old.items.first(), text="Journalløsning i 2021")
    new = make_meeting(first, datetime.date(2022, 2, 1))
    Input.objects.create(
        item=new.items.first(),
        text="Journalløsning fra legene",
        attribution=Input.Attribution.ORGANISATION,
        organisation=legeforeningen,
    )
    other = make_meeting(second, datetime.date(2022, 2, 1))
    Input.objects.create(item=other.items.first(), text="Journalløsning annet råd")
    for meeting in (old, new, other):
        publish(meeting)

    assert "3 treff" in search_page(client, q="journalløsning")
    page = search_page(client, q="journalløsning", rad=first.slug)
    assert "2 treff" in page and "annet råd" not in page
    page = search_page(client, q="journalløsning", rad=first.slug, ar="2022")
    assert "1 treff" in page and "fra legene" in page
    page = search_page(client, q="journalløsning", virksomhet=legeforeningen.slug)
    assert "1 treff" in page and "Legeforeningen" in page
    page = search_page(client, q="journalløsning", type="eventuelt")
    assert "0 treff" in page
    page = search_page(client, q="journalløsning", type="godkjenning")
    assert "3 treff" in page


def test_decisions_are_found_by_their_published_text(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    decision = meeting.items.first().decision
    decision.proposed_text = "Rådet utsetter saken."
    decision.final_text = "Rådet vedtar veikartet."
    decision.save()
    publish(meeting)
    assert "1 treff" in search_page(client, q="veikartet")
    page = search_page(client, q="veikartet")
    assert "#vedtak" in page


def test_mark_terms_escapes_before_marking():
    html = search.mark_terms("<b>kommune</b> & kommunene", ["kommun"], prefix=True)
    assert html == (
        "&lt;b&gt;<mark>kommune</mark>&lt;/b&gt; &amp; <mark>kommunene</mark>"
    )


@on_postgres
def test_inflections_are_found_on_postgresql(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    Input.objects.create(item=meeting.items.first(), text="Hver kommune må svare.")
    publish(meeting)
    page = search_page(client, q="kommunene")
    assert "1 treff" in page
    assert "<mark>kommune</mark>" in page


@on_postgres
def test_search_results_are_ranked_on_postgresql(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.first()
    weak = Input.objects.create(item=item, order=1, text="Ett ord om personvern.")
    strong = Input.objects.create(
        item=item, order=2, text="Personvern, personvern og atter personvern."
    )
    publish(meeting)
    page = search_page(client, q="personvern")
    assert page.index(f"innspill-{strong.pk}") < page.index(f"innspill-{weak.pk}")


@on_postgres
def test_the_search_query_uses_the_gin_indexes(council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    # Enough other text that reading every row would clearly cost more than the index.
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            council=council,
            year=2022,
            number=100 + n,
            order=100 + n,
            title=f"Sak {n}",
            body="Om journal og samhandling. " * 20,
        )
        for n in range(1000)
    )
    Decision.objects.bulk_create(
        Decision(item=item, final_text="Rådet tar saken til orientering. " * 10)
        for item in items
    )
    item = meeting.items.first()
    Input.objects.bulk_create(
        Input(item=item, order=n, text="Om journal og samhandling. " * 20)
        for n in range(1000)
    )
    Input.objects.create(item=item, text="legemiddelliste")
    publish(meeting)
    with connection.cursor() as cursor:
        for table in ("minutes_agendaitem", "minutes_input", "minutes_decision"):
            cursor.execute(f"ANALYZE {table}")
    branches = search._branches(
        search._matches("legemiddelliste", search.SearchFilters())
    )
    union = branches[0].union(*branches[1:], all=True)
    sql, params = union.query.sql_with_params()
    with connection.cursor() as cursor:
        # On a test-sized table the planner may prefer reaching items through their
        # meeting; rule out the alternatives so the plan shows whether the GIN
        # indexes match the expressions queried.
        for option in ("seqscan", "nestloop", "indexscan"):
            cursor.execute(f"SET enable_{option} = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        for option in ("seqscan", "nestloop", "indexscan"):
            cursor.execute(f"SET enable_{option} = on")
    for index in ("item_search_gin", "input_search_gin", "decision_search_gin"):
        assert index in plan, plan


def test_a_word_found_everywhere_ranks_only_the_newest_matches_and_says_so(
    client, council, monkeypatch
):
    monkeypatch.setattr(search, "CANDIDATES_PER_KIND", 3)
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    item = meeting.items.first()
    inputs = [
        Input.objects.create(item=item, order=n, text=f"Personvern, innspill {n}.")
        for n in range(5)
    ]
    publish(meeting)

    result, pages = search.search("personvern", search.SearchFilters())
    assert result.capped
    assert result.total == 3
    found = {hit.anchor for hit in result.hits}
    assert found == {f"innspill-{entry.pk}" for entry in inputs[2:]}

    page = search_page(client, q="personvern")
    assert "Over 3 treff for «personvern»" in page
    assert "Søket fant svært mange treff" in page


def test_a_search_within_the_cap_is_not_said_to_be_capped(client, council):
    meeting = make_meeting(council, datetime.date(2022, 2, 1))
    Input.objects.create(item=meeting.items.first(), text="Om personvern.")
    publish(meeting)
    result, pages = search.search("personvern", search.SearchFilters())
    assert (result.total, result.capped, pages) == (1, False, 1)
    assert "Søket fant svært mange treff" not in search_page(client, q="personvern")
