"""Checks the writing-desk browser tests make on every state they open."""

from tests.browser.test_accessibility import axe_violations

WIDTHS = [1280, 390]


def open_context(browser, width):
    """A page at ``width`` (the phone in the dark scheme), recording console errors."""
    scheme = "light" if width > 600 else "dark"
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    return context, page


def assert_accessible(page, state):
    """0 axe violations and no sideways scrolling, named after the state for the failure."""
    violations = axe_violations(page)
    assert violations == [], (state, violations)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, (state, overflow)
