"""Every page type has no axe-core violations in a real browser, on a desktop and a phone.

axe-core comes from the pinned ``axe-playwright-python`` package (requirements-dev.txt),
which ships it; nothing is fetched at test time.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles.models import FrontPageSlot, Topic
from authors.models import AuthorLink
from submissions import workflow
from submissions.models import Kind, State, Submission
from tests.factories import make_author, make_editor, make_image, make_published, uploaded_png

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BODY = (
    "<p>Libraries lend more than books. <a href='https://example.com/report'>A report</a> "
    "says so.</p><h2>What they do</h2><ul><li>Warmth</li><li>Wi-Fi</li></ul>"
    "<blockquote><p>A quiet room is a public good.</p></blockquote>"
)

# One line per page type; the search page joins as ("search", "/search/?q=library").
PAGES = [
    ("home", "/"),
    ("article", "/libraries-are-infrastructure/"),
    ("author", "/authors/siobhan/"),
    ("columnists", "/authors/"),
    ("topic", "/topics/culture/"),
    ("topics", "/topics/"),
    ("search", "/search/?q=library"),
    ("not found", "/no-such-page/"),
    ("write for us", "/write-for-us/?article=libraries-are-infrastructure"),
    ("letters", "/letters/"),
    ("privacy notice", "/privacy/"),
]


@pytest.fixture
def publication():
    culture = Topic.objects.create(
        name="Culture",
        slug="culture",
        description="Books and the places we gather.",
        featured_in_navigation=True,
    )
    siobhan = make_author(
        "Siobhán O’Connor", slug="siobhan", avatar=uploaded_png("face.png", width=200, height=200)
    )
    AuthorLink.objects.create(author=siobhan, label="Website", url="https://example.com")
    lead = make_published(
        "Libraries are infrastructure",
        slug="libraries-are-infrastructure",
        standfirst="Treat them like roads.",
        body=BODY,
        authors=[siobhan, make_author("Kwame Boateng")],
        topics=[culture, "Cities"],
        featured_image=make_image(width=1200, height=800),
        featured_image_caption="A reading room.",
    )
    for n in range(4):
        make_published(
            f"Another piece {n}",
            authors=[siobhan],
            topics=[culture],
            featured_image=make_image(width=600, height=400) if n % 2 else None,
        )
    FrontPageSlot.objects.create(position=0, article=lead)
    letter = Submission.objects.create(
        kind=Kind.LETTER,
        state=State.NEW,
        name="Bill Oduya",
        email="bill@example.org",
        town="Leeds",
        text="Sir, libraries kept my children warm.",
        article=lead,
    )
    workflow.accept(letter, by=make_editor(), notify=False)


def axe_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes: "
        f"{[node['target'] for node in violation['nodes']][:3]})"
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_axe_violations(browser, live_server, publication, name, path):
    found = {}
    for width, scheme in [(1280, "light"), (390, "dark")]:
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        response = page.goto(f"{live_server.url}{path}")
        found[width] = {
            "status": response.status,
            "violations": axe_violations(page),
            "overflow": page.evaluate("document.documentElement.scrollWidth - window.innerWidth"),
        }
        context.close()

    expected_status = 404 if name == "not found" else 200
    for width in found:
        assert found[width]["status"] == expected_status
        assert found[width]["violations"] == [], width
        assert found[width]["overflow"] <= 0, width
