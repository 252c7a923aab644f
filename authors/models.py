from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Exists, Max, OuterRef, Subquery
from django.urls import reverse
from django.utils.text import Truncator

from images import stored_files
from images.renditions import (
    AVATAR_SIZE,
    SMALL_AVATAR_SIZE,
    small_avatar_name,
    square_avatar,
    write_small_avatar,
)
from images.validators import validate_image_file

web_address = URLValidator(
    schemes=["http", "https"],
    message="Enter a full web address starting with http:// or https://.",
)


class AuthorQuerySet(models.QuerySet):
    def with_published_articles(self):
        """Authors with a public page: at least one article readers can see."""
        from articles.models import Article

        published_byline = Article.objects.published().filter(bylines__author=OuterRef("pk"))
        return self.filter(Exists(published_byline))

    def by_latest_publication(self):
        """Authors with published work, newest publication first, as ``latest_published_at``.

        One grouped join of bylines with published articles, not a sub-query per
        author; ``with_latest_articles`` then finds the pieces for one page.
        """
        from articles.models import Article

        return (
            self.filter(bylines__article__in=Article.objects.published())
            .annotate(latest_published_at=Max("bylines__article__published_at"))
            .order_by("-latest_published_at", "name", "pk")
        )


def latest_articles(authors):
    """Each author's newest published article, as ``{author pk: article}``, in two queries.

    Meant for a page of authors: the sub-query runs once for each author given,
    through the byline index, however large the archive.
    """
    from articles.models import Article

    newest = (
        Article.objects.published()
        .filter(bylines__author=OuterRef("pk"))
        .order_by("-published_at", "-pk")
        .values("pk")[:1]
    )
    latest_ids = dict(
        Author.objects.filter(pk__in=[author.pk for author in authors])
        .annotate(latest_article_id=Subquery(newest))
        .values_list("pk", "latest_article_id")
    )
    articles = Article.objects.only("title", "slug", "published_at").in_bulk(
        [pk for pk in latest_ids.values() if pk]
    )
    return {author_pk: articles.get(pk) for author_pk, pk in latest_ids.items()}


class Author(models.Model):
    """The public face of a writer; a guest contributor may have no login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text="The login this profile belongs to. Leave empty for a guest contributor.",
    )
    name = models.CharField("display name", max_length=120)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        allow_unicode=True,
        help_text="Used in the address of the author’s page.",
    )
    bio = models.TextField(
        blank=True,
        help_text="Shown under “About the Author”. Plain text; a blank line starts a new paragraph.",
    )
    avatar = models.ImageField(
        upload_to="avatars/",
        blank=True,
        validators=[validate_image_file],
        help_text="A portrait; it is cropped to a square.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Store a new avatar as a cropped WebP (no metadata); a failed save removes it again."""
        with stored_files.removed_if_failed():
            if self.avatar and not getattr(self.avatar, "_committed", True):
                self.avatar.save(f"{self.slug}.webp", square_avatar(self.avatar), save=False)
                stored_files.record(self.avatar.name, storage=self.avatar.storage)
                small = write_small_avatar(self.avatar.name, storage=self.avatar.storage)
                stored_files.record(small, storage=self.avatar.storage)
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("authors:detail", kwargs={"slug": self.slug})

    @property
    def avatar_url(self):
        return self.avatar.url if self.avatar else ""

    @property
    def small_avatar_url(self):
        """The avatar at the size bylines, cards and the columnists index show it."""
        return self.avatar.storage.url(small_avatar_name(self.avatar.name)) if self.avatar else ""

    @property
    def avatar_srcset(self):
        if not self.avatar:
            return ""
        return f"{self.small_avatar_url} {SMALL_AVATAR_SIZE}w, {self.avatar.url} {AVATAR_SIZE}w"

    @property
    def summary(self):
        """Plain text for meta descriptions: the bio's opening, or a plain line."""
        if self.bio:
            return Truncator(" ".join(self.bio.split())).words(40)
        return f"Articles by {self.name}."

    @property
    def one_line_bio(self):
        """The bio's first paragraph, cut short: for lists of columnists."""
        first_paragraph = self.bio.strip().split("\n\n", 1)[0]
        return Truncator(" ".join(first_paragraph.split())).words(24)


class AuthorLink(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(max_length=40, help_text="E.g. Website, X, LinkedIn, Mastodon.")
    url = models.CharField("address", max_length=300, validators=[web_address])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label
