"""One door for an article's content, whichever way it comes in.

The writing form (``ArticleAdminForm``) holds every rule about what an article
may contain: field lengths, the address, the featured picture, the topics cap and
who may coin a topic. A snapshot restored from a revision, a pending change being
approved, an autosave and any future import are data from outside, so they are
put through that same form as if posted, and refused with its messages.
"""

from .models import Article
from .workflow import TransitionError

# The most an autosave request may carry: far above any article, far below a flood.
AUTOSAVE_MAX_BYTES = 1_000_000
# A refusal is shown as a message; keep it readable whatever the input was.
MAX_MESSAGE = 600


class InvalidContent(TransitionError):
    """Content the writing form refuses; ``str(error)`` says what to fix."""


def form_data(article, content):
    """The POST the writing form would receive for ``content`` (a snapshot) on ``article``."""
    from images.models import Image

    data = {
        field: _text(content.get(field))
        for field in (
            "title",
            "slug",
            "standfirst",
            "disclosure",
            "body",
            "featured_image_caption",
        )
    }
    others = Article.objects.exclude(pk=article.pk)
    if article.pk and data["slug"] and others.filter(slug=data["slug"]).exists():
        # An old address now used by another article: keep this article's own.
        data["slug"] = article.slug
    image_id = content.get("featured_image")
    # A picture deleted since the snapshot was taken is simply gone.
    known = type(image_id) is int and Image.objects.filter(pk=image_id).exists()
    data["featured_image"] = str(image_id) if known else ""
    topics = content.get("topics") or []
    data["topics"] = ", ".join(_text(name) for name in topics) if isinstance(topics, list) else ""
    # A checkbox is posted only when ticked; snapshots from before the tick was kept in
    # them leave the article's own.
    if content.get("no_disclosure", article.no_disclosure) is True:
        data["no_disclosure"] = "on"
    return data


def validated(article, content, *, by, lead, may_create_topics=None, partial=False):
    """The writing form bound to ``content`` for ``article``, once it is valid.

    ``by`` is who brings the content in: their rights decide on new topics, unless
    ``may_create_topics`` narrows them. ``partial`` (an autosave of work in
    progress) keeps every limit but requires nothing. The form copies the values
    onto ``article`` in memory. Raises ``InvalidContent`` starting with ``lead``.
    """
    from .admin.forms import ArticleAdminForm

    form_class = type(
        "ContentForm",
        (ArticleAdminForm,),
        {"user": by, "topics_override": may_create_topics, "checks_version": False},
    )
    form = form_class(data=form_data(article, content), instance=article)
    if partial:
        for field in form.fields.values():
            field.required = False
    if not form.is_valid():
        raise InvalidContent(_message(lead, form))
    return form


def _text(value):
    return "" if value is None else str(value)


def _message(lead, form):
    parts = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = str(field.label) if field is not None and field.label else ""
        text = " ".join(str(error) for error in errors)
        parts.append(f"{label}: {text}" if label else text)
    message = f"{lead} {' '.join(parts)}"
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"
