"""Every API endpoint runs the same number of SQL queries however much there is."""

import datetime

import pytest

from minutes.models import AgendaItem, Decision, Input
from tests.api.conftest import add_content, publish
from tests.factories import CouncilFactory, MembershipFactory, make_meeting

# (url, queries): a list is count + the page's ids + the page's rows + prefetches.
LISTS = [
    ("/api/bodies/", 3),
    ("/api/organizations/", 3),  # sector joined
    ("/api/persons/", 4),  # + memberships
    ("/api/memberships/", 3),  # council joined
    # + items (decision joined), items' files, votes, statements for the record,
    # disqualifications, meeting files
    ("/api/meetings/", 9),
    # decision joined, + files, votes, statements, disqualifications
    ("/api/agenda-items/", 7),
    ("/api/inputs/", 3),  # organisation, sector and person joined
    ("/api/decisions/", 3),  # item joined
    ("/api/files/", 3),
]


def _grow(archive, meetings: int) -> None:
    """More councils and published meetings, with more inputs, members and files."""
    for index in range(meetings):
        CouncilFactory()
        meeting = make_meeting(archive.council, datetime.date(2023, 3, 1 + index))
        add_content(meeting, inputs=5, prefix=f"Ekstra {index} ")
        publish(meeting)
        MembershipFactory(council=archive.council)


@pytest.mark.parametrize("url,queries", LISTS)
def test_a_list_runs_a_fixed_number_of_queries(
    client, archive, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        small = client.get(url, {"limit": 100})
    _grow(archive, 3)
    with django_assert_num_queries(queries):
        large = client.get(url, {"limit": 100})
    assert small.status_code == large.status_code == 200
    assert len(large.content) > len(small.content)


def _details(archive):
    meeting = archive.published
    item = AgendaItem.objects.filter(meeting=meeting).last()
    return [
        (f"/api/bodies/{archive.council.slug}/", 1),
        (f"/api/persons/{archive.member.pk}/", 2),  # person, memberships
        (f"/api/memberships/{archive.member.memberships.first().pk}/", 1),
        # meeting, items, items' files, votes, statements, disqualifications, files
        (f"/api/meetings/{meeting.pk}/", 7),
        # item with decision, files, votes, statements, disqualifications
        (f"/api/agenda-items/{item.pk}/", 5),
        (f"/api/inputs/{Input.objects.filter(item=item).first().pk}/", 1),
        (f"/api/decisions/{Decision.objects.get(item=item).pk}/", 1),
        (f"/api/files/{archive.public_file.pk}/", 1),
    ]


def test_a_detail_runs_a_fixed_number_of_queries(
    client, archive, django_assert_num_queries
):
    small = _details(archive)
    _grow(archive, 2)
    for url, queries in small + _details(archive):
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200, url
