"""The client's address behind a proxy: X-Forwarded-For only as far as configured."""

from django.test import RequestFactory, override_settings

from core.http import client_ip


def request(**meta):
    return RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", **meta)


def test_without_a_proxy_the_header_is_ignored():
    assert client_ip(request(HTTP_X_FORWARDED_FOR="203.0.113.5")) == "10.0.0.2"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_its_appended_address_counts():
    spoofed = request(HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
    assert client_ip(spoofed) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_behind_two_proxies_the_address_the_outer_one_saw_counts():
    chain = request(HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5, 10.0.0.1")
    assert client_ip(chain) == "203.0.113.5"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_missing_header_falls_back_to_the_connection():
    assert client_ip(request()) == "10.0.0.2"


def test_a_request_without_an_address_has_none():
    """Django's own test logins make such requests; the database stores no address."""
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="")) is None
