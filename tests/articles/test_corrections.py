"""Corrections readers see at the end of an article, and disclosures above the body."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from articles import corrections, workflow
from articles.models import Action, ArticleEvent, Correction, Revision, RevisionKind
from tests.factories import make_author, make_columnist, make_editor, make_published

pytestmark = pytest.mark.django_db


def url(name, article):
    return reverse(f"admin:articles_article_{name}", args=[article.pk])


def test_readers_see_every_correction_dated_and_in_order_at_the_end(client):
    article = make_published("Bus fares", authors=[make_author()])
    editor = make_editor()
    start = timezone.now()
    with time_machine.travel(start + timedelta(days=1), tick=False):
        corrections.add_correction(article, by=editor, text="We misstated the fare.")
    with time_machine.travel(start + timedelta(days=3), tick=False):
        corrections.add_correction(article, by=editor, text="We misspelt the mayor’s name.")

    html = client.get(article.get_absolute_url()).content.decode()

    body = html.index('class="article-body"')  # the head's JSON-LD names them too
    first = html.index("We misstated the fare.", body)
    second = html.index("We misspelt the mayor’s name.", body)
    assert body < first < second
    assert "Corrections" in html
    assert html.count("<time datetime=") >= 3  # published date and two corrections


def test_amending_a_correction_adds_a_dated_entry_and_keeps_the_first(client):
    article = make_published(authors=[make_author()])
    editor = make_editor()
    first = corrections.add_correction(article, by=editor, text="The vote was 5 to 4.")
    client.force_login(editor)

    client.post(url("corrections", article), {"text": "The vote was 6 to 3.", "amends": first.pk})

    assert [c.text for c in Correction.objects.filter(article=article)] == [
        "The vote was 5 to 4.",
        "The vote was 6 to 3.",
    ]
    assert Correction.objects.get(text="The vote was 6 to 3.").amends == first
    html = client.get(article.get_absolute_url()).content.decode()
    assert "The vote was 5 to 4." in html and "The vote was 6 to 3." in html


def test_corrections_go_into_the_revision_history_and_audit_log():
    article = make_published(authors=[make_author()])
    editor = make_editor()

    corrections.add_correction(article, by=editor, text="An earlier version misdated the law.")

    event = ArticleEvent.objects.get(article=article, action=Action.CORRECTION)
    assert (event.actor, event.note) == (editor, "An earlier version misdated the law.")
    revision = Revision.objects.get(article=article, kind=RevisionKind.CORRECTION)
    assert revision.content["corrections"][0]["text"] == "An earlier version misdated the law."


def test_corrections_cannot_be_removed_or_edited_through_the_admin(client):
    article = make_published(authors=[make_author()])
    correction = corrections.add_correction(article, by=make_editor(), text="Fixed a date.")
    client.force_login(make_editor())

    # No admin page exists for them, and an article edit does not carry them.
    with pytest.raises(NoReverseMatch):
        reverse("admin:articles_correction_change", args=[correction.pk])
    client.post(url("corrections", article), {"text": "", "amends": correction.pk})
    assert Correction.objects.get() == correction
    assert Correction.objects.get().text == "Fixed a date."


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_a_correction_needs_words_of_a_sensible_length(text):
    article = make_published(authors=[make_author()])

    with pytest.raises(workflow.TransitionError):
        corrections.add_correction(article, by=make_editor(), text=text)

    assert not Correction.objects.exists()


def test_only_editors_add_corrections_and_only_to_published_articles(client):
    columnist = make_columnist()
    article = make_published(authors=[columnist.author_profile])
    with pytest.raises(workflow.TransitionError):
        corrections.add_correction(article, by=columnist, text="Mine.")
    article.published_at = None
    article.status = "draft"
    article.save()
    with pytest.raises(workflow.TransitionError):
        corrections.add_correction(article, by=make_editor(), text="Too early.")
    assert not Correction.objects.exists()


def test_amending_a_correction_of_another_article_is_refused(client):
    editor = make_editor()
    one = make_published(authors=[make_author()])
    other = make_published(authors=[make_author()])
    foreign = corrections.add_correction(other, by=editor, text="Elsewhere.")
    client.force_login(editor)

    client.post(url("corrections", one), {"text": "Sneaky.", "amends": foreign.pk})

    assert not one.corrections.exists()


def test_a_disclosure_appears_above_the_body(client):
    article = make_published(
        authors=[make_author()],
        disclosure="The author chairs the tenants’ association mentioned here.",
    )

    html = client.get(article.get_absolute_url()).content.decode()

    disclosure = html.index("The author chairs the tenants’ association")
    assert disclosure < html.index('class="article-body"')


def test_no_disclosure_no_box(client):
    article = make_published(authors=[make_author()])

    assert 'class="disclosure"' not in client.get(article.get_absolute_url()).content.decode()
