import io
import math
import re
from dataclasses import dataclass

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


# A4 in PostScript points (210 × 297 mm).
A4_POINTS = (595, 842)


@dataclass
class TextRun:
    """One piece of text as the PDF draws it."""

    text: str
    x: float  # where it starts, in points from the page's bottom-left corner
    y: float
    size: float  # font size on the page, in points
    angle: float  # degrees, counter-clockwise; 0 for ordinary text


def text_runs(page: pypdf.PageObject) -> list[TextRun]:
    """The page's text runs with their place, size and rotation on the page."""
    runs = []

    def visit(text, cm, tm, font, size) -> None:
        if not text.strip():
            return
        # The text matrix, then the page's transformation (row vectors, as in PDF).
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        runs.append(
            TextRun(
                text=text.strip(),
                x=x,
                y=y,
                size=size * math.hypot(a, b),
                angle=math.degrees(math.atan2(b, a)),
            )
        )

    page.extract_text(visitor_text=visit)
    return runs


def minutes_layout(meeting):
    """The minutes PDF laid out by WeasyPrint, as minutes/pdf.py prints it, for
    tests that look at the boxes rather than the bytes."""
    from django.template.loader import render_to_string
    from django.utils import translation
    from weasyprint import HTML

    from minutes import pdf as minutes_pdf
    from minutes.document import MinutesDocument

    with translation.override(minutes_pdf.PDF_LANGUAGE):
        document = MinutesDocument.from_rows(meeting).public()
        context = minutes_pdf._document_context(document, draft=False)
        html = render_to_string("pdf/minutes.html", context)
        stylesheet, font_config = minutes_pdf._stylesheet()
        static_root = minutes_pdf.static_path(minutes_pdf.PDF_STYLESHEET).parent.parent
        return HTML(
            string=html,
            base_url=static_root.as_uri() + "/",
            url_fetcher=minutes_pdf.LocalStaticFetcher(),
        ).render(stylesheets=[stylesheet], font_config=font_config)


def text_outside_its_cell(page) -> list[str]:
    """Text in a table cell that reaches past the cell's padding box: onto the
    cell's rules (or beyond them). Every cell, of every table on the page."""
    from weasyprint.formatting_structure import boxes

    def descendants(box):
        yield box
        for child in getattr(box, "children", ()):
            yield from descendants(child)

    slack = 0.01  # points: rounding
    crossing = []
    for cell in descendants(page._page_box):
        if not isinstance(cell, boxes.TableCellBox):
            continue
        left, top = cell.padding_box_x(), cell.padding_box_y()
        right, bottom = left + cell.padding_width(), top + cell.padding_height()
        for text in descendants(cell):
            if not isinstance(text, boxes.TextBox) or not text.text.strip():
                continue
            if (
                text.position_x < left - slack
                or text.position_x + text.width > right + slack
                or text.position_y < top - slack
                or text.position_y + text.height > bottom + slack
            ):
                crossing.append(text.text)
    return crossing
