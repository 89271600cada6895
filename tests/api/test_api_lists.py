"""A developer pages through lists the OParl way and asks only for what changed."""

import datetime

import pytest

from minutes.models import Input
from tests import factories
from tests.api.conftest import add_content, publish
from tests.factories import make_meeting


def test_a_list_has_data_pagination_and_links(client, archive):
    response = client.get("/api/inputs/", {"limit": 2, "page": 2})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    total = Input.objects.filter(item__meeting=archive.published).count()
    assert body["pagination"] == {
        "totalElements": total,
        "elementsPerPage": 2,
        "currentPage": 2,
        "totalPages": (total + 1) // 2,
    }
    assert len(body["data"]) == 2
    links = body["links"]
    assert links["first"] == "http://testserver/api/inputs/?limit=2"
    assert links["prev"] == "http://testserver/api/inputs/?limit=2"
    assert links["next"] == "http://testserver/api/inputs/?limit=2&page=3"
    assert links["last"].endswith(f"page={(total + 1) // 2}")


def test_the_first_page_has_no_prev_and_the_last_no_next(client, archive):
    first = client.get("/api/inputs/", {"limit": 100}).json()["links"]
    assert "prev" not in first and "next" not in first
    assert first["first"] == first["last"]


def test_a_page_past_the_end_is_a_json_404(client, archive):
    response = client.get("/api/inputs/", {"page": 99})
    assert response.status_code == 404
    assert "detail" in response.json()


def _modified(client, url, **params):
    return {entry["id"] for entry in client.get(url, params).json()["data"]}


def test_modified_since_returns_only_what_changed_after(client, archive, time_machine):
    before = _modified(client, "/api/inputs/")
    time_machine.move_to(datetime.datetime(2031, 5, 1, 12, tzinfo=datetime.UTC))
    later = make_meeting(archive.council, datetime.date(2023, 6, 1))
    add_content(later, prefix="Nytt ")
    publish(later)
    new = _modified(client, "/api/inputs/", modified_since="2031-05-01T00:00:00+02:00")
    assert new and not new & before
    assert _modified(client, "/api/inputs/") == before | new
    old = _modified(client, "/api/inputs/", modified_until="2031-01-01T00:00:00Z")
    assert old == before


def test_publishing_minutes_counts_as_a_modification(client, archive, time_machine):
    draft = archive.draft
    time_machine.move_to(datetime.datetime(2031, 5, 1, 12, tzinfo=datetime.UTC))
    factories.publish(draft, approved_at=datetime.datetime.now(datetime.UTC))
    since = {"modified_since": "2031-05-01"}
    meetings = client.get("/api/meetings/", since).json()["data"]
    assert [m["id"] for m in meetings] == [
        f"http://testserver/api/meetings/{draft.pk}/"
    ]


def test_an_unencoded_plus_in_the_offset_is_understood(client, archive):
    response = client.get("/api/meetings/?modified_since=2020-01-01T00:00:00+01:00")
    assert response.status_code == 200
    assert len(response.json()["data"]) == 1


@pytest.mark.parametrize(
    "value", ["i går", "2024-13-01", "2024-01-01T25:00", "0001-01-01T00:00:00+05:00"]
)
@pytest.mark.parametrize("name", ["modified_since", "modified_until"])
def test_a_bad_date_is_a_400_that_says_what_is_wrong(client, archive, name, value):
    response = client.get("/api/agenda-items/", {name: value})
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert name in detail and "ISO 8601" in detail and value in detail


@pytest.mark.parametrize("value", ["abc", "0", "-3", str(2**70)])
def test_a_bad_id_filter_is_a_400(client, archive, value):
    response = client.get("/api/inputs/", {"agendaItem": value})
    assert response.status_code == 400
    assert "agendaItem" in response.json()["detail"]


def test_lists_filter_by_council_and_meeting(client, archive):
    other = make_meeting(None, datetime.date(2022, 5, 5))
    add_content(other, prefix="Annet ")
    publish(other)
    slug = archive.council.slug
    meetings = client.get("/api/meetings/", {"body": slug}).json()["data"]
    assert [m["id"] for m in meetings] == [
        f"http://testserver/api/meetings/{archive.published.pk}/"
    ]
    items = client.get("/api/agenda-items/", {"meeting": other.pk}).json()["data"]
    assert items and all(i["meeting"].endswith(f"/{other.pk}/") for i in items)
    item = other.items.first()
    inputs = client.get("/api/inputs/", {"agendaItem": item.pk}).json()["data"]
    assert {i["text"] for i in inputs} == set(
        item.inputs.values_list("text", flat=True)
    )


def test_unknown_api_addresses_answer_in_json(client, db):
    for url in ["/api/meetings/-1/", "/api/meetings/abc/", "/api/nothing/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert response.json() == {"detail": "Finnes ikke."}


def test_a_public_file_downloads(client, archive):
    response = client.get(f"/api/files/{archive.public_file.pk}/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 innhold"


def test_any_valid_offset_is_accepted(client, archive):
    response = client.get(
        "/api/meetings/", {"modified_until": "2999-01-01T00:00+17:20"}
    )
    assert response.status_code == 200
    assert len(response.json()["data"]) == 1
