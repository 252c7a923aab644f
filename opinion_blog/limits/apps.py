from django.apps import AppConfig


class LimitsConfig(AppConfig):
    """The database's rate-limit counters (``opinion_blog.rate_limits``), used without Redis."""

    name = "opinion_blog.limits"
    label = "limits"
    default_auto_field = "django.db.models.BigAutoField"
