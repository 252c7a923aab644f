"""Full-text search over published articles.

On PostgreSQL each article stores a weighted ``tsvector`` (title A; standfirst, authors and
topics B; body C) in ``Article.search_vector``, with a GIN index. It is rebuilt in the
database by one UPDATE, ``refresh_search_vectors()``, which every change that alters what
is indexed calls explicitly: saving an article, its bylines or topics in the admin, renaming
an author or a topic, and a transition that makes the article live.

On other databases (SQLite in development) a plain substring search serves instead.
"""

import re
from html import escape, unescape

from django.conf import settings
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorCombinable,
    SearchVectorField,
)
from django.db import connection
from django.db.models import F, Func, OuterRef, Q, StringAgg, Subquery, Value
from django.db.models.functions import Left
from django.utils.safestring import mark_safe

# Readers are told when their query was cut to this many characters.
MAX_QUERY_LENGTH = 200

# ts_headline marks matches with these; they are split out before escaping, so the
# snippet's only markup is the <mark> we add ourselves.
START_SEL, STOP_SEL = "\x02", "\x03"
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]+")


def full_text_available():
    return connection.vendor == "postgresql"


def max_results():
    """How many of the newest matches are ranked and shown."""
    return getattr(settings, "SEARCH_MAX_RESULTS", 500)


def search_config():
    return getattr(settings, "SEARCH_CONFIG", "english")


def clean_query(raw):
    """The reader's query made safe to search: no control characters, one space between
    words, at most ``MAX_QUERY_LENGTH`` characters. Returns ``(query, was_shortened)``."""
    text = " ".join(_CONTROL_CHARACTERS.sub(" ", raw or "").split())
    if len(text) <= MAX_QUERY_LENGTH:
        return text, False
    return text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH], True


def has_words(query):
    """Whether the query holds anything a search can match (not only punctuation)."""
    return any(character.isalnum() for character in query)


def _names(model, field, article_field):
    """The names joined by spaces, for the article in the outer query."""
    return Subquery(
        model.objects.filter(**{article_field: OuterRef("pk")})
        .order_by()
        .values(article_field)
        .annotate(names=StringAgg(field, delimiter=Value(" ")))
        .values("names")
    )


class WeightedVector(SearchVectorCombinable, Func):
    """A tsvector computed elsewhere, given a weight: combines with ``SearchVector``."""

    function = "setweight"
    output_field = SearchVectorField()

    def __init__(self, vector, weight):
        super().__init__(vector, Value(weight))


def vector_expression(byline_model, tagged_model, body_vector=None):
    """The weighted vector of an article, built from its row and its related names.

    Takes the models so a migration can pass its historical ones. ``body_vector`` replaces
    the body's ``to_tsvector`` with an expression giving the same vector more cheaply (the
    bulk generator's, built from vectors of the paragraphs its bodies are made of).
    """
    config = search_config()
    body = (
        SearchVector("body", weight="C", config=config)
        if body_vector is None
        else WeightedVector(body_vector, "C")
    )
    return (
        SearchVector("title", weight="A", config=config)
        + SearchVector("standfirst", weight="B", config=config)
        + SearchVector(_names(byline_model, "author__name", "article"), weight="B", config=config)
        + SearchVector(
            _names(tagged_model, "tag__name", "content_object"), weight="B", config=config
        )
        + body
    )


def refresh_search_vectors(article_ids, body_vector=None):
    """Rebuild the stored search vector of these articles (a list, set or queryset of ids)."""
    if not full_text_available():
        return
    from articles.models import Article, Byline, TaggedArticle

    Article.objects.filter(pk__in=article_ids).update(
        search_vector=vector_expression(Byline, TaggedArticle, body_vector)
    )


def refresh_for_author(author):
    """After an author's name changes: every article with their byline."""
    from articles.models import Byline

    refresh_search_vectors(Byline.objects.filter(author=author).values("article_id"))


def refresh_for_topic(topic):
    """After a topic's name changes: every article filed under it."""
    from articles.models import TaggedArticle

    refresh_search_vectors(TaggedArticle.objects.filter(tag=topic).values("content_object_id"))


# ts_headline parses all the text it is given; the opening is enough for a snippet.
SNIPPET_SOURCE_LENGTH = 3000


def _plain_body():
    """The body's opening with its tags replaced by spaces (entities stay escaped)."""
    plain = Func(F("body"), Value("<[^>]*>"), Value(" "), Value("g"), function="regexp_replace")
    return Left(plain, SNIPPET_SOURCE_LENGTH)


def search(queryset, query):
    """``queryset`` (already published) narrowed to ``query``, best match first.

    Full-text search ranks the ``max_results()`` newest matches and returns those.

    On PostgreSQL each result carries ``title_headline`` and ``snippet``: ts_headline's
    text with the matched words between ``START_SEL`` and ``STOP_SEL``.
    """
    if not full_text_available():
        return _substring_search(queryset, query)
    config = search_config()
    search_query = SearchQuery(query, search_type="websearch", config=config)
    # Ranking reads each match's whole vector, so only the newest matches are ranked:
    # the cost stays bounded however common the words are.
    newest = (
        queryset.filter(search_vector=search_query)
        .order_by("-published_at", "-pk")
        .values("pk")[: max_results()]
    )
    return (
        queryset.filter(pk__in=newest)
        .annotate(
            rank=SearchRank(F("search_vector"), search_query),
            title_headline=SearchHeadline(
                "title",
                search_query,
                config=config,
                start_sel=START_SEL,
                stop_sel=STOP_SEL,
                highlight_all=True,
            ),
            snippet=SearchHeadline(
                _plain_body(),
                search_query,
                config=config,
                start_sel=START_SEL,
                stop_sel=STOP_SEL,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-published_at", "-pk")
    )


def _substring_search(queryset, query):
    """Every word must appear in the title, standfirst or body; newest first.

    The body is loaded with the results: without a standfirst, the snippet is its opening.
    """
    for word in query.replace('"', " ").split():
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(standfirst__icontains=word) | Q(body__icontains=word)
        )
    return queryset.defer(None).order_by("-published_at", "-pk")


def highlight(headline, *, from_html=False):
    """Safe HTML for a ts_headline result: the text escaped, the matches in ``<mark>``.

    ``from_html`` says the text came from article HTML, so its entities are decoded
    before escaping (an ``&amp;`` reads as ``&``, never as markup).
    """
    parts = []
    for index, piece in enumerate(re.split(f"{START_SEL}|{STOP_SEL}", headline or "")):
        text = escape(unescape(piece) if from_html else piece, quote=False)
        parts.append(f"<mark>{text}</mark>" if index % 2 and text else text)
    return mark_safe("".join(parts))
