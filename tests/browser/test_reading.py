"""What a reader sees in a real browser, on a phone and on a desktop."""

import pytest

from tests.factories import make_author, make_published

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", [390, 1280])
def test_article_page_fits_the_screen_and_keeps_its_order(browser, live_server, width):
    author = make_author("Siobhán O’Connor")
    article = make_published(
        "A long headline about the ordinary heroism of public libraries in small towns",
        authors=[author],
        topics=["Culture"],
        standfirst="Libraries are the last free indoor places.",
    )
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}{article.get_absolute_url()}")

    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    headings = [h.strip() for h in page.locator("main h1, main h2").all_text_contents()]
    context.close()

    assert overflow <= 0
    assert headings[0].startswith("A long headline")
    assert [h for h in headings if h in {"About the Author", "Related Topics"}] == [
        "About the Author",
        "Related Topics",
    ]


def test_skip_link_takes_keyboard_users_to_the_content(page, live_server):
    make_published("Anything", authors=[make_author()])
    page.goto(live_server.url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#content"
