import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from articles.sitemaps import ArticleSitemap, TopicSitemap
from authors.sitemaps import AuthorSitemap
from submissions.sitemaps import LetterDaySitemap

from .health import healthz
from .media import serve_media
from .robots import robots_txt
from .sitemap_views import index as sitemap_index
from .sitemap_views import section as sitemap_section

# A lost database connection is a 503 with Retry-After; any other error the styled 500.
handler500 = "opinion_blog.errors.server_error"

sitemaps = {
    "articles": ArticleSitemap,
    "authors": AuthorSitemap,
    "topics": TopicSitemap,
    "letters": LetterDaySitemap,
}

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Passkey ceremonies for the second sign-in step (signin/passkeys.py).
    path("admin/passkeys/", include("signin.passkey_urls", namespace="otp_webauthn")),
    path("admin/", admin.site.urls),
    # Django's default landing after sign-in; here the newsroom is the admin.
    path("accounts/profile/", RedirectView.as_view(pattern_name="admin:index"), name="profile"),
    path("robots.txt", robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_section,
        {"sitemaps": sitemaps},
        name="sitemap-section",
    ),
    path("", include("articles.feed_urls")),
    path("authors/", include("authors.urls")),
    path("topics/", include("articles.topic_urls")),
    path("search/", include("search.urls")),
    path("", include("submissions.urls")),
    # Articles live at the root, so their catch-all slug pattern comes last.
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.insert(0, re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media))
