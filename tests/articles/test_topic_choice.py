"""Topics on the article form: columnists choose existing ones, editors may add new ones,
an article carries at most ten; and the topic admin counts only what its reader may see."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Article, Topic
from articles.roles import EDITORS
from articles.topic_choice import MAX_TOPICS_PER_ARTICLE
from tests.admin_forms import change_form_data
from tests.factories import make_article_in, make_columnist, make_editor

pytestmark = pytest.mark.django_db

ADD_ARTICLE = reverse("admin:articles_article_add")


def add_article(client, topics):
    page = client.get(ADD_ARTICLE)
    data = change_form_data(page, title="Topics test", body="<p>Words.</p>", topics=topics)
    return client.post(ADD_ARTICLE, data)


def topic_errors(response):
    return response.context["adminform"].form.errors.get("topics", [])


def topic_names(article):
    return sorted(article.topics.values_list("name", flat=True))


def test_the_editors_group_may_add_topics():
    assert Group.objects.get(name=EDITORS).permissions.filter(codename="add_topic").exists()


def test_a_columnist_cannot_create_topics_and_is_told_which_are_unknown(client):
    Topic.objects.create(name="Housing")
    columnist = make_columnist()
    client.force_login(columnist)

    response = add_article(client, "Housing, Moon base, Lizard people")

    assert response.status_code == 200
    [error] = topic_errors(response)
    assert "There are no topics called “Moon base”, “Lizard people”." in error
    assert "an editor can add new ones" in error
    assert list(Topic.objects.values_list("name", flat=True)) == ["Housing"]
    assert not Article.objects.exists()
    assert not columnist.has_perm("articles.add_topic")


def test_a_columnist_finds_existing_topics_whatever_the_case_and_spacing(client):
    Topic.objects.create(name="Housing")
    Topic.objects.create(name="Public transport")
    client.force_login(make_columnist())

    response = add_article(client, '  HOUSING ,   public    Transport, "housing"')

    assert response.status_code == 302
    assert topic_names(Article.objects.get()) == ["Housing", "Public transport"]
    assert Topic.objects.count() == 2


def test_an_editor_creates_a_new_topic_from_the_article_form(client):
    Topic.objects.create(name="Housing")
    client.force_login(make_editor())

    response = add_article(client, "housing,  Night   buses ")

    assert response.status_code == 302
    assert topic_names(Article.objects.get()) == ["Housing", "Night buses"]
    assert Topic.objects.get(name="Night buses").slug == "night-buses"


@pytest.mark.parametrize("maker", [make_columnist, make_editor], ids=["columnist", "editor"])
def test_an_article_carries_at_most_ten_topics(client, maker):
    for number in range(MAX_TOPICS_PER_ARTICLE + 1):
        Topic.objects.create(name=f"Topic {number}")
    client.force_login(maker())
    names = [f"Topic {number}" for number in range(MAX_TOPICS_PER_ARTICLE + 1)]

    refused = add_article(client, ", ".join(names))
    accepted = add_article(client, ", ".join(names[:MAX_TOPICS_PER_ARTICLE]))

    assert topic_errors(refused) == ["Choose at most 10 topics; this list has 11."]
    assert accepted.status_code == 302
    assert Article.objects.get().topics.count() == MAX_TOPICS_PER_ARTICLE


def test_thousands_of_new_topics_in_one_request_create_none(client):
    client.force_login(make_editor())

    response = add_article(client, ", ".join(f"spam {number}" for number in range(3000)))

    assert "Choose at most 10 topics" in topic_errors(response)[0]
    assert not Topic.objects.exists()


@pytest.mark.parametrize(
    ("maker", "message"),
    [(make_columnist, "There is no topic called"), (make_editor, "at most 90 characters")],
    ids=["columnist", "editor"],
)
def test_an_overlong_topic_name_is_a_form_error(client, maker, message):
    client.force_login(maker())

    response = add_article(client, "x" * 10_000)

    assert response.status_code == 200
    assert message in topic_errors(response)[0]
    assert not Topic.objects.exists()


def test_a_new_topic_needs_a_name_that_makes_an_address(client):
    client.force_login(make_editor())

    response = add_article(client, "!!!")

    assert "needs letters or numbers" in topic_errors(response)[0]
    assert not Topic.objects.exists()


def test_the_form_tells_columnists_they_choose_from_existing_topics(client):
    client.force_login(make_columnist())

    help_text = client.get(ADD_ARTICLE).context["adminform"].form.fields["topics"].help_text

    assert "Choose from the existing topics; an editor can add new ones." in help_text


def test_the_topic_admin_counts_only_articles_the_reader_may_see(client):
    housing = Topic.objects.create(name="Housing")
    columnist = make_columnist()
    own = columnist.author_profile
    make_article_in("draft", authors=[own], topics=[housing])
    make_article_in("published", authors=[own], topics=[housing])
    others = make_columnist().author_profile
    for state in ("draft", "submitted", "published"):
        make_article_in(state, authors=[others], topics=[housing])
    make_article_in("trashed", authors=[own], topics=[housing])
    changelist = reverse("admin:articles_topic_changelist")

    client.force_login(columnist)
    [row] = client.get(changelist).context["cl"].result_list
    assert row.article_count == 2

    client.force_login(make_editor())
    [row] = client.get(changelist).context["cl"].result_list
    assert row.article_count == 5
