from functools import partial

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils.text import Truncator

from images import renditions, stored_files
from images.renditions import square_avatar
from images.validators import validate_image_file
from opinion_blog.addresses import slug_address
from opinion_blog.validators import single_line

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

    Meant for a page of the ranking (``articles.counts``), which gives each author the
    date of their newest publication as ``latest_published_at``: the articles of exactly
    those dates are found through the date index. A sub-query per author walked every
    byline of a prolific columnist instead (70 ms at a million articles).
    """
    from articles.models import Article

    dated = {author.pk: author.latest_published_at for author in authors}
    if not any(dated.values()):
        return {}
    candidates = (
        Article.objects.published()
        .filter(
            published_at__in={when for when in dated.values() if when},
            bylines__author__in=[pk for pk, when in dated.items() if when],
        )
        .values_list("bylines__author", "pk", "published_at")
    )
    newest = {}
    for author_pk, article_pk, published_at in candidates:
        # Of two pieces published in the same instant, the later one, as on the author page.
        if published_at == dated[author_pk] and article_pk > newest.get(author_pk, 0):
            newest[author_pk] = article_pk
    articles = Article.objects.only("title", "slug", "published_at").in_bulk(newest.values())
    return {author_pk: articles.get(pk) for author_pk, pk in newest.items()}


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
    name = models.CharField("display name", max_length=120, validators=[single_line])
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
    # Newest publication date among their live articles, scheduled ones included; kept by
    # articles.counts for the columnists index.
    latest_live_at = models.DateTimeField(null=True, editable=False)

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            # /authors/, a page at a time (articles.rankings): the database walks it and stops.
            models.Index(
                fields=["-latest_live_at", "name", "id"],
                condition=models.Q(latest_live_at__isnull=False),
                name="author_ranking_idx",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Store a new avatar as a cropped WebP (no metadata); a failed save removes it again.

        A replaced or cleared avatar's file is deleted once the save commits, unless
        another record still uses it (``delete_avatar_when_unused``).
        """
        update_fields = kwargs.get("update_fields")
        replaced = None
        if not self._state.adding and (update_fields is None or "avatar" in update_fields):
            replaced = Author.objects.filter(pk=self.pk).values_list("avatar", flat=True).first()
        with stored_files.removed_if_failed():
            store_avatar(self.avatar, self.slug)
            super().save(*args, **kwargs)
        if replaced and replaced != (self.avatar.name or ""):
            delete_avatar_when_unused([replaced])

    def get_absolute_url(self):
        return slug_address("authors:detail", self.slug)

    @property
    def avatar_url(self):
        return self.avatar.url if self.avatar else ""

    @property
    def small_avatar_url(self):
        """The avatar at the size bylines, cards and the columnists index show it."""
        if not self.avatar:
            return ""
        small = renditions.rendition_name(self.avatar.name, renditions.AVATAR_WIDTHS[0])
        return self.avatar.storage.url(small)

    @property
    def avatar_srcset(self):
        """Small renditions first, so lists and bylines fetch an avatar at the size they show."""
        if not self.avatar:
            return ""
        return renditions.avatar_srcset(self.avatar.name, storage=self.avatar.storage)

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


def store_avatar(avatar, slug):
    """Write a newly uploaded avatar (a ``FieldFile`` not yet stored) as a cropped WebP."""
    if avatar and not getattr(avatar, "_committed", True):
        avatar.save(f"{slug}.webp", square_avatar(avatar), save=False)
        stored_files.record(avatar.name, storage=avatar.storage)
        small = renditions.write_missing(
            avatar.name, renditions.AVATAR_WIDTHS, storage=avatar.storage
        )
        stored_files.record(*small, storage=avatar.storage)


def avatar_in_use(name):
    """Whether a profile shows this avatar file, or a change waiting for review would."""
    return (
        Author.objects.filter(avatar=name).exists()
        or ProfileChange.objects.filter(avatar=name, status=ProfileChange.Status.PENDING).exists()
    )


def delete_avatar_if_unused(name):
    if name and not avatar_in_use(name):
        storage = Author._meta.get_field("avatar").storage
        for width in renditions.AVATAR_WIDTHS:
            storage.delete(renditions.rendition_name(name, width))
        storage.delete(name)


def delete_avatar_when_unused(names):
    """After the current transaction commits, delete these avatar files if nothing uses them."""
    for name in names:
        if name:
            transaction.on_commit(partial(delete_avatar_if_unused, name))


class AuthorLink(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(
        max_length=40, validators=[single_line], help_text="E.g. Website, X, LinkedIn, Mastodon."
    )
    url = models.CharField("address", max_length=300, validators=[web_address])
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label


class ProfileChange(models.Model):
    """A columnist's change to what readers see of their profile, waiting for an editor.

    The author row keeps what readers see; this row holds the whole proposed
    profile (display name, bio, avatar, links), never edited after it is made. A
    newer change replaces an older pending one; an editor approves it (it is
    copied onto the profile in one locked step) or declines it.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for approval"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"
        SUPERSEDED = "superseded", "Replaced by a later change"

    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="profile_changes")
    name = models.CharField("display name", max_length=120, validators=[single_line])
    bio = models.TextField(blank=True)
    avatar = models.ImageField(upload_to="avatars/", blank=True)
    # [{"label": …, "url": …}, …] in the order readers will see them.
    links = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author"],
                condition=Q(status="pending"),
                name="one_pending_profile_change_per_author",
            )
        ]

    def __str__(self):
        return f"Change to {self.author}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        with stored_files.removed_if_failed():
            store_avatar(self.avatar, self.author.slug)
            super().save(*args, **kwargs)

    @property
    def avatar_url(self):
        return self.avatar.url if self.avatar else ""
