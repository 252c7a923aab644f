"""Uploads served by the app itself when they are stored on a local disk.

Behind nginx, or with S3-compatible storage, the web server or the bucket
serves them instead (deploy/nginx.conf). Uploaded names never change content
(a new upload gets a new name), so browsers may keep them for a long time.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.static import serve


def serve_media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=settings.MEDIA_CACHE_SECONDS)
    response["X-Content-Type-Options"] = "nosniff"
    # An upload is never a page: nothing in it may run, even if a browser tried.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
