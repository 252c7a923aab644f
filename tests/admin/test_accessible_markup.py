"""Admin markup that screen readers and phones depend on, checked without a browser.

The browser tests run axe-core on the same pages; these pin the server's part so a
template change that drops a label fails fast and says where.
"""

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import Status
from tests.factories import make_article, make_columnist, make_editor

pytestmark = pytest.mark.django_db


def test_the_list_search_box_has_a_label_with_words_and_keeps_the_filters(client):
    client.force_login(make_editor())

    response = client.get(
        reverse("admin:articles_article_changelist"), {"q": "bus", "state": "draft"}
    )

    html = response.content.decode()
    assert '<label for="searchbar">' in html
    assert '<span class="visually-hidden">Search articles</span>' in html
    assert 'id="searchbar" aria-describedby="searchbar_helptext"' in html
    assert 'value="bus" id="searchbar"' in html
    assert '<input type="hidden" name="state" value="draft">' in html


def test_every_byline_input_has_its_own_label(client):
    author = make_columnist().author_profile
    article = make_article(authors=[author], status=Status.SUBMITTED)
    client.force_login(make_editor())

    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))

    html = response.content.decode()
    for field in ("author", "position", "DELETE"):
        assert f'for="id_bylines-0-{field}"' in html


def test_the_review_desk_and_history_cells_name_their_columns_for_the_phone_layout(client):
    author = make_columnist().author_profile
    article = make_article(authors=[author], status=Status.SUBMITTED)
    editor = make_editor()
    workflow.assign(article, by=editor, assignee=editor)  # an entry in the history
    client.force_login(editor)

    desk = client.get(reverse("admin:articles_article_review_desk")).content.decode()
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()

    assert desk.count('<table class="stack-on-phone">') == 1
    for label in ("Authors", "Waiting", "Reviewer and due date"):
        assert f'data-label="{label}"' in desk
    assert '<table class="stack-on-phone">' in page
    for label in ("Who", "What", "Note"):
        assert f'data-label="{label}"' in page
