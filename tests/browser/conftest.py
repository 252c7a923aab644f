import os
import shutil
import time

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    if os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (.ci/run installs it)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; the ORM calls in these tests are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py).

    Torn down after the test's pages and before the flush: a page closed by the test
    may still be sending its last request (the autosave script's beacon when a tab
    closes), and a live-server request holding row locks deadlocks the flush.
    """
    yield
    time.sleep(1)


def sign_in(page, live_server, username, password="pw-for-tests-1"):
    """Sign in as people do: the password, then (editors, administrators) the app's code.

    Whoever owes the second step is given an authenticator first if they have none
    (tests.factories.give_authenticator), and the code it shows now is typed in.
    """
    from django.contrib.auth.models import User

    from signin import second_factor
    from tests.factories import give_authenticator, totp_code

    user = User.objects.get(username=username)
    device = None
    if second_factor.is_required(user) or second_factor.is_enrolled(user):
        device = give_authenticator(user)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    if device is not None:
        page.wait_for_url(f"{live_server.url}/admin/second-step/**")
        page.fill("#id_code", totp_code(device))
        page.click("#second-step-form input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
