"""Settings for the app server behind nginx in the nginx test: the two-server test's,
with a few test-only public pages (tests/serving/nginx_urls.py)."""

from tests.serving.server_settings import *  # noqa: F403

ROOT_URLCONF = "tests.serving.nginx_urls"
