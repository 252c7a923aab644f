"""
Settings for opinion_blog, read from environment variables.

Everything has a safe default except SECRET_KEY, which production must set:
with DEBUG off the project refuses to start without it. See the configuration
table in README.md.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django_prose_editor.config import html_tags
from js_asset import static_lazy

from opinion_blog import deployment

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "opinion_blog.apps.OpinionBlogAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "taggit",
    "django_prose_editor",
    "axes",
    # The second sign-in step (README: "Signing in"): authenticator codes and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "signin",
    "authors",
    "images",
    "articles",
    "search",
    "notifications",
    "submissions",
    "demo",
    "opinion_blog.limits",
    "backups",
    "django_altcha",
    "django_tasks_db",
]

MIDDLEWARE = [
    # One read of the content version per request (opinion_blog.content_version).
    "opinion_blog.content_version.ReadOncePerRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which device, if any, confirmed this session's second step (request.user.otp_device).
    "django_otp.middleware.OTPMiddleware",
    # Until then, an editor's or administrator's session reaches only the second step.
    "signin.middleware.SecondStepMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Below the CSP middleware so its response hook runs first and picks the admin's policy.
    "opinion_blog.middleware.AdminContentSecurityPolicyMiddleware",
    # After the CSRF check: while the database is known to be down, 503 at once.
    "opinion_blog.outage.DatabaseOutageMiddleware",
    # Before any view reads the database: a NUL byte in the path or query is a 404.
    "opinion_blog.middleware.RejectNulBytesMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opinion_blog.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "opinion_blog.context_processors.site",
                "articles.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "opinion_blog.wsgi.application"

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": deployment.database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's built-in pool (psycopg 3 only) replaces persistent connections.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # No JIT: every query the site runs is a short index lookup, for which compiling costs
    # far more than it saves (measured at 100,000 articles: the old Related Posts query took
    # 2.7 s with JIT and 1.1 s without; today's page queries stay under the JIT threshold,
    # so this only guards against a slow plan turning into a much slower one).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    # Fail fast when the server is down: a request must not hold a gunicorn worker for long.
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "2"))
    )
    DATABASES["default"]["OPTIONS"]["pool"] = {
        "min_size": int(os.environ.get("DATABASE_POOL_MIN_SIZE", "2")),
        "max_size": int(os.environ.get("DATABASE_POOL_MAX_SIZE", "10")),
        # How long a request waits for a connection before it gets the 503 page. Sync
        # gunicorn workers use one connection each, so only an outage makes anyone wait.
        "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "1")),
        # psycopg_pool retries a lost connection with a doubling pause until this runs out
        # (5 minutes by default: a 15 s outage left it waiting 16 s more). Kept short, the
        # pool starts afresh on the next request and reconnects as soon as the server is back.
        "reconnect_timeout": float(os.environ.get("DATABASE_POOL_RECONNECT_TIMEOUT", "4")),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's own backend, with django-axes refusing locked-out logins first.
AUTHENTICATION_BACKENDS = ["opinion_blog.auth_backends.ThrottledModelBackend"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The newsroom's time zone: schedules are entered and shown in it, stored in UTC.
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Uploads: reject anything bigger than this before Pillow ever sees it.
MAX_IMAGE_UPLOAD_BYTES = int(os.environ.get("MAX_IMAGE_UPLOAD_BYTES", 10 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# The body editor's own extension: library pictures from the toolbar. The
# sanitizer in articles/html.py is the allow-list that counts; this processor
# only describes the markup for django-prose-editor's own tooling.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/admin-body-images.js")],
        "extensions": {
            "BodyImage": html_tags(
                ["figure", "figcaption", "img"], {"img": ["src", "alt", "data-image-id"]}
            )
        },
    }
]

TAGGIT_CASE_INSENSITIVE = True

SITE_NAME = os.environ.get("SITE_NAME", "The Opinion Blog")
SITE_DESCRIPTION = os.environ.get(
    "SITE_DESCRIPTION", "Opinion and argument from independent columnists."
)
ARTICLES_PER_PAGE = 12
# The PostgreSQL text search configuration for search (stemming, stop words).
# After changing it, run `manage.py refresh_search_vectors`.
SEARCH_CONFIG = os.environ.get("SEARCH_CONFIG", "english")
# Search ranks at most this many of the newest matches, so common words stay fast.
SEARCH_MAX_RESULTS = 500
# How many of the latest articles each RSS and Atom feed carries.
FEED_SIZE = 20

# Background saving of the article form: how often, and at most how many per person a minute.
AUTOSAVE_SECONDS = int(os.environ.get("AUTOSAVE_SECONDS", 5))
AUTOSAVE_RATE_PER_MINUTE = int(os.environ.get("AUTOSAVE_RATE_PER_MINUTE", 30))
# "Lena is editing this article": the open form beats every EDIT_LOCK_HEARTBEAT_SECONDS;
# a lock whose last beat is older than EDIT_LOCK_EXPIRES_SECONDS no longer counts.
EDIT_LOCK_HEARTBEAT_SECONDS = int(os.environ.get("EDIT_LOCK_HEARTBEAT_SECONDS", 30))
EDIT_LOCK_EXPIRES_SECONDS = int(os.environ.get("EDIT_LOCK_EXPIRES_SECONDS", 60))

LOGIN_URL = "admin:login"
# Where a sign-in with no ?next= lands (Django's default, /accounts/profile/, is no page here).
LOGIN_REDIRECT_URL = "admin:index"

# Outside voices (the submissions app): op-eds and letters from the public.
SUBMISSION_WORD_LIMITS = {
    "op_ed": int(os.environ.get("OP_ED_WORD_LIMIT", "800")),
    "letter": int(os.environ.get("LETTER_WORD_LIMIT", "250")),
}
# A form posted sooner than this after it was shown is a bot's: thanked, not stored.
SUBMISSION_MIN_FILL_SECONDS = 3
# Posts of either form allowed from one address in the window, across every process.
SUBMISSION_RATE_LIMIT = int(os.environ.get("SUBMISSION_RATE_LIMIT", "10"))
SUBMISSION_RATE_WINDOW_SECONDS = int(os.environ.get("SUBMISSION_RATE_WINDOW_SECONDS", "3600"))
# Unverified submissions are deleted after this many days.
SUBMISSION_UNVERIFIED_DAYS = 7
# Declined and withdrawn submissions lose the sender's personal data after this many days.
SUBMISSION_RETENTION_DAYS = int(os.environ.get("SUBMISSION_RETENTION_DAYS", "90"))
# How often the worker's sweep runs (deletions and erasures above).
SUBMISSION_SWEEP_SECONDS = 60 * 60
# Verification and withdrawal links in emails stay valid this long.
SUBMISSION_LINK_DAYS = 30
# ALTCHA proof-of-work, verified here: no outside service, no cookie. The key signs the
# challenges; derived from SECRET_KEY unless set.
ALTCHA_HMAC_KEY = (
    os.environ.get("ALTCHA_HMAC_KEY") or hashlib.sha256(f"altcha:{SECRET_KEY}".encode()).hexdigest()
)
# The work asked of a browser: the solution is searched up to this number (about a second).
ALTCHA_MAX_NUMBER = int(os.environ.get("ALTCHA_MAX_NUMBER", "100000"))

# Login throttling (django-axes). Failures are counted per account *and* address together:
# guessing one account's password from one address is stopped after the limit, but a
# stranger's guesses cannot lock the account's owner out at their own address. One
# address failing against many accounts is stopped by a looser per-address limit
# (LOGIN_ADDRESS_FAILURE_LIMIT, checked in opinion_blog/lockout.py). Wrong codes at the
# second sign-in step count as failures too. A lockout ends by itself after the cool-off,
# counted from the last failed try; administrators lift it sooner by deleting the access
# attempt in the admin.
AXES_FAILURE_LIMIT = max(1, int(os.environ.get("LOGIN_FAILURE_LIMIT", "5")))
AXES_COOLOFF_TIME = timedelta(minutes=max(1, int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15"))))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_ADDRESS_FAILURE_LIMIT = max(1, int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "20")))
# Not reset on success: a password typed right must not wipe the wrong codes counted
# against the same account and address at the second step.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "opinion_blog.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "opinion_blog.client_ip.client_ip"
# The client's address is REMOTE_ADDR unless the proxies in front are trusted to
# report it: then CLIENT_IP_HEADER names their header (e.g. X-Forwarded-For) and
# CLIENT_IP_PROXY_COUNT how many of them append to it.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
CLIENT_IP_PROXY_COUNT = int(os.environ.get("CLIENT_IP_PROXY_COUNT", "1"))

# The second sign-in step (django-otp). Authenticator apps show the site's name beside
# the code; each wrong code doubles the wait before the next try (1 s, 2 s, 4 s, ...).
OTP_TOTP_ISSUER = SITE_NAME
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Administrators may delete a device in the admin but never read its secret there.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Passkeys (django-otp-webauthn) replace the code, never the password.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = SITE_NAME
OTP_WEBAUTHN_HELPER_CLASS = "signin.passkeys.PasskeyHelper"
OTP_WEBAUTHN_RP_ID_CALLABLE = "signin.passkeys.relying_party_id"
# The domain passkeys are bound to, and the origins they may be used from: by default the
# host and origin the admin is opened at (already checked against ALLOWED_HOSTS). Changing
# the domain later voids every passkey. Browsers offer passkeys only over https:// and on
# http://localhost (not on an IP address such as 127.0.0.1).
PASSKEY_RP_ID = os.environ.get("PASSKEY_RP_ID", "")
PASSKEY_ORIGINS = env_list("PASSKEY_ORIGINS")
# Its check wants OTP_WEBAUTHN_ALLOWED_ORIGINS; ours come from the two settings above.
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]

# Content Security Policy: everything is served from this origin; no CDN, and
# no inline styles on the public site (they all live in static/css/site.css).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
# Under /admin/ only: Django's admin widgets and the rich-text editor set inline
# styles, so the admin's policy allows them (scripts stay nonce-only).
SECURE_CSP_ADMIN = {**SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SECURE_PROXY_SSL_HEADER = (
        ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_HTTPS_PROXY") else None
    )

# Background tasks (django.tasks) are stored in the database by django-tasks-db and run
# by its worker: `python manage.py db_worker` (make run starts one beside the server).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Email (Django 6.1's MAILERS): printed to the console unless EMAIL_HOST names an SMTP server.
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_ssl": env_bool("EMAIL_USE_SSL"),
                "use_tls": env_bool("EMAIL_USE_TLS", not env_bool("EMAIL_USE_SSL")),
                # A hanging mail server must not hold the worker long; the send is retried.
                "timeout": int(os.environ.get("EMAIL_TIMEOUT", "20")),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address people open the admin at: links in emails start with it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# A failed notification email is tried again after 1, 4, 16… times this many seconds.
NOTIFICATION_RETRY_SECONDS = int(os.environ.get("NOTIFICATION_RETRY_SECONDS", "60"))
NOTIFICATION_MAX_ATTEMPTS = int(os.environ.get("NOTIFICATION_MAX_ATTEMPTS", "5"))
# Crash safety (README: "Notifications survive a crash"). A worker claims an email for this
# long before handing it to the mail server; longer than any send can take (EMAIL_TIMEOUT).
NOTIFICATION_SEND_LEASE_SECONDS = int(os.environ.get("NOTIFICATION_SEND_LEASE_SECONDS", "120"))
# A task still RUNNING this long after it started was left by a worker that died.
TASK_LEASE_SECONDS = int(os.environ.get("TASK_LEASE_SECONDS", "180"))
# Every worker sweeps this often: stranded notifications are queued again.
WORKER_SWEEP_SECONDS = float(os.environ.get("WORKER_SWEEP_SECONDS", "30"))
# A notification queued this long with no task waiting or running for it is stranded.
NOTIFICATION_STRANDED_SECONDS = int(os.environ.get("NOTIFICATION_STRANDED_SECONDS", "60"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# ---------------------------------------------------------------------------
# Production serving, caching and scale-out (README: "Running in production
# and scaling out"). Kept in one block; it adjusts the settings above.
# ---------------------------------------------------------------------------
# WhiteNoise serves /static/ (hashed, compressed names from collectstatic);
# the page cache sits outside compression so it stores compressed pages.
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE[_after_security:_after_security] = [
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "opinion_blog.page_cache.PageCacheMiddleware",
    "opinion_blog.compression.TextGZipMiddleware",
    "opinion_blog.db_router.PrimaryForPeopleMiddleware",
]

STORAGES = deployment.storages(os.environ)
# Hashed names never change content: browsers keep them for a year.
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365
MEDIA_CACHE_SECONDS = int(os.environ.get("MEDIA_CACHE_SECONDS", 60 * 60 * 24 * 365))
# Uploads on the local disk are served by the app unless the web server does it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"))

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = deployment.caches(
    REDIS_URL, os.environ.get("CACHE_KEY_PREFIX", "opinion_blog"), base_dir=BASE_DIR
)
PAGE_CACHE = "default"
CONTENT_VERSION_CACHE = "default" if REDIS_URL else "content_version"
# Used ALTCHA solutions are remembered where every process sees them (Redis, or the
# machine's shared file cache), so a solution works once, whichever worker gets it.
ALTCHA_CACHE_ALIAS = CONTENT_VERSION_CACHE
# Off with DEBUG, so template changes show on reload during development.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", not DEBUG)
# How long a stored page may live; a content change replaces it at once anyway.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
# Summaries (index rankings, Related Posts, the header's topics) cached under the
# content version even when pages are not: exact, so on unless switched off.
VERSION_CACHE_ENABLED = env_bool("VERSION_CACHE_ENABLED", True)
# s-maxage for proxies and CDNs: how stale a shared cache in front may serve.
PAGE_CACHE_PROXY_SECONDS = int(os.environ.get("PAGE_CACHE_PROXY_SECONDS", 10))
# Never cached and always read from the primary database.
PRIVATE_PATH_PREFIXES = ["/admin/", "/preview/", "/healthz", "/accounts/"]

# Read replicas: DATABASE_REPLICA_URLS="postgres://...,postgres://..."
DATABASES.update(
    deployment.replica_databases(DATABASES["default"], env_list("DATABASE_REPLICA_URLS"))
)
DATABASE_REPLICAS = [alias for alias in DATABASES if alias != "default"]
DATABASE_ROUTERS = ["opinion_blog.db_router.ReplicaRouter"] if DATABASE_REPLICAS else []
# After a content change, pages bound for the cache are read from the primary this long.
DATABASE_REPLICA_LAG_SECONDS = int(os.environ.get("DATABASE_REPLICA_LAG_SECONDS", 5))
# A replica more than this far behind, or not answering, is not read from (replicas.py);
# each process checks its replicas this often.
DATABASE_REPLICA_MAX_LAG_SECONDS = float(os.environ.get("DATABASE_REPLICA_MAX_LAG_SECONDS", 30))
DATABASE_REPLICA_CHECK_SECONDS = float(os.environ.get("DATABASE_REPLICA_CHECK_SECONDS", 5))

# After a failed connection, each process answers 503 at once for this long (opinion_blog/outage.py).
DATABASE_DOWN_SECONDS = float(os.environ.get("DATABASE_DOWN_SECONDS", "3"))

# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
