"""The OpenAPI document is valid and every documented endpoint answers per schema."""

import itertools
import os

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from openapi_spec_validator import validate
from schemathesis.generation import GenerationMode

from config.wsgi import application


def test_the_openapi_document_validates(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    paths = set(document["paths"])
    for path in ["/api/meetings/", "/api/agenda-items/{id}/", "/api/decisions/"]:
        assert path in paths


# On top of the loaded profile (tests/conftest.py): under CI its derandomize, so every
# run sends the same requests.
CHECK_SETTINGS = settings(
    parent=settings.default,
    max_examples=8,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def test_generated_requests_are_the_same_in_every_ci_run():
    assert CHECK_SETTINGS.derandomize == bool(os.environ.get("CI"))
    assert CHECK_SETTINGS.deadline is None


@pytest.fixture
def keep_test_connection():
    """Calls straight into the WSGI app fire request_started/finished, whose
    close_old_connections would close the test's PostgreSQL connection (Django's test
    client disconnects it the same way)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_every_endpoint_answers_per_schema_without_server_errors(
    archive, keep_test_connection
):
    """Schemathesis sends generated requests, valid and invalid, to every endpoint
    in-process and checks status codes, content types and bodies against the
    document. One archive serves all endpoints, so the run stays short."""
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 19

    modes = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]
    for operation, mode in itertools.product(operations, modes):

        @given(case=operation.as_strategy(mode))
        @CHECK_SETTINGS
        def check(case):
            response = case.call_and_validate()
            assert response.status_code < 500

        try:
            check()
        except Unsatisfiable:
            # No invalid request exists for /api/system/ or a free-text slug.
            assert mode is GenerationMode.NEGATIVE
