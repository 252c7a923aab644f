import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from .health import healthz
from .media import serve_media

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("authors/", include("authors.urls")),
    path("topics/", include("articles.topic_urls")),
    # Articles live at the root, so their catch-all slug pattern comes last.
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns.insert(0, re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media))
