import io
import re

import pypdf
import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

HEADER_OR_FOOTER = re.compile(
    r"^(Referat – .* – Møte \d+/\d{4}|side \d+ av \d+|[•◦]\s*)$"
)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo council, loaded once per module (PDFs take a while) and rolled back.

    Tests that use it also ask for `db`: each then runs in a savepoint inside.
    """
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=str(media)), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def no_login_audit(settings):
    # force_login sends user_logged_in with a bare request: django-axes would log
    # the address «unknown», which PostgreSQL refuses as an inet. Logins are not
    # what these tests are about.
    settings.AXES_ENABLED = False


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def pdf_pages(content: bytes) -> list[str]:
    """Each page's text without the running header, page number and list markers."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    pages = []
    for page in reader.pages:
        lines = page.extract_text().splitlines()
        pages.append(
            "\n".join(line for line in lines if not HEADER_OR_FOOTER.match(line))
        )
    return pages


def squeeze(text: str) -> str:
    """Text with whitespace and soft hyphens gone, so line breaks do not matter."""
    return re.sub(r"[\s\u00ad]+", "", text)


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Every needle occurs in the haystack, each after the one before."""
    text = squeeze(haystack)
    position = 0
    for needle in needles:
        found = text.find(squeeze(needle), position)
        assert found >= 0, f"not found (in order) after position {position}: {needle!r}"
        position = found + len(squeeze(needle))
