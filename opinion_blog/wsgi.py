"""WSGI entry point for production servers."""

import os

from django.core.wsgi import get_wsgi_application

from opinion_blog.startup import check_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opinion_blog.settings")

application = get_wsgi_application()
# With DEBUG off, a weak SECRET_KEY is refused before the first request (opinion_blog.startup).
check_secret_key()
