"""ASGI entry point for production servers."""

import os

from django.core.asgi import get_asgi_application

from opinion_blog.startup import check_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opinion_blog.settings")

application = get_asgi_application()
# With DEBUG off, a weak SECRET_KEY is refused before the first request (opinion_blog.startup).
check_secret_key()
