"""`push_einnsyn` against a local stand-in for eInnsyn's API.

The stub takes the operation from eInnsyn's own OpenAPI document (POST
/arkivdel/{id}/moetemappe), checks the API key header its security scheme names and
validates the body against the operation's request schema, answering as eInnsyn
does: 201 with the created Moetemappe, or an error.
"""

import json
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.archive.schemas import einnsyn_errors, openapi, request_body_schema

pytestmark = pytest.mark.django_db

API_KEY = "secret_test_key"
ARKIVDEL = "ad_01testarkivdel"
OPERATION = "/arkivdel/{id}/moetemappe"


class EinnsynStub(BaseHTTPRequestHandler):
    received: list

    def log_message(self, *args) -> None:  # quiet
        pass

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length)
        self.server.received.append((self.path, self.headers, raw))
        match = re.fullmatch(r"/arkivdel/([^/]+)/moetemappe", self.path)
        if match is None or OPERATION not in openapi()["paths"]:
            self._answer(404, {"error": "notFound", "message": "No such path"})
            return
        scheme = openapi()["components"]["securitySchemes"]["ApiKeyAuth"]
        if self.headers.get(scheme["name"]) != self.server.api_key:
            self._answer(401, {"error": "authenticationError", "message": "Bad key"})
            return
        try:
            body = json.loads(raw)
        except ValueError:
            self._answer(400, {"error": "badRequest", "message": "Not JSON"})
            return
        errors = einnsyn_errors(body, request_body_schema("post", OPERATION))
        self.server.errors.append(errors)
        if errors:
            self._answer(400, {"error": "fieldValidationError", "message": errors[0]})
            return
        self._answer(
            201,
            {
                "entity": "Moetemappe",
                "id": "mm_01stubcreated",
                "deleted": False,
                "moetenummer": body["moetenummer"],
                "utvalg": body["utvalg"],
                "moetedato": body["moetedato"],
            },
        )


@pytest.fixture
def einnsyn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), EinnsynStub)
    server.received, server.errors, server.api_key = [], [], API_KEY
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EINNSYN_URL = f"http://127.0.0.1:{server.server_port}"
    settings.EINNSYN_API_KEY = API_KEY
    settings.EINNSYN_ARKIVDEL = ARKIVDEL
    settings.EINNSYN_TIMEOUT = 5
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)


def push(*args) -> str:
    out = StringIO()
    call_command("push_einnsyn", *args, stdout=out)
    return out.getvalue()


def test_the_meeting_is_sent_valid_with_the_key(published, einnsyn):
    output = push("testradet", "1/2024")

    assert "Sendt til eInnsyn: møte 1/2024 (id mm_01stubcreated)" in output
    [(path, headers, raw)] = einnsyn.received
    assert path == f"/arkivdel/{ARKIVDEL}/moetemappe"
    assert headers["API-KEY"] == API_KEY
    assert headers["Content-Type"].startswith("application/json")
    assert einnsyn.errors == [[]]
    body = json.loads(raw)
    assert body["moetenummer"] == "1/2024"
    assert len(body["moetesak"]) == published.items.count()


def test_the_arkivdel_may_be_given_on_the_command_line(published, einnsyn):
    push("testradet", "1/2024", "--arkivdel", "ad_01other")
    assert einnsyn.received[0][0] == "/arkivdel/ad_01other/moetemappe"


def test_a_missing_key_sends_nothing(published, einnsyn, settings):
    settings.EINNSYN_API_KEY = ""
    with pytest.raises(CommandError, match="Mangler API-nøkkel for eInnsyn"):
        push("testradet", "1/2024")
    assert einnsyn.received == []


def test_a_missing_arkivdel_sends_nothing(published, einnsyn, settings):
    settings.EINNSYN_ARKIVDEL = ""
    with pytest.raises(CommandError, match="Mangler arkivdelen i eInnsyn"):
        push("testradet", "1/2024")
    assert einnsyn.received == []


def test_a_refused_key_is_reported_with_the_status(published, einnsyn):
    einnsyn.api_key = "another key"
    with pytest.raises(CommandError, match=r"HTTP 401 .*Bad key"):
        push("testradet", "1/2024")


def test_a_refused_body_is_reported_with_the_servers_reason(
    published, einnsyn, monkeypatch
):
    from archive import einnsyn as module

    original = module.moetemappe

    def without_number(published):
        folder = original(published)
        del folder["moetenummer"]
        return folder

    monkeypatch.setattr(module, "moetemappe", without_number)
    with pytest.raises(
        CommandError, match=r"HTTP 400 .*'moetenummer' is a required property"
    ):
        push("testradet", "1/2024")


def test_an_unreachable_server_is_reported(published, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on the port once the probe is closed.
    settings.EINNSYN_URL = f"http://127.0.0.1:{port}"
    settings.EINNSYN_API_KEY = API_KEY
    settings.EINNSYN_ARKIVDEL = ARKIVDEL
    with pytest.raises(
        CommandError, match=rf"Fikk ikke kontakt med eInnsyn på http://127.0.0.1:{port}"
    ):
        push("testradet", "1/2024")


def test_unpublished_minutes_are_not_sent(world, einnsyn):
    world.draft_a  # noqa: B018 - made on first use
    with pytest.raises(CommandError, match="er ikke publisert"):
        push("testradet", f"1/{world.draft_a.year}")
    assert einnsyn.received == []
