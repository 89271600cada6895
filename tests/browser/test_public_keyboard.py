"""A keyboard-only visitor reaches every link and control of a meeting page with Tab,
and always sees where the focus is."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), summary, "
    "[tabindex]:not([tabindex='-1'])"
)

VISIBLE_FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const box = el.getBoundingClientRect();
  return {
    key: el.dataset.kb || null,
    tag: el.tagName,
    text: (el.textContent || el.value || '').trim().slice(0, 60),
    visible: box.width > 0 && box.height > 0,
    focusIndicator: outline || shadow,
  };
}"""


def test_tab_reaches_every_link_and_control_of_the_meeting_page(page):
    call_command("load_demo", verbosity=0)
    page.goto("/nasjonalt-e-helserad/mote/2022/6/")
    total = page.evaluate(
        """selector => {
          const all = [...document.querySelectorAll(selector)]
            .filter(el => el.getClientRects().length > 0
              || el.classList.contains('skip-link'));
          all.forEach((el, i) => el.dataset.kb = String(i));
          return all.length;
        }""",
        FOCUSABLE,
    )
    assert total >= 18  # header, breadcrumbs, PDF, agenda, attachments, footer
    reached = set()
    for _ in range(total + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(VISIBLE_FOCUS)
        if focused["key"] is None:
            break
        assert focused["visible"], focused
        assert focused["focusIndicator"], f"no visible focus on {focused}"
        reached.add(focused["key"])
    missing = page.evaluate(
        """keys => [...document.querySelectorAll('[data-kb]')]
          .filter(el => !keys.includes(el.dataset.kb))
          .map(el => el.outerHTML.slice(0, 120))""",
        sorted(reached),
    )
    assert missing == []
    assert len(reached) == total
