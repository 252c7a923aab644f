"""The newsroom's admin pages are as accessible as the public site, and fit a phone.

For a columnist and for an editor, each page they work on has no axe-core violations
on a desktop in the light scheme and on a 390 px phone in the dark one, and on the
phone nothing is wider than the screen (no sideways scrolling).
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import notes, revisions, workflow
from articles.models import Article, Status
from authors import profile_changes
from tests.browser.conftest import sign_in
from tests.browser.test_accessibility import axe_violations
from tests.factories import (
    make_article,
    make_columnist,
    make_editor,
    make_image,
    make_published,
    uploaded_png,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Long enough to wrap on a phone; long words and names are where layouts break.
LONG_TITLE = "Why the night bus is the city’s most honest public service, and what it costs"


@pytest.fixture
def newsroom():
    amara = make_columnist("amara", name="Amara Okafor-Lindqvist").author_profile
    editor = make_editor("editor")
    make_article(LONG_TITLE, authors=[amara], topics=["Transport", "Cities"])
    bridges = make_published("Bridges, not walls", authors=[amara])
    # A change to a live article waits on the desk in its own table.
    bridges.title = LONG_TITLE
    revisions.save_pending(bridges, by=amara.user)

    returned = make_article("Rents and the river", authors=[amara], status=Status.SUBMITTED)
    workflow.request_changes(returned, by=editor, note="Tighten the second half. " * 12)
    question = notes.add_note(returned, by=editor, body="Is the 2019 figure still right? " * 8)
    notes.add_note(
        returned, by=amara.user, body="Yes: checked against the census.", parent=question
    )

    submitted = make_article(
        "A library on every high street",
        authors=[amara, make_columnist("tomas").author_profile],
        status=Status.SUBMITTED,
        submitted_at=timezone.now() - timedelta(days=3),
        featured_image=make_image(),
    )
    notes.add_note(submitted, by=editor, body="Which towns lost theirs last year?")
    workflow.assign(submitted, by=editor, assignee=editor, due=timezone.localdate())
    # Overdue: the desk marks it, and the mark must keep its contrast.
    Article.objects.filter(pk=submitted.pk).update(review_due=timezone.localdate() - timedelta(2))
    # A profile change waits on the desk too, beside the live profile.
    profile_changes.propose(
        amara,
        by=amara.user,
        name="Amara Okafor-Lindqvist, reporting from the river towns",
        bio="Writes on cities. " * 20,
        avatar=uploaded_png("me.png", width=120, height=90),
        links=[{"label": "Website", "url": "https://example.com/" + "long-path/" * 8}],
    )
    return {"returned": returned, "submitted": submitted, "live": bridges}


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


PAGES = {
    "columnist": lambda newsroom: {
        "dashboard": "/admin/",
        "article list": "/admin/articles/article/?q=night",
        "new article form": "/admin/articles/article/add/",
        "article form with notes": change_url(newsroom["returned"]),
    },
    "editor": lambda newsroom: {
        "dashboard": "/admin/",
        "review desk": "/admin/articles/article/review-desk/",
        "article list": "/admin/articles/article/",
        "new article form": "/admin/articles/article/add/",
        "article form with bylines": change_url(newsroom["submitted"]),
        "live article form with revisions": change_url(newsroom["live"]),
        "revisions": f"/admin/articles/article/{newsroom['live'].pk}/revisions/",
    },
}
USERNAMES = {"columnist": "amara", "editor": "editor"}


def check_pages(browser, live_server, username, paths):
    """What is wrong with each page at each width, as {(width, page): problems}."""
    problems = {}
    for width, scheme in [(1280, "light"), (390, "dark")]:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        sign_in(page, live_server, username)
        for name, path in paths.items():
            response = page.goto(f"{live_server.url}{path}")
            # The body editor and the autocompletes are built by scripts after load.
            page.wait_for_load_state("networkidle")
            found = {
                "status": response.status,
                "violations": axe_violations(page),
                "overflow": page.evaluate(
                    "document.documentElement.scrollWidth - window.innerWidth"
                ),
            }
            if "form" in name:
                found["body editor named"] = page.get_by_role("textbox", name="Body").count()
            broken = found["status"] != 200 or found["violations"] or found["overflow"] > 0
            if broken or found.get("body editor named") == 0:
                problems[(width, name)] = found
        context.close()
    return problems


@pytest.mark.parametrize("role", ["columnist", "editor"])
def test_admin_pages_pass_axe_and_fit_a_phone(browser, live_server, newsroom, role):
    assert check_pages(browser, live_server, USERNAMES[role], PAGES[role](newsroom)) == {}
