"""Which topics an article may carry, and who may coin new ones.

Columnists choose from the existing topics; only people allowed to add a topic
(editors) create new ones from the article form. The list is short so topic
pages stay meaningful, and a typed name finds its topic whatever its case or spacing.
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify

from opinion_blog.validators import CONTROL_CHARACTERS, one_line

from .models import TaggedArticle, Topic

MAX_TOPICS_PER_ARTICLE = 10
# Below the column's 100 so taggit's de-duplicating slug suffix ("_2") still fits.
MAX_NEW_TOPIC_NAME = 90
# The picker's suggestions: a handful, for a query no longer than a topic name.
MAX_SUGGESTIONS = 10
MAX_QUERY_LENGTH = 100


def may_create_topics(user):
    return user.is_active and user.has_perm("articles.add_topic")


def normalize(name):
    """One spelling per topic name: surrounding and repeated spaces removed."""
    return " ".join(name.split())


def _quoted(names):
    return ", ".join(f"“{name[:60]}…”" if len(name) > 60 else f"“{name}”" for name in names)


def choose_topics(names, *, may_create):
    """The topics for ``names`` (as typed): existing ``Topic`` rows, plus new names when allowed.

    Raises ``ValidationError`` naming every problem: too many topics, unknown
    topics for someone who may not create them, or unusable new names.
    """
    with_controls = [name for name in names if CONTROL_CHARACTERS.search(name)]
    if with_controls:
        raise ValidationError(
            "A topic name is a single line: remove line breaks, tabs and other control "
            "characters from %(names)s.",
            code="control_characters",
            params={"names": _quoted([one_line(name) for name in with_controls])},
        )
    wanted = {}
    for name in map(normalize, names):
        if name:
            wanted.setdefault(name.casefold(), name)
    if len(wanted) > MAX_TOPICS_PER_ARTICLE:
        raise ValidationError(
            "Choose at most %(max)d topics; this list has %(count)d.",
            code="too_many_topics",
            params={"max": MAX_TOPICS_PER_ARTICLE, "count": len(wanted)},
        )
    chosen, unknown = [], []
    for name in wanted.values():
        topic = Topic.objects.filter(name__iexact=name).order_by("pk").first()
        if topic is None:
            unknown.append(name)
        chosen.append(topic or name)
    if unknown and not may_create:
        lead = "There is no topic called" if len(unknown) == 1 else "There are no topics called"
        raise ValidationError(
            lead + " %(names)s. Choose from the existing topics; an editor can add new ones.",
            code="unknown_topics",
            params={"names": _quoted(unknown)},
        )
    too_long = [name for name in unknown if len(name) > MAX_NEW_TOPIC_NAME]
    if too_long:
        raise ValidationError(
            "A topic name can have at most %(max)d characters: %(names)s.",
            code="topic_name_too_long",
            params={"max": MAX_NEW_TOPIC_NAME, "names": _quoted(too_long)},
        )
    unaddressable = [name for name in unknown if not slugify(name, allow_unicode=True)]
    if unaddressable:
        raise ValidationError(
            "A topic name needs letters or numbers for its address: %(names)s.",
            code="topic_name_without_slug",
            params={"names": _quoted(unaddressable)},
        )
    # The writer's order, existing and new names mixed as typed.
    return chosen


def suggest(query, limit=MAX_SUGGESTIONS):
    """Names of existing topics that start like ``query``, whatever its case or spacing.

    Matched on the slug (lower case, words joined by hyphens), a prefix search its
    unique index answers; "south asia" and "South  Asia" both find "South Asia".
    """
    prefix = slugify(normalize(query[:MAX_QUERY_LENGTH].replace("\x00", "")), allow_unicode=True)
    if not prefix:
        return []
    return list(
        Topic.objects.filter(slug__startswith=prefix)
        .order_by("slug")
        .values_list("name", flat=True)[:limit]
    )


def in_order(article):
    """``article``'s topics in the order the writer gave them."""
    links = TaggedArticle.objects.filter(content_object=article).select_related("tag")
    return [link.tag for link in links.order_by("pk")]


def set_in_order(article, topics):
    """Link ``topics`` (``Topic`` rows or new names) to ``article`` in this order.

    The links' ids record the order, so a reordered list is written again;
    an unchanged one is left alone.
    """
    wanted = [getattr(topic, "name", topic).casefold() for topic in topics]
    if [topic.name.casefold() for topic in in_order(article)] == wanted:
        return
    article.topics.clear()
    for topic in topics:
        article.topics.add(topic)
