"""Searching is limited to 60 requests a minute per address, answered in Norwegian."""

import time

import time_machine
from django.test import Client
from django.urls import reverse


def search(client):
    return client.get(reverse("public:search"), {"q": "legemiddel"})


def test_a_busy_reader_gets_sixty_searches_a_minute_then_a_polite_429(db):
    reader = Client()
    # The start of a minute, so the whole test runs in one window.
    start = (int(time.time()) // 60 + 1) * 60
    with time_machine.travel(start, tick=False):
        for _ in range(60):
            assert search(reader).status_code == 200
        response = search(reader)

    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Du har gjort mange søk på kort tid" in page
    assert "Vent 60 sekunder" in page

    # Someone else is not affected, and the reader can search again next minute.
    with time_machine.travel(start + 30, tick=False):
        assert search(Client(REMOTE_ADDR="192.0.2.44")).status_code == 200
        assert search(reader).status_code == 429
    with time_machine.travel(start + 60, tick=False):
        assert search(reader).status_code == 200


def test_the_limit_is_a_setting_and_zero_turns_it_off(db, settings):
    reader = Client()
    start = (int(time.time()) // 60 + 1) * 60
    settings.SEARCH_RATE_LIMIT = 2
    with time_machine.travel(start, tick=False):
        assert [search(reader).status_code for _ in range(3)] == [200, 200, 429]
        settings.SEARCH_RATE_LIMIT = 0
        assert all(search(reader).status_code == 200 for _ in range(70))
