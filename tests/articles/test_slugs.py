"""Article slugs: made from the title, unique, clear of other URLs, and redirected when renamed."""

import pytest
from django.forms import modelform_factory

from articles.models import Article, SlugRedirect, Status
from tests.factories import make_article, make_author, make_published

pytestmark = pytest.mark.django_db

ArticleForm = modelform_factory(Article, fields=["title", "slug", "standfirst", "body"])


def article_form(**data):
    return ArticleForm(data={"title": "A fair title", "slug": "", "standfirst": "", **data})


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Why cities need more trees", "why-cities-need-more-trees"),
        ("“Quotes” — and O’Connor’s dashes", "quotes-and-oconnors-dashes"),
        ("Η δημοκρατία χρειάζεται χρόνο", "η-δημοκρατία-χρειάζεται-χρόνο"),
        ("Zażółć gęślą jaźń", "zażółć-gęślą-jaźń"),
    ],
)
def test_slug_is_made_from_the_title_when_left_empty(title, slug):
    form = article_form(title=title)

    assert form.is_valid(), form.errors
    assert form.save().slug == slug


def test_generated_slug_avoids_one_already_taken():
    make_article(slug="budget-day")

    form = article_form(title="Budget day")

    assert form.is_valid(), form.errors
    assert form.save().slug == "budget-day-2"


def test_generated_slug_avoids_reserved_words():
    form = article_form(title="Admin")

    assert form.is_valid(), form.errors
    assert form.save().slug == "admin-2"


def test_non_latin_slug_works_as_an_address(client):
    article = make_published("Ελληνικά νέα", slug="", authors=[make_author()])

    response = client.get(article.get_absolute_url())

    assert article.slug == "ελληνικά-νέα"
    assert response.status_code == 200
    assert "Ελληνικά νέα" in response.content.decode()


def test_duplicate_slug_is_a_form_error_and_nothing_is_saved():
    make_article(slug="taken")

    form = article_form(slug="taken")

    assert not form.is_valid()
    assert form.errors["slug"] == ["Another article already uses this slug. Choose another."]
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    "word", ["admin", "authors", "topics", "preview", "search", "feeds", "Admin", "AUTHORS"]
)
def test_slug_reserved_by_another_url_is_a_form_error_and_nothing_is_saved(word):
    form = article_form(slug=word)

    assert not form.is_valid()
    assert form.errors["slug"] == [
        f"“{word}” is reserved for another part of the site. Choose another slug."
    ]
    assert not Article.objects.exists()


def test_ten_thousand_character_title_is_a_form_error_and_nothing_is_saved():
    form = article_form(title="Long" * 2500)

    assert not form.is_valid()
    assert form.errors["title"] == ["Ensure this value has at most 200 characters (it has 10000)."]
    assert not Article.objects.exists()


def test_old_slug_of_a_renamed_article_answers_301_to_the_new_address(client):
    article = make_published(slug="first-thoughts", authors=[make_author()])
    article.slug = "second-thoughts"
    article.save()
    SlugRedirect.objects.create(old_slug="first-thoughts", article=article)

    response = client.get("/first-thoughts/")

    assert response.status_code == 301
    assert response["Location"] == "/second-thoughts/"
    assert client.get("/second-thoughts/").status_code == 200


@pytest.mark.parametrize("status", [Status.DRAFT, Status.UNPUBLISHED, Status.TRASHED])
def test_old_slug_of_an_unpublished_article_does_not_redirect(client, status):
    article = make_article(slug="renamed", status=status)
    SlugRedirect.objects.create(old_slug="old-name", article=article)

    assert client.get("/old-name/").status_code == 404
