"""Real-browser tests: Playwright driving Debian's chromium against pytest-django's
live_server.

Where chromium is missing these tests are skipped with a plain message, except under CI
(CI=true), where a missing browser fails the run.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing under CI: browser tests must run")
        pytest.skip("chromium is not installed: browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def click_counter(page):
    """Counts every click in `page` (tests/browser/clicks.py)."""
    from tests.browser.clicks import ClickCounter

    return ClickCounter(page)


@pytest.fixture
def screenshot(page, request):
    """Save a screenshot under test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def login(page, username: str, password: str) -> None:
    """Log in through the site's own login form, and give the second factor when
    asked: the code the user's authenticator app would show now. An account that
    needs an app and has none gets one first, as its enrolment link would give it
    (tests/browser/test_two_factor_browser.py goes through the link itself)."""
    from django.contrib.auth import get_user_model

    from accounts.services import user_has_2fa, user_requires_2fa
    from tests.otp import confirmed_totp_device

    account = get_user_model().objects.get(username=username)
    if user_requires_2fa(account) and not user_has_2fa(account):
        confirmed_totp_device(account)
    page.goto("/konto/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Logg inn").click()
    if "/konto/tofaktor/" not in page.url:
        return
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.otp import current_code

    device = TOTPDevice.objects.filter(user=account, confirmed=True).latest("pk")
    # Logging in twice within one 30-second step reuses a code, which the site
    # rightly refuses; the test's "app" forgets that it was used.
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    page.get_by_label("Kode").fill(current_code(device))
    with page.expect_navigation():
        page.get_by_role("button", name="Bekreft").click()
