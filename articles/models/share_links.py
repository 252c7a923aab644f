from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone

# The signature's purpose: a token signed for anything else never opens a share link.
TOKEN_SALT = "articles.share-link"


class ShareLinkQuerySet(models.QuerySet):
    def active(self):
        """Links that still open their article: neither revoked nor past their expiry."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ShareLink(models.Model):
    """A secret address that shows one unpublished article to someone without a login.

    The address carries the row's id signed with the site's secret key, so it
    cannot be guessed or altered; the row decides whether it still works
    (``expires_at``, ``revoked_at``), so a link can be withdrawn at any time.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="share_links"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Share link for “{self.article}”"

    def get_absolute_url(self):
        return reverse("articles:shared", kwargs={"token": self.token})

    @property
    def token(self):
        # No timestamp in it: the row keeps the expiry, so one link has one address.
        return signing.Signer(salt=TOKEN_SALT).sign_object(self.pk)

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_active(self):
        return self.revoked_at is None and not self.is_expired
