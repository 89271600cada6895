"""Counting the clicks a person makes in a browser test.

Every mousedown in the page is reported to Python through a binding (an init script
runs in every document the page loads, so clicks that navigate are counted too).
Playwright's click(), check() and the like all press the mouse, so each counts once;
typing, Tab, arrow keys and Ctrl+Enter do not. select_option() and fill() press no
mouse button: a test that wants to be honest about clicks focuses a field by clicking
it (counted) or by the keyboard, as a person would.

    def test_x(page, click_counter):
        ...
        assert click_counter.count <= 40, click_counter.log
"""

from dataclasses import dataclass, field

_REPORT_MOUSEDOWN = """
document.addEventListener("mousedown", (event) => {
  const target = event.target.closest(
    "a, button, input, select, textarea, label, summary, [role]"
  ) || event.target;
  const name = (target.getAttribute("aria-label") || target.id || target.name
    || (target.textContent || "").trim()).slice(0, 60);
  window.__countClick(`${location.pathname} ${target.tagName.toLowerCase()} ${name}`);
}, true);
"""


@dataclass
class ClickCounter:
    """The clicks made so far in one page: `count`, and `log` (path, element,
    name) to show which they were when an assertion fails."""

    page: object
    log: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.expose_binding("__countClick", self._record)
        self.page.add_init_script(_REPORT_MOUSEDOWN)

    def _record(self, _source, what: str) -> None:
        self.log.append(what)

    @property
    def count(self) -> int:
        # A round trip to the page first, so every reported click has arrived.
        self.page.evaluate("0")
        return len(self.log)

    def reset(self) -> None:
        """Start counting afresh (e.g. after logging in)."""
        self.page.evaluate("0")
        self.log.clear()


def press_until_focused(page, target, key: str = "Tab", limit: int = 25) -> int:
    """Press `key` until `target` (a locator) has the focus, as a keyboard user
    moves through a form; return how many presses it took. Fails after `limit`."""
    for presses in range(limit + 1):
        if target.evaluate("el => el === document.activeElement"):
            return presses
        page.keyboard.press(key)
    raise AssertionError(f"{target} not reached with {limit} × {key}")
