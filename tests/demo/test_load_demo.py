from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PillowImage

from articles.models import (
    Action,
    Article,
    ArticleEvent,
    Byline,
    Correction,
    ReviewNote,
    Revision,
    Status,
    TaggedArticle,
    Topic,
)
from articles.roles import COLUMNISTS, EDITORS
from authors.models import Author, AuthorLink
from demo import content, pictures
from images.models import Image
from submissions.models import State, Submission, SubmissionEvent

pytestmark = pytest.mark.django_db

COUNTED = (
    User,
    Author,
    AuthorLink,
    Topic,
    Article,
    Byline,
    TaggedArticle,
    Image,
    ArticleEvent,
    ReviewNote,
    Revision,
    Correction,
    Submission,
    SubmissionEvent,
)


def load(**options):
    out = StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for this module in a transaction that is rolled back afterwards."""
    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(DEBUG=True, MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        output = load()
        yield SimpleNamespace(media=media, output=output)
        transaction.set_rollback(True)


@pytest.fixture
def small_pictures(monkeypatch):
    """Featured images too small to need renditions, for tests about something else."""
    featured = pictures.featured
    monkeypatch.setattr(pictures, "featured", lambda *args: featured(*args, size=(160, 90)))


def test_refuses_without_force_when_debug_is_off_and_runs_with_it(settings, small_pictures):
    settings.DEBUG = False
    before = counts()
    with pytest.raises(CommandError, match="only runs with DEBUG on"):
        load()
    assert counts() == before

    output = load(force=True)

    assert User.objects.filter(username="admin", is_superuser=True).exists()
    assert Article.objects.published().count() >= 40
    assert "Demo content ready" in output


def test_running_again_creates_nothing(demo, settings):
    settings.DEBUG = True
    settings.MEDIA_ROOT = demo.media
    before = counts()

    output = load()
    load()

    assert counts() == before
    assert "(0 new articles this run)" in output


def test_prints_the_logins_and_where_to_go(demo):
    for _, username, *_ in content.LOGINS:
        assert f"\n{username}" in demo.output or f" {username} " in demo.output
    assert content.PASSWORD in demo.output
    assert "http://127.0.0.1:8000/" in demo.output
    assert "http://127.0.0.1:8000/admin/" in demo.output


def test_demo_logins(demo):
    columnists = User.objects.filter(
        groups__name=COLUMNISTS, is_staff=True, author_profile__isnull=False
    )
    editors = User.objects.filter(groups__name=EDITORS, is_staff=True)
    admin = User.objects.get(username="admin")

    assert columnists.count() >= 4
    assert {"editor", "editor2"} <= set(editors.values_list("username", flat=True))
    assert editors.filter(author_profile__isnull=False).count() <= 1
    assert admin.is_superuser and admin.is_staff
    for user in [*columnists, *editors, admin]:
        assert user.check_password(content.PASSWORD)
    assert Author.objects.filter(user__isnull=True).exists(), "a guest contributor has no login"


def test_authors_have_a_bio_an_avatar_and_links(demo, settings):
    settings.MEDIA_ROOT = demo.media
    for author in Author.objects.prefetch_related("links"):
        assert 2 <= len(author.bio.split("\n\n")) <= 3
        with PillowImage.open(author.avatar.path) as avatar:
            assert avatar.size == (400, 400)
        links = list(author.links.all())
        assert 1 <= len(links) <= 3
        assert all(link.url.startswith("https://") for link in links)
    assert Author.objects.filter(name__contains="’").exists()


def test_published_articles_spread_over_topics_and_time(demo):
    published = Article.objects.published()
    topics_per_article = published.annotate(n=Count("topic_links")).values_list("n", flat=True)
    topics_used = Topic.objects.filter(article_links__content_object__in=published).distinct()
    dates = published.values_list("published_at", flat=True)

    assert published.count() >= 40
    assert all(2 <= n <= 4 for n in topics_per_article)
    assert topics_used.count() >= 12
    assert max(dates) - min(dates) > timedelta(days=90)
    assert max(dates) <= timezone.now()


def test_every_published_article_has_a_described_featured_image(demo):
    published = Article.objects.published().select_related("featured_image")
    for article in published:
        image = article.featured_image
        assert image is not None, article.slug
        assert image.alt_text.strip() and len(image.alt_text) <= 250
        assert image.credit.strip()
        assert article.featured_image_caption.strip()
        assert (image.width, image.height) == pictures.FEATURED_SIZE
    shared = published.values("featured_image").annotate(n=Count("pk")).filter(n__gt=1)
    assert shared.exists(), "a reused image shows that images are shared"


def test_some_articles_have_two_bylines_in_order(demo):
    pair = Article.objects.annotate(n=Count("bylines")).filter(n=2)
    assert pair.count() >= 2
    for article in pair:
        assert [byline.position for byline in article.bylines.all()] == [0, 1]


def test_there_is_an_article_in_every_state(demo):
    for status in Status:
        assert Article.objects.in_state(status).exists(), status
    assert Article.objects.scheduled().exists()


def test_the_review_desk_has_work(demo):
    today = timezone.localdate()
    queue = Article.objects.filter(status=Status.SUBMITTED)
    assert queue.filter(assignee__username="editor", review_due__gte=today).exists()
    assert queue.filter(assignee__isnull=False, review_due__lt=today).exists(), "one is overdue"
    assert queue.filter(assignee__isnull=True).exists()

    for article in Article.objects.filter(status=Status.CHANGES_REQUESTED):
        note = article.review_notes.get(parent=None)
        assert note.author.groups.filter(name=EDITORS).exists()
        assert note.replies.get().author.author_profile in article.authors.all()


def test_the_audit_log_follows_the_story(demo):
    for article in Article.objects.filter(status=Status.PUBLISHED):
        events = list(article.events.order_by("created_at"))
        assert events[0].action == Action.CREATE
        # After publication, only what the desk does to a live piece.
        later = {Action.CORRECTION, Action.CHANGE_PENDING}
        while events[-1].action in later:
            events.pop()
        assert events[-1].action == Action.PUBLISH
        assert events[-1].created_at == article.published_at
        assert events[-1].actor.groups.filter(name=EDITORS).exists()
    unpublished = Article.objects.get(status=Status.UNPUBLISHED)
    assert unpublished.events.filter(action=Action.UNPUBLISH).exclude(note="").exists()


def test_columnists_each_have_work_in_several_states(demo):
    for author in Author.objects.filter(user__groups__name=COLUMNISTS):
        states = set(Article.objects.by_author(author).values_list("status", flat=True))
        assert Status.PUBLISHED in states and len(states) >= 2, author


def test_unicode_survives_the_round_trip(demo):
    titles = Article.objects.published().values_list("title", flat=True)
    assert any("ó" in title or "ł" in title for title in titles)
    assert any("Το καλοκαίρι" in title for title in titles)
    assert Article.objects.filter(slug="miasto-które-słucha", body__contains="Kraków").exists()


def test_every_demo_article_page_shows_the_whole_anatomy(demo, client):
    parts = [
        "<h1>",
        'class="byline"',
        "<figcaption>",
        'class="credit"',
        'class="article-body"',
        "The views expressed in this article are the",
        "About the Author",
        "Related Topics",
        "Related Posts",
    ]
    for article in Article.objects.published():
        html = client.get(article.get_absolute_url()).content.decode()
        positions = [html.find(part) for part in parts]
        assert -1 not in positions, (article.slug, dict(zip(parts, positions, strict=True)))
        assert positions == sorted(positions), article.slug


def test_one_article_has_a_change_waiting_that_readers_do_not_see(demo, client):
    pending = Revision.objects.pending().select_related("article").get()
    article = pending.article
    assert article.is_published
    assert pending.content["standfirst"] != article.standfirst
    assert pending.created_by.username == "amara"

    html = client.get(article.get_absolute_url()).content.decode()
    assert article.standfirst in html
    assert pending.content["standfirst"] not in html


def test_one_article_has_two_dated_corrections_for_readers(demo, client):
    article = Article.objects.get(slug="inflation-hit-the-poor-twice")
    corrections = list(article.corrections.all())

    assert len(corrections) == 2
    assert corrections[0].created_at < corrections[1].created_at
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index(corrections[0].text[:40]) < html.index(corrections[1].text[:40])
    assert article.events.filter(action=Action.CORRECTION).count() == 2


def test_one_article_has_a_disclosure_above_the_body(demo, client):
    article = Article.objects.published().exclude(disclosure="").get()

    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Disclosure:") < html.index('class="article-body"')


def test_every_demo_article_has_a_revision_history(demo):
    assert not Article.objects.filter(revisions__isnull=True).exists()


def test_demo_editors_and_the_administrator_share_one_printed_authenticator_key(demo, client):
    from base64 import b32decode

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    with_key = TOTPDevice.objects.filter(
        confirmed=True, key=b32decode(content.TOTP_SECRET).hex()
    ).values_list("user__username", flat=True)
    assert set(with_key) == {"admin", "editor", "editor2"}
    assert f"oathtool --totp -b {content.TOTP_SECRET}" in demo.output

    # Signing in as a visitor would: the password, then the code the key gives now.
    client.post(reverse("admin:login"), {"username": "editor2", "password": content.PASSWORD})
    code = TOTP(b32decode(content.TOTP_SECRET)).token()
    response = client.post(reverse("admin:second_step"), {"code": f"{code:06d}"})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_outside_voices_in_every_state_with_one_published_letter(demo, client):
    states = set(Submission.objects.values_list("state", flat=True))
    assert states == set(State.values)
    letter = Submission.objects.published_letters().get()
    assert letter.article.is_published
    assert letter.name in client.get("/letters/").content.decode()
    assert letter.name in client.get(letter.article.get_absolute_url()).content.decode()
    accepted = Submission.objects.get(kind="op_ed", state=State.ACCEPTED)
    assert accepted.draft_article.bylines.get().author.user is None
    assert accepted.sign_offs.exists()
