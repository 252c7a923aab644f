from django.db import models
from django.db.models import Count, Exists, OuterRef
from django.utils.text import Truncator
from django.utils.translation import pgettext_lazy
from taggit.models import NaturalKeyManager, TagBase, TaggedItemBase

from opinion_blog.addresses import slug_address
from opinion_blog.validators import single_line


class TopicQuerySet(models.QuerySet):
    def with_published_articles(self):
        """Topics with a public page: at least one article readers can see."""
        from .article import Article

        return self.filter(
            Exists(Article.objects.published().filter(topic_links__tag=OuterRef("pk")))
        )

    def in_navigation(self):
        """The topics editors chose for the header, in their order, if readers can open them.

        Read from the kept counts: every page asks after a change, and looking for a
        published article per topic was planned as a scan of all 30,000 topics (8 ms).
        """
        from articles.counts import topics_with_published_articles

        featured = self.filter(featured_in_navigation=True)
        return (
            topics_with_published_articles(featured)
            .order_by("navigation_order", "name")
            .only("name", "slug")
        )

    def by_use(self):
        """Topics with published work, most used first, each with its ``article_count``.

        One grouped join over the topic links of published articles: the exact count
        from scratch, which the /topics/ page reads from the kept counts instead
        (``articles.counts.topics_by_use``).
        """
        from .article import Article

        return (
            self.filter(article_links__content_object__in=Article.objects.published())
            .annotate(article_count=Count("article_links"))
            .order_by("-article_count", "name")
            .only("name", "slug", "description")
        )


class Topic(TagBase):
    """A subject readers can follow; django-taggit tags with a description."""

    # taggit's name, kept to a single line like every name readers see.
    name = models.CharField(
        verbose_name=pgettext_lazy("A tag name", "name"),
        unique=True,
        max_length=100,
        validators=[single_line],
    )

    description = models.TextField(
        blank=True, help_text="A sentence or two shown at the top of the topic page."
    )
    featured_in_navigation = models.BooleanField(
        "in the navigation",
        default=False,
        help_text="Show this topic in the site’s header. Keep it to a handful.",
    )
    navigation_order = models.PositiveSmallIntegerField(
        default=0, help_text="Lower numbers come first in the navigation."
    )
    # Articles carrying it in a live state, scheduled ones included; kept by articles.counts.
    live_count = models.PositiveIntegerField(default=0, editable=False)

    objects = NaturalKeyManager.from_queryset(TopicQuerySet)()

    class Meta:
        ordering = ["name"]
        indexes = [
            # /topics/, a page at a time (articles.rankings): the database walks it and stops.
            models.Index(
                fields=["-live_count", "name", "id"],
                condition=models.Q(live_count__gt=0),
                name="topic_ranking_idx",
            ),
            # The header's handful of topics, without reading every topic.
            models.Index(
                fields=["navigation_order", "name"],
                condition=models.Q(featured_in_navigation=True),
                name="topic_navigation_idx",
            ),
        ]

    def get_absolute_url(self):
        return slug_address("topics:detail", self.slug)

    @property
    def summary(self):
        """Plain text for meta descriptions."""
        if self.description:
            return Truncator(" ".join(self.description.split())).words(40)
        return f"Articles about {self.name}."


class TaggedArticle(TaggedItemBase):
    """The article–topic link, with a real foreign key so related posts can join on it."""

    content_object = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="topic_links"
    )
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_links")

    class Meta:
        verbose_name = "article topic"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_topic")
        ]
        indexes = [models.Index(fields=["tag", "content_object"], name="topic_article_idx")]
