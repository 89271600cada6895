"""Every public page runs a fixed number of queries, however much it shows.

Each page is measured at two sizes (2 and 6 items, inputs per item, members and papers)
with an empty cache, and must run the same, fixed, number of queries.
"""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse

from council.models import Membership
from tests.factories import CouncilFactory
from tests.public.helpers import filled_meeting

pytestmark = pytest.mark.django_db


def archive(size: int):
    council = CouncilFactory()
    meetings = [
        filled_meeting(council, datetime.date(2020 + n, 3, 1), size=size)
        for n in range(size)
    ]
    return council, meetings


def page_urls(council, meetings) -> dict[str, str]:
    meeting = meetings[-1]
    item = meeting.items.order_by("-order").last()
    organisation = Membership.objects.filter(council=council).first().organisation
    return {
        "home": "/",
        "council": council.get_absolute_url(),
        "meeting": meeting.get_absolute_url(),
        "item": item.get_absolute_url(),
        "item_highlighted": item.get_absolute_url() + "?q=tema",
        "organisation": reverse("public:organisation", args=[organisation.slug]),
        "search": reverse("public:search") + "?q=tema",
        "search_empty": reverse("public:search") + "?q=",
        "feed": reverse("public:council_feed", args=[council.slug]),
        "calendar": reverse("public:council_calendar", args=[council.slug]),
        "sitemap": "/sitemap.xml",
        "accessibility": reverse("public:accessibility"),
    }


# Queries with an empty cache, per page:
BUDGETS = {
    # councils with counts, latest minutes, coming meetings
    "home": 3,
    # council; published meetings; coming meetings; members with organisation/sector
    "council": 4,
    # council; meeting (+council, minutes); its published version (the document);
    # the list of published versions
    "meeting": 4,
    # council; item (+meeting, minutes); its meeting's published version (the
    # document holds the inputs, decision, papers and the items beside it)
    "item": 3,
    # the same, plus the query's stems on PostgreSQL (see test below)
    "item_highlighted": 3,
    # organisation (+sector); count; one page of inputs
    "organisation": 3,
    # councils, organisations, years, kinds for the filters; one count per kind; page
    # of hits; one query per kind of hit on the page; the published versions of the
    # hits' meetings (so at most 12: see below)
    "search": 12,
    # the filters only
    "search_empty": 4,
    # council; minutes (+meeting); their published versions (the documents);
    # summoned meetings not yet minuted (none here; each adds its agenda's papers and
    # items, two queries, and a council has a few at most)
    "feed": 4,
    # council; meetings (+minutes' state); published versions of the published ones
    "calendar": 3,
    # councils; published meetings and items, each counted once for paging
    "sitemap": 6,
    "accessibility": 0,
}


@pytest.mark.parametrize("size", [2, 6])
def test_each_public_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, django_assert_max_num_queries, size
):
    from django.db import connection

    council, meetings = archive(size)
    for name, url in page_urls(council, meetings).items():
        expected = BUDGETS[name]
        if name == "item_highlighted" and connection.vendor == "postgresql":
            expected += 1
        cache.clear()
        # A search page loads each kind of hit it shows (item, input, decision) in one
        # query; which kinds make the first page depends on the content, not its size.
        assert_queries = (
            django_assert_max_num_queries
            if name == "search"
            else django_assert_num_queries
        )
        with assert_queries(expected, info=name):
            response = client.get(url)
        assert response.status_code == 200, name


def test_a_cached_page_needs_no_query(client, django_assert_num_queries):
    council, meetings = archive(2)
    url = meetings[-1].get_absolute_url()
    client.get(url)
    # A plain visitor gets the whole page from the cache.
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_a_logged_in_reader_of_a_cached_page_costs_only_the_session(
    client, world, django_assert_max_num_queries
):
    council, meetings = archive(2)
    url = meetings[-1].get_absolute_url()
    # Charlie sits in another council: to this one he is just a logged-in reader.
    client.force_login(world.member_b)
    client.get(url)
    # Session, user, second factor, the workspace link in the header and the session
    # saved again (in a savepoint); never the minutes, which come from the cache.
    with django_assert_max_num_queries(7):
        assert client.get(url).status_code == 200
