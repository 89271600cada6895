"""Query parameters are taken as the OpenAPI document declares them, or refused.

Every query parameter a list declares is a single value: sent twice it is a 400 that
names it, whatever the values. Integer parameters are plain decimal numbers from 1 to
the largest id the database holds, as the document says. The tests walk the document
itself, so a parameter added to the schema is checked the same way.
"""

import pytest

from council.models import Membership

MAX_ID = 2**63 - 1

VALID = {"integer": "1", "string": "x", "date-time": "2024-01-31T12:00:00+01:00"}


def _query_parameters(client):
    """(path, name, schema) for every query parameter the document declares."""
    document = client.get("/api/openapi.json").json()
    found = []
    for path, operations in document["paths"].items():
        for parameter in operations["get"].get("parameters", []):
            if parameter["in"] == "query":
                found.append((path, parameter["name"], parameter["schema"]))
    return found


def _valid(schema: dict) -> str:
    return VALID.get(schema.get("format", ""), VALID[schema["type"]])


def _refused(response, name: str) -> bool:
    if response.status_code != 400:
        return False
    body = response.json()
    return list(body) == ["detail"] and name in body["detail"]


def test_the_lists_declare_their_parameters(client, db):
    parameters = _query_parameters(client)
    names = {(path, name) for path, name, _ in parameters}
    for expected in [
        ("/api/memberships/", "person"),
        ("/api/memberships/", "onBehalfOf"),
        ("/api/memberships/", "body"),
        ("/api/agenda-items/", "meeting"),
        ("/api/inputs/", "agendaItem"),
        ("/api/meetings/", "page"),
        ("/api/meetings/", "limit"),
        ("/api/files/", "modified_since"),
    ]:
        assert expected in names
    # No list declares an array or an enum: every query parameter is one value.
    for _, _, schema in parameters:
        assert schema["type"] in ("integer", "string") and "enum" not in schema


def test_every_integer_parameter_is_declared_from_1_to_the_largest_id(client, db):
    for path, name, schema in _query_parameters(client):
        if schema["type"] == "integer":
            assert (schema.get("minimum"), schema.get("maximum")) == (1, MAX_ID), (
                path,
                name,
            )


def test_every_query_parameter_sent_twice_is_a_400_that_names_it(client, archive):
    accepted = []
    for path, name, schema in _query_parameters(client):
        value = _valid(schema)
        for query in [f"{name}={value}&{name}={value}", f"{name}=&{name}={value}"]:
            response = client.get(f"{path}?{query}")
            if not _refused(response, name):
                accepted.append((path, query, response.status_code))
    assert accepted == []


@pytest.mark.parametrize(
    "value",
    [
        "0",
        "-1",
        "-140157350612",
        str(MAX_ID + 1),
        str(2**70),
        "9" * 5000,
        "",
        "abc",
        "1.5",
        "1e3",
        "[[]]",
        "+5",
        " 5",
        "5 ",
        "1_0",
        "１",  # a fullwidth digit one, which int() would take
        "٣",  # an Arabic-Indic three
    ],
)
def test_an_integer_parameter_outside_its_schema_is_a_400_that_names_it(
    client, archive, value
):
    accepted = []
    for path, name, schema in _query_parameters(client):
        if schema["type"] == "integer":
            response = client.get(path, {name: value})
            if not _refused(response, name):
                accepted.append((path, name, response.status_code))
    assert accepted == []


@pytest.mark.parametrize(
    "query",
    [
        "onBehalfOf=[[]]",
        "onBehalfOf=[[]]&onBehalfOf=163",
        "onBehalfOf=163&onBehalfOf=[[]]",
        "person=-140157350612&onBehalfOf=[[]]&onBehalfOf=163",
        "onBehalfOf=1&onBehalfOf=2",
    ],
)
def test_the_request_from_the_issue_is_refused(client, archive, query):
    response = client.get(f"/api/memberships/?{query}")
    assert response.status_code == 400
    assert set(response.json()) == {"detail"}


def test_a_repeated_filter_is_refused_even_when_both_values_are_good(client, archive):
    response = client.get(f"/api/memberships/?person={archive.member.pk}&person=1")
    assert response.status_code == 400
    assert "person" in response.json()["detail"]


def test_every_query_parameter_once_with_a_good_value_is_accepted(client, archive):
    refused = []
    for path, name, schema in _query_parameters(client):
        response = client.get(path, {name: _valid(schema)})
        if response.status_code != 200:
            refused.append((path, name, response.status_code))
    assert refused == []


def test_the_largest_id_is_a_good_filter(client, archive):
    response = client.get("/api/memberships/", {"person": MAX_ID})
    assert response.status_code == 200
    assert response.json()["data"] == []


def test_filters_still_find_what_they_name(client, archive):
    membership = Membership.objects.get(person=archive.member)
    response = client.get(
        "/api/memberships/",
        {"person": archive.member.pk, "onBehalfOf": membership.organisation_id},
    )
    assert response.status_code == 200
    assert [entry["id"] for entry in response.json()["data"]] == [
        f"http://testserver/api/memberships/{membership.pk}/"
    ]


def test_a_large_limit_still_gives_the_largest_page(client, archive):
    response = client.get("/api/inputs/", {"limit": 1000})
    assert response.status_code == 200
    assert response.json()["pagination"]["elementsPerPage"] == 100


def test_parameters_the_api_does_not_know_are_ignored(client, archive):
    response = client.get("/api/inputs/?utm_source=a&utm_source=b")
    assert response.status_code == 200
