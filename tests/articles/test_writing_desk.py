"""The writing desk: the topic picker's suggestions and order, reading time, the messages
after an action, the publish confirmation and the workflow panel's reviewer line."""

import datetime
import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles import topic_choice
from articles.models import Article, ReviewNote, Topic
from articles.models.article import WORDS_PER_MINUTE
from tests.admin_forms import change_form_data
from tests.factories import make_article, make_article_in, make_columnist, make_editor, make_user

pytestmark = pytest.mark.django_db

SUGGEST = reverse("admin:articles_article_topic_suggestions")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def messages_in(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def suggestions(client, query):
    response = client.get(SUGGEST, {"q": query})
    assert response.status_code == 200
    return json.loads(response.content)


# Topic suggestions.


@pytest.mark.parametrize("query", ["south asia", "South  Asia", "  SOUTH-ASIA ", "sou", "South A"])
def test_suggestions_find_a_topic_whatever_the_case_and_spacing(client, query):
    Topic.objects.create(name="South Asia")
    Topic.objects.create(name="Housing")
    client.force_login(make_columnist())

    assert suggestions(client, query)["results"] == ["South Asia"]


def test_suggestions_are_a_few_existing_topics_in_order():
    for number in range(15):
        Topic.objects.create(name=f"Trade {number:02d}")
    Topic.objects.create(name="Transport")

    names = topic_choice.suggest("tra")

    assert len(names) == topic_choice.MAX_SUGGESTIONS
    assert names == sorted(names)
    assert topic_choice.suggest("transport") == ["Transport"]


def test_suggestions_say_whether_the_user_may_create_topics(client):
    client.force_login(make_columnist())
    assert suggestions(client, "new")["may_create"] is False
    client.force_login(make_editor())
    assert suggestions(client, "new")["may_create"] is True


@pytest.mark.parametrize(
    "query", ["", "   ", ",,,", "%", "_", "x" * 5000, "a%b", "🙂", "'; drop table x; --"]
)
def test_suggestions_answer_bad_input_calmly(client, query):
    Topic.objects.create(name="Anything")
    client.force_login(make_columnist())

    data = suggestions(client, query)

    assert data["results"] == [] or data["results"] == ["Anything"]


def test_a_percent_sign_is_not_a_wildcard():
    Topic.objects.create(name="Anything")
    assert topic_choice.suggest("%") == []
    assert topic_choice.suggest("_nything") == []


def test_a_nul_byte_in_the_query_is_harmless(client):
    Topic.objects.create(name="Anything")
    client.force_login(make_columnist())
    response = client.get(SUGGEST, {"q": "any\x00thing"})
    # The site answers NUL bytes in a query with its 404 before any view runs.
    assert response.status_code == 404
    assert topic_choice.suggest("Any\x00") == ["Anything"]


def test_suggestions_are_for_the_newsroom_only(client):
    Topic.objects.create(name="Secret topic")

    response = client.get(SUGGEST, {"q": "secret"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]

    client.force_login(make_user())  # signed in, not staff
    assert client.get(SUGGEST, {"q": "secret"}).status_code == 302

    staff_without_rights = make_user()
    staff_without_rights.is_staff = True
    staff_without_rights.save()
    client.force_login(staff_without_rights)
    assert client.get(SUGGEST, {"q": "secret"}).status_code == 403


def test_the_topics_input_points_the_picker_at_the_suggestions(client):
    client.force_login(make_columnist())
    content = client.get(reverse("admin:articles_article_add")).content.decode()
    assert f'data-suggest-url="{SUGGEST}"' in content
    assert 'class="vTextField topic-picker-input"' in content
    assert "js/admin-topic-picker.js" in content


# Topics keep the writer's order, and a name with a space stays one topic.


def save_topics(client, article, topics):
    page = client.get(change_url(article))
    return client.post(change_url(article), change_form_data(page, topics=topics))


def test_topics_keep_the_order_the_writer_gave_them(client):
    for name in ("Housing", "South Asia", "Cities"):
        Topic.objects.create(name=name)
    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile])
    client.force_login(columnist)

    response = save_topics(client, article, "south  asia, Housing, cities")
    assert response.status_code == 302
    assert [t.name for t in topic_choice.in_order(article)] == ["South Asia", "Housing", "Cities"]

    page = client.get(change_url(article))
    assert 'value="South Asia, Housing, Cities"' in page.content.decode()

    save_topics(client, article, "Cities, South Asia")
    assert [t.name for t in topic_choice.in_order(article)] == ["Cities", "South Asia"]
    assert Topic.objects.count() == 3


def test_a_topic_name_with_a_space_is_one_topic(client):
    Topic.objects.create(name="South Asia")
    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile])
    client.force_login(columnist)

    save_topics(client, article, "South Asia")

    assert [t.name for t in topic_choice.in_order(article)] == ["South Asia"]


def test_an_editors_new_topics_take_their_place_in_the_order(client):
    Topic.objects.create(name="Housing")
    editor = make_editor()
    article = make_article_in("draft")
    client.force_login(editor)

    save_topics(client, article, "Brand new, housing")

    assert [t.name for t in topic_choice.in_order(article)] == ["Brand new", "Housing"]


# Reading time.


@pytest.mark.parametrize(
    ("words", "minutes"),
    [(0, 0), (1, 1), (WORDS_PER_MINUTE, 1), (WORDS_PER_MINUTE + 1, 2), (WORDS_PER_MINUTE * 7, 7)],
)
def test_reading_time_rounds_up_at_230_words_a_minute(words, minutes):
    article = Article(body="<p>" + " ".join(["word"] * words) + "</p>" if words else "")
    assert article.reading_minutes == minutes


def test_words_are_counted_across_paragraphs_and_entities():
    article = Article(body="<p>One&nbsp;two</p><p>three</p><ul><li>four</li></ul><p>&amp;</p>")
    assert article.word_count == 5


def test_readers_see_the_reading_time_in_the_byline(client):
    article = make_article_in("published", body="<p>" + "word " * 700 + "</p>")
    content = client.get(article.get_absolute_url()).content.decode()
    assert (
        '<span class="reading-time"><span class="sep" aria-hidden="true">·</span> 4 min read</span>'
        in content
    )


def test_the_body_editor_knows_the_reading_pace(client):
    client.force_login(make_columnist())
    content = client.get(reverse("admin:articles_article_add")).content.decode()
    assert f'data-words-per-minute="{WORDS_PER_MINUTE}"' in content
    assert "js/admin-word-count.js" in content


# After an action: natural messages, no jump to the notes.


def transition(client, article, name, **extra):
    page = client.get(change_url(article))
    data = change_form_data(page, _transition=name, **extra)
    return client.post(change_url(article), data)


def test_requesting_changes_reads_naturally(client):
    article = make_article_in("submitted", title="Night buses")
    client.force_login(make_editor())

    response = transition(client, article, "request_changes", _transition_note="Source the 40%.")

    assert response["Location"] == change_url(article)
    assert messages_in(response) == [
        ("success", "“Night buses” now has changes requested; the authors can read your note.")
    ]


def test_publishing_reads_naturally(client):
    columnist = make_columnist()
    article = make_article_in("submitted", title="Night buses", authors=[columnist.author_profile])
    client.force_login(make_editor())

    response = transition(client, article, "publish")

    assert messages_in(response) == [("success", "“Night buses” is now published.")]


def test_a_note_returns_to_the_top_of_the_page_with_its_message(client):
    columnist = make_columnist()
    article = make_article_in("submitted", authors=[columnist.author_profile])
    client.force_login(columnist)

    response = client.post(
        reverse("admin:articles_article_notes", args=[article.pk]), {"body": "Done."}
    )

    assert response["Location"] == change_url(article)
    assert "#" not in response["Location"]
    assert messages_in(response) == [("success", "Your note was added.")]


# Publish now asks first, and warns about open notes.


def test_publish_now_is_behind_a_confirmation(client):
    columnist = make_columnist()
    article = make_article_in("submitted", title="Night buses", authors=[columnist.author_profile])
    client.force_login(make_editor())

    content = client.get(change_url(article)).content.decode()

    assert '<details class="workflow-action publish-confirm confirm-step">' in content
    assert "Save and publish now…</summary>" in content
    assert "Readers will see “Night buses” as soon as you confirm." in content
    assert ">Yes, publish now</button>" in content
    assert "still open" not in content


def test_publish_now_warns_when_review_notes_are_open(client):
    columnist = make_columnist()
    editor = make_editor()
    article = make_article_in("submitted", authors=[columnist.author_profile])
    ReviewNote.objects.create(article=article, author=editor, body="Check the figure.")
    ReviewNote.objects.create(article=article, author=editor, body="And the quote.")
    client.force_login(editor)

    content = client.get(change_url(article)).content.decode()

    assert "2 review notes are still open." in content
    assert ">Publish anyway</button>" in content


def test_resolved_notes_raise_no_warning(client):
    columnist = make_columnist()
    editor = make_editor()
    article = make_article_in("submitted", authors=[columnist.author_profile])
    note = ReviewNote.objects.create(article=article, author=editor, body="Check the figure.")
    note.resolved_at = note.created_at
    note.save()
    client.force_login(editor)

    content = client.get(change_url(article)).content.decode()

    assert "still open" not in content
    assert ">Yes, publish now</button>" in content


# The reviewer line.


def test_the_reviewer_line_goes_once_the_article_is_published(client):
    editor = make_editor()
    editor.first_name = "Rita"
    editor.save()
    article = make_article_in("submitted", assignee=editor)
    client.force_login(editor)
    assert "· reviewer Rita" in client.get(change_url(article)).content.decode()

    Article.objects.filter(pk=article.pk).update(
        status="published", published_at=make_article_in("published").published_at
    )
    assert "· reviewer" not in client.get(change_url(article)).content.decode()


def test_a_draft_has_no_reading_time_until_it_has_words():
    assert make_article(body="").reading_minutes == 0


def test_the_reviewer_form_shows_the_due_date_a_date_input_can_read(client):
    """In a British locale the due date once rendered as 02/12/2026: the browser showed an
    empty input, and saving the reviewer cleared the due date."""
    editor = make_editor()
    article = make_article_in("submitted", assignee=editor, review_due=datetime.date(2026, 12, 2))
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'name="due" value="2026-12-02"' in page


def test_an_over_long_note_is_refused_in_words_and_changes_nothing(client):
    article = make_article_in("submitted")
    client.force_login(make_editor())

    response = transition(client, article, "request_changes", _transition_note="n" * 5001)

    article.refresh_from_db()
    assert article.status == "submitted"
    assert ("error", "Keep the note to 5,000 characters; it has 5001.") in messages_in(response)
