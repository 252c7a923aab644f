"""gunicorn settings for ``make serve`` and production (``gunicorn -c deploy/gunicorn.conf.py``).

Every value can be overridden by the environment variable gunicorn itself
reads (``WEB_CONCURRENCY``, ``GUNICORN_CMD_ARGS``) or by ``BIND``.
"""

import multiprocessing
import os

wsgi_app = "opinion_blog.wsgi:application"
bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
# Sync workers: the usual two per core plus one; pages are CPU- and database-bound.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
graceful_timeout = 20
# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket is one fixed path per user: several servers on one
# machine (a test, a blue/green switch) would fight over it, and nothing uses it.
control_socket_disable = True


def on_starting(server):
    """Before any worker: a weak SECRET_KEY, a bad DATABASE_URL or an unreachable database
    ends the start in one line and a non-zero exit, rather than in each worker's traceback."""
    from opinion_blog.startup import refuse_to_serve

    refuse_to_serve()
