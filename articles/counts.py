"""Counts the reader indexes rank by, kept up to date by the writers instead of scanned.

/topics/ ranks topics by how many published articles carry them and /authors/ ranks
columnists by their latest publication. Computing either from the whole archive is a
grouped scan of every topic link or byline (about 100 ms at 100,000 articles), which
the first reader after every change paid. Instead each topic keeps ``live_count`` and
each author ``latest_live_at``, over the articles in a live state (published, or
scheduled even for later: no job runs when a schedule falls due), and the rankings
take off the few articles scheduled for later when they read them.

Every writer that can change those numbers calls ``kept_for`` around its change, in
its transaction: moving an article into or out of a live state, changing the topics
or bylines of a live article, deleting one. The recount locks the topic and author
rows (in id order, so two writers never deadlock) before counting, so of two writers
racing on one topic the later one counts what the earlier committed, and the count
commits or rolls back with the change it follows. Bulk writers call ``recount_all``.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from authors.models import Author

from .models import Article, Byline, TaggedArticle, Topic
from .models.article import LIVE_STATUSES
from .rankings import KeptRanking


def _links(article_ids):
    topics = TaggedArticle.objects.filter(content_object_id__in=article_ids)
    bylines = Byline.objects.filter(article_id__in=article_ids)
    return (
        set(topics.values_list("tag_id", flat=True)),
        set(bylines.values_list("author_id", flat=True)),
    )


def _any_live(article_ids):
    return Article.objects.filter(pk__in=article_ids, status__in=LIVE_STATUSES).exists()


@dataclass(frozen=True)
class Before:
    """What ``before_change`` saw: the articles, and the links of any that were live."""

    ids: tuple
    topics: frozenset = frozenset()
    authors: frozenset = frozenset()
    live: bool = False


def before_change(*articles):
    """Note the topics and authors of ``articles`` before a change (see ``after_change``)."""
    ids = tuple(article.pk for article in articles if article.pk is not None)
    if not ids or not _any_live(ids):
        return Before(ids)
    topics, authors = _links(ids)
    return Before(ids, frozenset(topics), frozenset(authors), live=True)


def after_change(before):
    """Recount what the articles were linked to before the change and what they are now.

    Nothing is counted when none of them was live before or is now.
    """
    if before.live or (before.ids and _any_live(before.ids)):
        topics, authors = _links(before.ids)
        recount(topics=before.topics | topics, authors=before.authors | authors)


@contextmanager
def kept_for(*articles):
    """Keep the counts right across a block that changes ``articles`` (saved ones)."""
    before = before_change(*articles)
    yield
    after_change(before)


def recount(*, topics=(), authors=()):
    """Count again, exactly, the live articles of these topics and authors."""
    topics, authors = sorted(set(topics)), sorted(set(authors))
    with transaction.atomic():
        if topics:
            list(
                Topic.objects.filter(pk__in=topics).order_by("pk").select_for_update().values("pk")
            )
            Topic.objects.filter(pk__in=topics).update(live_count=_live_count())
        if authors:
            list(
                Author.objects.filter(pk__in=authors)
                .order_by("pk")
                .select_for_update()
                .values("pk")
            )
            Author.objects.filter(pk__in=authors).update(latest_live_at=_latest_live())


def recount_all():
    """Every topic and author at once: for bulk writers and repairs (``manage.py recount``)."""
    with transaction.atomic():
        Topic.objects.update(live_count=_live_count())
        Author.objects.update(latest_live_at=_latest_live())


def _live_count():
    live_links = (
        TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__status__in=LIVE_STATUSES)
        .order_by()
        .values("tag")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(live_links, output_field=IntegerField()), Value(0))


def _latest_live():
    return Subquery(
        Article.objects.filter(status__in=LIVE_STATUSES, bylines__author=OuterRef("pk"))
        .order_by("-published_at")
        .values("published_at")[:1]
    )


def _scheduled_later_per_topic():
    """``{topic id: articles scheduled for later}``: the few the kept counts include early."""
    return dict(
        TaggedArticle.objects.filter(content_object__in=Article.objects.scheduled())
        .values("tag")
        .annotate(count=Count("pk"))
        .values_list("tag", "count")
    )


def topics_with_published_articles(topics=None):
    """Those of ``topics`` (all by default) readers can open, from the kept counts: no
    look into the topic links.

    A topic whose live articles are all scheduled for later is left out.
    """
    waiting_only = (
        TaggedArticle.objects.filter(content_object__in=Article.objects.scheduled())
        .values("tag")
        .annotate(later=Count("pk"))
        .filter(tag__live_count__lte=F("later"))
        .values("tag")
    )
    topics = Topic.objects.all() if topics is None else topics
    return topics.filter(live_count__gt=0).exclude(pk__in=waiting_only)


def authors_with_published_articles():
    """Authors readers can open, from the kept dates: no scan of the bylines.

    Only an author whose latest live piece is scheduled for later is looked up in the
    articles, to see whether anything of theirs is out already.
    """
    published_byline = Article.objects.published().filter(bylines__author=OuterRef("pk"))
    return Author.objects.filter(
        Q(latest_live_at__lte=timezone.now())
        | Q(latest_live_at__isnull=False) & Exists(published_byline)
    )


def topics_by_use():
    """Topics with published work, most used first, then by name, each with its
    ``article_count``: a ``KeptRanking`` over the kept counts.

    A topic on articles scheduled for later is counted down by them (and left out if
    that leaves nothing).
    """

    def corrections():
        not_yet = _scheduled_later_per_topic()
        true_count = Case(*(When(pk=pk, then=F("live_count") - n) for pk, n in not_yet.items()))
        return list(not_yet), true_count

    return KeptRanking(
        "topics-by-use",
        Topic.objects.filter(live_count__gt=0).only("name", "slug", "description"),
        kept="live_count",
        attribute="article_count",
        corrections=corrections,
        shown=Q(article_count__gt=0),
    )


def authors_by_latest_publication(prepare=None):
    """Columnists with published work, most recently published first, then by name, each
    with ``latest_published_at``: a ``KeptRanking`` over the kept dates.

    An author whose latest live piece is scheduled for later moves to the date of what
    readers can see now (and is left out if that is nothing yet).
    """

    def corrections():
        ahead = Author.objects.filter(latest_live_at__gt=timezone.now())
        published = Article.objects.published().filter(bylines__author=OuterRef("pk"))
        latest = Subquery(published.order_by("-published_at").values("published_at")[:1])
        return list(ahead.values_list("pk", flat=True)), latest

    return KeptRanking(
        "columnists",
        Author.objects.filter(latest_live_at__isnull=False),
        kept="latest_live_at",
        attribute="latest_published_at",
        corrections=corrections,
        shown=Q(latest_published_at__isnull=False),
        prepare=prepare,
    )
