from . import article_admin, event_admin, topic_admin  # noqa: F401  (registers the admins)
