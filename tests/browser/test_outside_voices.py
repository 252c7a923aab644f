"""Outside voices, end to end in a real browser.

A stranger sends an op-ed through Write for us (the proof-of-work solved by the page's
own ALTCHA widget, under the site's CSP), confirms their email address, an editor
accepts and edits it, sends it for sign-off, the guest approves through the link, the
editor publishes, and the guest's byline shows on the article, their author page, the
feed and the JSON-LD, with their email and phone nowhere public.
"""

import json
import re

import pytest

from articles.models import Status
from submissions.models import OutgoingEmail, State, Submission
from tests.browser.conftest import sign_in
from tests.factories import make_editor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HEADLINE = "Give night nurses somewhere to sit down"
LINK = re.compile(r"http://\S+")


def emailed_link(kind):
    body = OutgoingEmail.objects.filter(kind=kind).latest("pk").body
    return LINK.search(body).group(0)


def on(live_server, url):
    """An emailed link starts with SITE_URL; open it on the live server instead."""
    return live_server.url + "/" + url.split("/", 3)[3]


def press(page, selector):
    page.click(selector)
    page.wait_for_selector(".messagelist .success")


def test_a_strangers_op_ed_reaches_readers_under_a_guest_byline(browser, live_server, settings):
    settings.SUBMISSION_MIN_FILL_SECONDS = 1
    settings.ALTCHA_MAX_NUMBER = 5000
    make_editor("editor")
    stranger = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    editor.on("dialog", lambda dialog: dialog.accept())
    blocked = []
    stranger.on("console", lambda m: m.type == "error" and blocked.append(m.text))

    # The stranger finds Write for us in the footer and sends an op-ed.
    stranger.goto(live_server.url)
    stranger.click("footer >> text=Write for us")
    stranger.wait_for_url(f"{live_server.url}/write-for-us/")
    stranger.fill("#id_oped-name", "Ana Ruiz")
    stranger.fill("#id_oped-email", "ana@example.org")
    stranger.fill("#id_oped-phone", "+44 20 7946 0123")
    stranger.fill("#id_oped-affiliation", "St Thomas’ Hospital")
    stranger.fill("#id_oped-bio", "Ana Ruiz is a night nurse in London.")
    stranger.fill("#id_oped-headline", HEADLINE)
    stranger.fill(
        "#id_oped-text",
        "At four in the morning there is nowhere on my ward to sit.\n\nA chair is cheap.",
    )
    assert "17 of 800 words" in stranger.inner_text("#id_oped-text_count")
    stranger.fill("#id_oped-conflict_of_interest", "None")
    stranger.check("#id_oped-not_offered_elsewhere")
    stranger.check("#id_oped-consent")
    # "I'm not a robot": the browser solves the proof-of-work in a worker.
    stranger.click("#op-ed altcha-widget input[type=checkbox]")
    stranger.wait_for_selector("#op-ed .altcha[data-state=verified]", timeout=10000)
    stranger.click("#op-ed button[type=submit]")
    stranger.wait_for_url(f"{live_server.url}/write-for-us/thanks/")
    submission = Submission.objects.get()
    assert submission.state == State.UNVERIFIED
    assert not [m for m in blocked if "worker" in m.lower() or "script" in m.lower()]

    # They open the emailed link and confirm.
    stranger.goto(on(live_server, emailed_link("verify")))
    stranger.click("text=Confirm and send")
    stranger.wait_for_selector("text=Your email address is confirmed")
    submission.refresh_from_db()
    assert submission.state == State.NEW
    assert submission.reference in OutgoingEmail.objects.get(kind="received").body

    # An editor finds it on the desk and accepts it: a draft with a guest byline.
    sign_in(editor, live_server, "editor")
    editor.goto(f"{live_server.url}/admin/submissions/submission/")
    editor.get_by_role("link", name=submission.reference).click()
    assert "ana@example.org" in editor.inner_text("#content")
    editor.click("button[name=action][value=accept]")
    editor.wait_for_selector(".messagelist .success")
    submission.refresh_from_db()
    article = submission.draft_article
    assert editor.url.endswith(f"/admin/articles/article/{article.pk}/change/")

    # The editor edits it.
    editor.fill("#id_standfirst", "A chair costs less than a sick day.")
    press(editor, "input[name=_continue]")

    # Sends it for the writer's sign-off; the guest approves through the link.
    editor.goto(f"{live_server.url}/admin/submissions/submission/{submission.pk}/change/")
    editor.click("text=Send for sign-off")
    editor.wait_for_selector(".messagelist .success")
    stranger.goto(on(live_server, emailed_link("sign_off")))
    assert "A chair costs less than a sick day." in stranger.inner_text("main")
    stranger.click("button[name=approve]")
    stranger.wait_for_selector("text=you approved this version")
    editor.reload()
    assert "approved by Ana Ruiz on" in editor.inner_text(".sign-offs")

    # The editor publishes.
    editor.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert "approved this version" in editor.inner_text(".review-notes")
    editor.click("details.publish-confirm summary")
    press(editor, "button[name=_transition][value=publish]")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED

    # Readers see the guest byline on the article, the author page, the feed and the JSON-LD.
    reader = browser.new_context().new_page()
    reader.goto(f"{live_server.url}{article.get_absolute_url()}")
    assert "Ana Ruiz" in reader.inner_text(".byline")
    data = json.loads(reader.inner_text("script[type='application/ld+json']"))
    assert [author["name"] for author in data["author"]] == ["Ana Ruiz"]
    reader.click(".byline >> text=Ana Ruiz")
    reader.wait_for_url(f"{live_server.url}/authors/**")
    assert HEADLINE in reader.inner_text("main")
    feed = reader.request.get(f"{live_server.url}/feed/").text()
    assert HEADLINE in feed and "Ana Ruiz" in feed
    for page_text in (reader.content(), feed):
        assert "ana@example.org" not in page_text and "7946 0123" not in page_text

    for page in (stranger, editor, reader):
        page.context.close()
