"""Article bodies are cleaned to the editor's allow-list whenever an article is saved."""

import pytest

from articles.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def stored_body(body):
    article = make_article(body=body)
    return Article.objects.get(pk=article.pk).body


@pytest.mark.parametrize(
    ("body", "stored"),
    [
        ("<p>Before<script>alert(1)</script>after</p>", "<p>Beforeafter</p>"),
        ('<p onclick="steal()">Click me</p>', "<p>Click me</p>"),
        ('<p><img src="x" onerror="steal()">Text</p>', "<p>Text</p>"),
        ('<iframe src="https://evil.example/"></iframe><p>Text</p>', "<p>Text</p>"),
        ('<p style="position:fixed">Styled</p>', "<p>Styled</p>"),
        ("<style>body{display:none}</style><p>Text</p>", "<p>Text</p>"),
        ("<p>Text<!-- a note --></p>", "<p>Text</p>"),
    ],
    ids=["script", "onclick", "onerror", "iframe", "style attribute", "style tag", "comment"],
)
def test_dangerous_markup_is_stripped_on_save(body, stored):
    assert stored_body(body) == stored


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,x"],
)
def test_links_to_scripts_lose_their_href(href):
    body = stored_body(f'<p><a href="{href}">Prize</a></p>')

    assert "href" not in body
    assert "Prize" in body


@pytest.mark.parametrize(
    "body",
    [
        "<p>A <strong>bold</strong>, <em>italic</em> and <s>struck</s> claim.</p>",
        "<h2>Heading</h2><h3>Sub</h3><h4>Subsub</h4>",
        "<blockquote><p>Quoted words.</p></blockquote>",
        "<ul><li>One</li><li>Two</li></ul>",
        '<ol start="3"><li>Three</li></ol>',
        "<p>Line<br>break</p><hr>",
    ],
)
def test_allowed_markup_survives(body):
    assert stored_body(body) == body


@pytest.mark.parametrize(
    "href", ["https://example.com/report", "http://example.com/", "mailto:desk@example.com"]
)
def test_links_keep_their_address_and_get_rel_noopener(href):
    body = stored_body(f'<p><a href="{href}">source</a></p>')

    assert body == f'<p><a href="{href}" rel="noopener noreferrer nofollow">source</a></p>'


@pytest.mark.parametrize("empty", ["<p></p>", "<p><br></p>", "", "  "])
def test_empty_editor_document_is_stored_as_empty_string(empty):
    assert stored_body(empty) == ""


def test_typographic_and_non_latin_text_is_stored_unchanged():
    text = "<p>“Quotes” — dashes, O’Connor, Ελληνικά, Zażółć gęślą jaźń</p>"

    assert stored_body(text) == text
