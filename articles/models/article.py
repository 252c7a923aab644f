from functools import cached_property
from html import unescape

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager

from articles import html, search
from articles.related import related_ids
from articles.slugs import unique_slug, validate_not_reserved
from images import body as body_images
from opinion_blog.addresses import slug_address
from opinion_blog.validators import single_line

from .bylines import Byline
from .topics import TaggedArticle


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "In review"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished"
    TRASHED = "trashed", "In the trash"


# An adult reads opinion prose at about this pace; the desk's live count uses the same.
WORDS_PER_MINUTE = 230

# A scheduled article is live once its time has come: no job flips its status.
LIVE_STATUSES = (Status.PUBLISHED, Status.SCHEDULED)

# What an article card shows (includes/article_card.html): never the body.
CARD_FIELDS = (
    "title",
    "slug",
    "standfirst",
    "status",
    "published_at",
    "featured_image__file",
    "featured_image__alt_text",
    "featured_image__width",
    "featured_image__height",
)

# What a card shows of its bylines (includes/author_names.html): names linking to author pages.
CARD_BYLINE_FIELDS = ("article_id", "position", "author__name", "author__slug")


def card_bylines():
    """The bylines of article cards: names linking to author pages, no bios or avatars."""
    return Prefetch(
        "bylines", queryset=Byline.objects.select_related("author").only(*CARD_BYLINE_FIELDS)
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see. Every public page, feed and list starts here."""
        return self.filter(status__in=LIVE_STATUSES, published_at__lte=timezone.now())

    def scheduled(self):
        """Approved for a time that has not come yet."""
        return self.filter(status=Status.SCHEDULED, published_at__gt=timezone.now())

    def in_state(self, state):
        """Filter by the state people see, in which a due schedule counts as published."""
        if state == Status.PUBLISHED:
            return self.published()
        if state == Status.SCHEDULED:
            return self.scheduled()
        return self.filter(status=state)

    def visible_to(self, user):
        """What ``user`` may open in the admin: editors everything, others their own bylines."""
        if user.has_perm("articles.edit_any_article"):
            return self
        return self.filter(
            Exists(Byline.objects.filter(article=OuterRef("pk"), author__user_id=user.pk))
        )

    def by_author(self, author):
        return self.filter(Exists(Byline.objects.filter(article=OuterRef("pk"), author=author)))

    def with_bylines(self):
        return self.prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author"))
        )

    def for_listing(self):
        """The articles of a list of cards, and of each only what its card shows.

        The bylines are not fetched here: a card is usually read back whole from the
        cache, and those that are drawn load theirs (``articles.cards``).
        """
        return (
            self.select_related("featured_image")
            .only(*CARD_FIELDS)
            .order_by("-published_at", "-pk")
        )

    def related_to(self, article, limit=5):
        """Up to ``limit`` published cards related to ``article``, best first: see ``related``.

        Reads the article's topics and bylines from its prefetch cache when present.
        """
        ids = related_ids(self.published(), article, limit)
        cards = self.published().filter(pk__in=ids).for_listing().in_bulk()
        return [cards[pk] for pk in ids if pk in cards]


class Article(models.Model):
    title = models.CharField(max_length=200, validators=[single_line])
    slug = models.SlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        blank=True,
        validators=[validate_not_reserved],
        help_text="The article’s address. Made from the title if left empty.",
        error_messages={"unique": "Another article already uses this slug. Choose another."},
    )
    standfirst = models.TextField(
        max_length=400,
        blank=True,
        validators=[single_line],
        help_text="Optional. One or two sentences under the headline that say what the piece argues.",
    )
    body = ProseEditorField(extensions=html.EDITOR_EXTENSIONS, sanitize=html.sanitize, blank=True)
    featured_image = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="featured_in",
    )
    featured_image_caption = models.CharField(
        "caption",
        max_length=300,
        blank=True,
        validators=[single_line],
        help_text="What the picture shows in this article. The credit comes from the image.",
    )
    authors = models.ManyToManyField("authors.Author", through=Byline, related_name="articles")
    topics = TaggableManager(
        through=TaggedArticle,
        blank=True,
        verbose_name="topics",
        help_text="A comma-separated list of topics.",
    )

    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    revised_at = models.DateTimeField(
        "updated",
        null=True,
        blank=True,
        editable=False,
        help_text="When a published article was last edited; shown to readers.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped by every edit (articles.editing) and every transition (articles.workflow):
    # a writer may save only over the version they were shown.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # The review desk.
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="assigned_articles",
    )
    review_due = models.DateField(null=True, blank=True, editable=False)

    disclosure = models.TextField(
        max_length=1000,
        blank=True,
        help_text="Optional. A conflict of interest or declaration, shown to readers above the body.",
    )
    no_disclosure = models.BooleanField(
        "none to declare",
        default=False,
        db_default=False,  # bulk writers (bench, the query-plan tests) insert raw rows
        help_text="Tick when the writer has no conflict of interest to declare.",
    )
    # Kept current by articles.search.refresh_search_vectors(); PostgreSQL only.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="article_status_pub_idx"),
            models.Index(fields=["status", "submitted_at"], name="article_review_queue_idx"),
            # Migration 0008 turns its pending list off on PostgreSQL (see there).
            GinIndex(fields=["search_vector"], name="article_search_idx"),
            # Every public list walks this: newest first among live articles only.
            models.Index(
                fields=["-published_at", "-id"],
                name="article_live_recent_idx",
                condition=models.Q(status__in=LIVE_STATUSES),
            ),
        ]
        permissions = [
            ("edit_any_article", "Can edit articles without a byline on them"),
            ("review_article", "Can request changes and approve articles"),
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("restore_article", "Can restore articles from the trash"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = html.sanitize(self.body)
        if not self.slug:
            self.slug = unique_slug(self.title, Article.objects.exclude(pk=self.pk))
        super().save(*args, **kwargs)
        search.refresh_search_vectors([self.pk])
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            # Derived: the pictures in the body, so the library's rules protect them too.
            body_images.sync_uses(self)

    def get_absolute_url(self):
        return slug_address("articles:detail", self.slug)

    def clean(self):
        if not self.slug and self.title:
            self.slug = unique_slug(self.title, Article.objects.exclude(pk=self.pk))

    @property
    def is_published(self):
        """The Python twin of ``ArticleQuerySet.published()``."""
        return (
            self.status in LIVE_STATUSES
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def state(self):
        """The status people see: a schedule whose time has come reads as published."""
        if self.is_published:
            return Status.PUBLISHED
        return Status(self.status)

    def get_state_display(self):
        return self.state.label

    @property
    def byline_authors(self):
        return [byline.author for byline in self.bylines.all()]

    @cached_property
    def summary(self):
        """Plain text for meta descriptions and link previews: the standfirst, else the body's
        opening. Once per instance: the article page shows it four times."""
        if self.standfirst:
            return self.standfirst
        # Captions of pictures in the body are not the article's opening words.
        text = unescape(strip_tags(body_images.FIGURE.sub(" ", self.body)))
        return Truncator(" ".join(text.split())).words(30)

    @property
    def word_count(self):
        return html.word_count(self.body)

    @property
    def reading_minutes(self):
        """Minutes to read the body at ``WORDS_PER_MINUTE``, rounded up; 0 for an empty body."""
        return -(-self.word_count // WORDS_PER_MINUTE)

    @property
    def was_revised(self):
        return bool(self.revised_at and self.published_at and self.revised_at > self.published_at)
