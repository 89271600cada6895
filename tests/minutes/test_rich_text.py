"""Body text: «- » lines become lists, and typed text never runs as HTML."""

from hypothesis import given
from hypothesis import strategies as st

from minutes.templatetags.minutes_tags import rich_text


def test_lines_become_paragraphs_and_two_levels_of_bullets():
    html = rich_text(
        "Intro\n\n- Statsbudsjettet\n- Dagsaktuelt\n  - Tildelingsbrev\nSlutt"
    )
    assert html == (
        "<p>Intro</p><ul><li>Statsbudsjettet</li><li>Dagsaktuelt"
        "<ul><li>Tildelingsbrev</li></ul></li></ul><p>Slutt</p>"
    )


def test_markup_is_printed_as_text():
    html = rich_text('<img src="http://evil.example/x.png" onerror="alert(1)">')
    assert "<img" not in html
    assert "&lt;img" in html


@given(st.text())
def test_any_text_yields_balanced_markup_and_no_raw_angle_brackets(text):
    html = rich_text(text)
    for tag in ("ul", "li", "p"):
        assert html.count(f"<{tag}>") == html.count(f"</{tag}>")
    stripped = (
        html.replace("<ul>", "")
        .replace("</ul>", "")
        .replace("<li>", "")
        .replace("</li>", "")
        .replace("<p>", "")
        .replace("</p>", "")
        .replace("<br>", "")
    )
    assert "<" not in stripped and ">" not in stripped
