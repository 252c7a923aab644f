"""Who may see and edit which article. The admin and the transitions both ask here."""

from .models import Status

EDITABLE_BY_AUTHORS = (Status.DRAFT, Status.CHANGES_REQUESTED)


def is_editor(user):
    return user.is_active and user.has_perm("articles.edit_any_article")


def has_byline(user, article):
    """Whether ``user`` is credited on ``article``; uses the bylines prefetch when present."""
    if not user.is_authenticated or article.pk is None:
        return False
    return any(byline.author.user_id == user.pk for byline in _bylines(article))


def _bylines(article):
    cache = getattr(article, "_prefetched_objects_cache", {})
    if "bylines" in cache:
        return cache["bylines"]
    return article.bylines.select_related("author")


def can_view(user, article):
    """Staff who may open the article in the admin, preview it and read its notes."""
    return user.is_active and user.is_staff and (is_editor(user) or has_byline(user, article))


# Authors may also edit their live articles, but only into a change that waits for
# an editor's approval (``articles.revisions.holds_for_approval``).
EDITABLE_LIVE_BY_AUTHORS = (Status.PUBLISHED, Status.SCHEDULED)


def can_edit(user, article):
    if article.status == Status.TRASHED or not user.has_perm("articles.change_article"):
        return False
    if is_editor(user):
        return True
    editable = EDITABLE_BY_AUTHORS + EDITABLE_LIVE_BY_AUTHORS
    return article.status in editable and has_byline(user, article)
