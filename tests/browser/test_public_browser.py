"""The public minutes page in a real browser."""

import datetime

import pytest

from tests.factories import make_published_meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_public_minutes_page_renders_in_chromium(page, screenshot):
    meeting = make_published_meeting(date=datetime.date(2022, 12, 2))
    page.goto(meeting.get_absolute_url())
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == f"Referat fra møte i {meeting.council.name}"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Hopp til hovedinnhold"
    screenshot("meeting")
