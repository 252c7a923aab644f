"""Related Posts: ranked in Python from a small candidate set read off indexes in one query.

One UNION query, every part of it starting from ``published()``, reads:

1. for each of the article's topics, its newest ``PER_TOPIC`` published articles (a backward
   scan of the topic link index, newest id first);
2. for each of the article's authors, their newest ``PER_AUTHOR`` published pieces;
3. the latest published articles, so the section is never empty while anything else is live.

Topic matches rank by the summed rarity of the shared topics, then by date; then the authors'
pieces; then the latest. A topic's rarity is ``log(N / df)``: N is the archive's size (the
newest id) and df the number of articles on the topic, counted from the candidates when the
topic has fewer than ``PER_TOPIC`` of them, and otherwise estimated from how densely its newest
``PER_TOPIC`` articles sit among the newest ids (50 links among the last 165 ids: about 30% of
the archive). So a topic on a third of the archive costs the same 50 rows as a niche one, and
the query costs the same whatever the archive's size.
On databases that cannot limit each part of a UNION (SQLite), the parts are unbounded: fine at
development sizes.
"""

import math
from itertools import chain

from django.db import connection
from django.db.models import Value

PER_TOPIC = 50
PER_AUTHOR = 20

TOPIC, AUTHOR, LATEST = range(3)


def related_ids(published, article, limit):
    """Ids of up to ``limit`` published articles related to ``article``, best first."""
    others = published.exclude(pk=article.pk).order_by("-pk")

    def part(queryset, kind, key, size):
        rows = queryset.values_list("pk", Value(key), "published_at", Value(kind))
        if connection.features.supports_slicing_ordering_in_compound:
            return rows[:size]
        return rows.order_by()

    latest = part(others.order_by("-published_at", "-pk"), LATEST, 0, limit)
    parts = [
        part(others.filter(topic_links__tag_id=topic.pk), TOPIC, topic.pk, PER_TOPIC)
        for topic in article.topics.all()
    ] + [
        part(others.filter(bylines__author_id=byline.author_id), AUTHOR, 0, PER_AUTHOR)
        for byline in article.bylines.all()
    ]
    rows = list(latest.union(*parts, all=True).order_by()) if parts else list(latest)
    return rank(rows, limit)


def topic_weights(rows):
    """``log(N / df)`` per topic, from the candidate rows alone (see the module's docstring)."""
    archive = max((article_id for article_id, *_ in rows), default=1)
    ids_by_topic = {}
    for article_id, topic_id, _, kind in rows:
        if kind == TOPIC:
            ids_by_topic.setdefault(topic_id, []).append(article_id)
    weights = {}
    for topic_id, ids in ids_by_topic.items():
        # Few links: count them (the article itself is one more); many: estimate from density.
        exact = len(ids) < PER_TOPIC
        df = len(ids) + 1 if exact else len(ids) * archive / (archive - min(ids) + 1)
        weights[topic_id] = math.log(max(archive, df) / df)
    return weights


def rank(rows, limit):
    """Order candidate rows as the module's docstring says."""
    weights = topic_weights(rows)
    score, published_at, tiers = {}, {}, ({}, {}, {})
    for article_id, topic_id, date, kind in rows:
        published_at[article_id] = date
        tiers[kind][article_id] = True
        if kind == TOPIC:
            # A tiny floor keeps a topic on every article a match, just the weakest one.
            score[article_id] = score.get(article_id, 0.0) + weights[topic_id] + 1e-6

    def newest_first(article_id):
        return (published_at[article_id], article_id)

    by_topic = sorted(tiers[TOPIC], key=lambda pk: (score[pk], *newest_first(pk)), reverse=True)
    by_author = sorted(tiers[AUTHOR], key=newest_first, reverse=True)
    latest = sorted(tiers[LATEST], key=newest_first, reverse=True)
    ranked = []
    for article_id in chain(by_topic, by_author, latest):
        if article_id not in ranked:
            ranked.append(article_id)
            if len(ranked) == limit:
                break
    return ranked
