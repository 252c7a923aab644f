from . import (  # noqa: F401  (registers the admins)
    article_admin,
    checklist_admin,
    event_admin,
    front_page_admin,
    topic_admin,
)
