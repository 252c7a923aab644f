"""Made-up but newspaper-shaped content for load tests: `manage.py generate_content`.

Everything it makes is marked by the ``gen-`` slug prefix so a later run can clear it
without touching real or demo content. Rows go in with ``bulk_create`` in batches, so
the same code fills PostgreSQL in minutes and a small SQLite database in seconds.
"""

import itertools
import math
import random
from contextlib import contextmanager
from datetime import timedelta
from io import BytesIO

from django.contrib.postgres.search import SearchVectorField
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw

from articles import counts
from articles.models import Article, Byline, Status, TaggedArticle, Topic
from articles.search import full_text_available, refresh_search_vectors, search_config
from authors.models import Author
from images.models import Image
from opinion_blog.bulk_writes import analyze

PREFIX = "gen-"
BATCH = 1000
# Share of articles carrying the most popular topic, like a paper's "Politics".
TOP_TOPIC_SHARE = 0.3
CO_AUTHORED_SHARE = 0.03
# Topics in the header, as an editor would choose: the first few (the most used).
NAVIGATION_TOPICS = 6
YEARS = 10
SPAN_SECONDS = timedelta(days=365 * YEARS).total_seconds()
PICTURE_ALT = "Coloured circles, study"
CREDIT = "Generated"

WORDS = str.split(
    "argument budget council city climate data democracy economy election energy evidence "
    "future government growth health housing industry justice labour market media minister "
    "money nation opinion parliament people policy power public reform rights rule school "
    "science service society state strategy system tax technology trade transport trust vote "
    "water welfare work world because however although therefore perhaps indeed rather still "
    "already often never always almost clearly simply surely quietly slowly quickly plainly "
    "we they it this that these those what which who whose where when how why not only but "
    "also and or so yet for with without against between among before after during under over "
    "argues suggests shows proves misses forgets ignores demands deserves needs wants builds "
    "breaks changes keeps makes takes gives finds tells asks answers counts costs pays saves"
)


def _sentence(rng):
    words = rng.choices(WORDS, k=rng.randint(8, 22))
    return " ".join(words).capitalize() + "."


def paragraph_pool(rng, size=400):
    """Paragraphs of 60–120 words; each body is a random pick of them."""
    pool = []
    for _ in range(size):
        sentences = []
        while sum(len(s.split()) for s in sentences) < rng.randint(60, 120):
            sentences.append(_sentence(rng))
        pool.append(" ".join(sentences))
    return pool


def body_from(pool, rng):
    """600–1,200 words in paragraphs."""
    target = rng.randint(600, 1200)
    paragraphs, words = [], 0
    while words < target:
        text = rng.choice(pool)
        paragraphs.append(f"<p>{text}</p>")
        words += text.count(" ") + 1
    return "".join(paragraphs)


def zipf_weights(count, exponent=1.0):
    return list(itertools.accumulate(1 / (rank**exponent) for rank in range(1, count + 1)))


def _picture(number, rng):
    picture = PillowImage.new("RGB", (1600, 900), tuple(rng.randrange(40, 200) for _ in range(3)))
    draw = ImageDraw.Draw(picture)
    for _ in range(6):
        x, y, r = rng.randrange(1600), rng.randrange(900), rng.randrange(60, 300)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=70)
    return SimpleUploadedFile(f"{PREFIX}picture-{number}.jpg", buffer.getvalue())


def clear():
    """Delete everything an earlier run made (and nothing else)."""
    articles = Article.objects.filter(slug__startswith=PREFIX)
    TaggedArticle.objects.filter(content_object__in=articles)._raw_delete("default")
    Byline.objects.filter(article__in=articles)._raw_delete("default")
    articles.delete()
    Author.objects.filter(slug__startswith=PREFIX).delete()
    Topic.objects.filter(slug__startswith=PREFIX).delete()
    for image in _generated_pictures():
        image.file.delete(save=False)
        image.delete()


def generate(
    *,
    articles,
    authors,
    topics,
    images=40,
    seed=1,
    resume=False,
    progress=lambda done, total, what: None,
):
    """Add ``articles`` published articles (plus 1% drafts) by ``authors`` on ``topics``.

    Each batch of articles commits on its own and draws from its own random stream
    (seeded by ``seed`` and the batch's first number), so ``resume=True`` carries on
    after the last committed batch of an interrupted run and makes exactly what an
    uninterrupted run would have made. ``progress(done, total, what)`` is called after
    each batch of articles and then after each batch of search vectors (a second pass,
    so the archive is searchable). Ends with ``ANALYZE`` of every table it filled.
    """
    now = timezone.now()
    if resume:
        pictures, author_rows, topic_rows = _earlier_run(authors, topics, images)
    else:
        pictures, author_rows, topic_rows = _people_and_topics(authors, topics, images, seed)
    author_weights = zipf_weights(len(author_rows), 0.6)
    # The first topic is on TOP_TOPIC_SHARE of articles; the rest follow Zipf's law.
    topic_weights = zipf_weights(max(len(topic_rows) - 1, 1), 0.8)
    pool = paragraph_pool(random.Random(seed))
    total = articles + articles // 100
    done = Article.objects.filter(slug__startswith=PREFIX).count() if resume else 0
    if done % BATCH and done < total:
        raise ValueError(f"{done:,} generated articles is not a whole number of batches.")
    progress(done, total, "articles")
    with _commits_without_waiting():
        for start in range(done, total, BATCH):
            rng = random.Random(f"{seed}-{start}")
            numbers = range(start, min(start + BATCH, total))
            with transaction.atomic():
                batch = Article.objects.bulk_create(
                    [_article(n, articles, now, pool, pictures, rng) for n in numbers]
                )
                bylines, links = [], []
                for article in batch:
                    writers = rng.choices(author_rows, cum_weights=author_weights, k=2)
                    if rng.random() >= CO_AUTHORED_SHARE or writers[0] == writers[1]:
                        writers = writers[:1]
                    bylines += [
                        Byline(article=article, author=author, position=position)
                        for position, author in enumerate(writers)
                    ]
                    links += [
                        TaggedArticle(content_object=article, tag=topic)
                        for topic in _topics_for(topic_rows, topic_weights, rng)
                    ]
                Byline.objects.bulk_create(bylines)
                TaggedArticle.objects.bulk_create(links)
            progress(numbers.stop, total, "articles")
        fill_search_vectors(progress, paragraphs=pool)
    # The counts are grouped scans: planned with the statistics of an empty archive, they
    # read every link once per topic (29 s at 20,000 articles; 1.6 s after ANALYZE).
    analyze(Article, Byline, TaggedArticle, Author, Topic, Image)
    counts.recount_all()
    analyze(Author, Topic)
    return total


@contextmanager
def _commits_without_waiting():
    """Commits that do not wait for the disk: a crash loses at most the last batches, which
    ``resume`` counts and makes again; the rest of the connection's life is untouched."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _people_and_topics(authors, topics, images, seed):
    rng = random.Random(seed)
    with transaction.atomic():
        pictures = [
            Image.objects.create(
                file=_picture(n, rng), alt_text=f"{PICTURE_ALT} {n}", credit=CREDIT
            )
            for n in range(images)
        ]
        author_rows = Author.objects.bulk_create(
            (
                Author(name=f"Writer {n}", slug=f"{PREFIX}writer-{n}", bio=_sentence(rng))
                for n in range(authors)
            ),
            batch_size=BATCH,
        )
        topic_rows = Topic.objects.bulk_create(
            (
                Topic(
                    name=f"Subject {n}",
                    slug=f"{PREFIX}subject-{n}",
                    description=_sentence(rng),
                    featured_in_navigation=n < NAVIGATION_TOPICS,
                    navigation_order=n,
                )
                for n in range(topics)
            ),
            batch_size=BATCH,
        )
    return pictures, author_rows, topic_rows


def _earlier_run(authors, topics, images):
    """The pictures, authors and topics of the run being resumed, in the order it made them."""
    pictures = list(_generated_pictures().order_by("pk"))
    author_rows = list(Author.objects.filter(slug__startswith=PREFIX).order_by("pk"))
    topic_rows = list(Topic.objects.filter(slug__startswith=PREFIX).order_by("pk"))
    found = (len(author_rows), len(topic_rows), len(pictures))
    if found != (authors, topics, images):
        raise ValueError(
            f"The run to resume made {found[0]:,} authors, {found[1]:,} topics and "
            f"{found[2]:,} pictures, not {authors:,}, {topics:,} and {images:,}: "
            "resume with the same sizes, or start again without --resume."
        )
    return pictures, author_rows, topic_rows


def _generated_pictures():
    return Image.objects.filter(alt_text__startswith=PICTURE_ALT, credit=CREDIT)


def fill_search_vectors(progress=lambda done, total, what: None, paragraphs=()):
    """Index the generated articles for search, one UPDATE per range of ids.

    Bulk inserts skip the workflow that keeps vectors current. Parsing and stemming a
    body of 1,000 words costs PostgreSQL about 2 ms, half an hour for a million; the
    bodies are made of ``paragraphs`` (the pool), so each paragraph is parsed once and a
    body's vector is its paragraphs' vectors joined in order (``tsvector ||`` shifts the
    positions), about six times cheaper. A paragraph not in the pool is parsed as usual.
    """
    if not full_text_available():
        return
    ids = list(
        Article.objects.filter(slug__startswith=PREFIX, search_vector=None)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    # Each vector's names are looked up by article: planned with the statistics of an empty
    # archive (autovacuum off, or not yet run), each lookup reads every byline.
    analyze(Article, Byline, TaggedArticle)
    body_vector = _paragraph_vectors(paragraphs) if paragraphs and ids else None
    step = SEARCH_BATCH
    try:
        with _search_index_built_afterwards(len(ids)):
            for start in range(0, len(ids), step):
                chunk = ids[start : start + step]
                with transaction.atomic():
                    refresh_search_vectors(
                        Article.objects.filter(pk__range=(chunk[0], chunk[-1])).values("pk"),
                        body_vector=body_vector,
                    )
                progress(start + len(chunk), len(ids), "search index")
    finally:
        if body_vector is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{PARAGRAPHS_TABLE}")
                cursor.execute(f"DROP AGGREGATE IF EXISTS pg_temp.{JOIN_VECTORS}(tsvector)")


SEARCH_INDEX = "article_search_idx"
# Above this many vectors to fill, building the GIN index afresh afterwards is cheaper than
# adding every vector to it as it is written (its pending list is off: see migration 0008).
REBUILD_SEARCH_INDEX_ABOVE = 20_000


@contextmanager
def _search_index_built_afterwards(rows):
    """Drop the search index for a big pass and build it again at the end, even when the
    pass fails; an index that an interrupted run left missing is built by the next run."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [SEARCH_INDEX])
        missing = cursor.fetchone()[0] is None
        if rows > REBUILD_SEARCH_INDEX_ABOVE and not missing:
            cursor.execute(f"DROP INDEX {SEARCH_INDEX}")
            missing = True
    try:
        yield
    finally:
        if missing:
            _create_search_index()


def _create_search_index():
    index = next(index for index in Article._meta.indexes if index.name == SEARCH_INDEX)
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            # Inside a caller's transaction (tests), checks still deferred would block it.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET maintenance_work_mem = '512MB'")
    try:
        with connection.schema_editor(atomic=False) as editor:
            editor.add_index(Article, index)
            editor.execute(f"ALTER INDEX {SEARCH_INDEX} SET (fastupdate = off)")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET maintenance_work_mem")


# Session-only helpers of fill_search_vectors (pg_temp: gone when the connection closes).
PARAGRAPHS_TABLE = "generated_paragraphs"
JOIN_VECTORS = "generated_tsvector_join"
SEARCH_BATCH = 5000


def _paragraph_vectors(paragraphs):
    """A temporary table of the pool's paragraphs and their vectors, and the expression
    that builds a generated body's vector from it (the usual ``to_tsvector`` for a body
    that is not a run of ``<p>`` paragraphs)."""
    config = search_config()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS pg_temp.{PARAGRAPHS_TABLE}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {PARAGRAPHS_TABLE} (text text PRIMARY KEY, vector tsvector)"
        )
        cursor.execute(
            f"INSERT INTO pg_temp.{PARAGRAPHS_TABLE} "
            "SELECT text, to_tsvector(%s::regconfig, text) FROM unnest(%s::text[]) AS text "
            "ON CONFLICT DO NOTHING",
            [config, list(paragraphs)],
        )
        cursor.execute(f"ANALYZE pg_temp.{PARAGRAPHS_TABLE}")
        cursor.execute(f"DROP AGGREGATE IF EXISTS pg_temp.{JOIN_VECTORS}(tsvector)")
        cursor.execute(
            f"CREATE AGGREGATE pg_temp.{JOIN_VECTORS}(tsvector) "
            "(SFUNC = pg_catalog.tsvector_concat, STYPE = tsvector, INITCOND = '')"
        )
    table = connection.ops.quote_name(Article._meta.db_table)
    return RawSQL(
        f"CASE WHEN {table}.body LIKE '<p>%%</p>' THEN ("
        f"  SELECT pg_temp.{JOIN_VECTORS}("
        f"    COALESCE(paragraph.vector, to_tsvector(%s::regconfig, part.text)) ORDER BY part.n)"
        f"  FROM string_to_table(substr({table}.body, 4, length({table}.body) - 7), '</p><p>')"
        f"    WITH ORDINALITY AS part (text, n)"
        f"  LEFT JOIN pg_temp.{PARAGRAPHS_TABLE} AS paragraph ON paragraph.text = part.text"
        f") ELSE to_tsvector(%s::regconfig, COALESCE({table}.body, '')) END",
        [config, config],
        output_field=SearchVectorField(),
    )


def _article(n, published_count, now, pool, pictures, rng):
    live = n < published_count
    # Oldest first, so ids grow with dates as they do in a live archive.
    age = SPAN_SECONDS * (published_count - n - rng.random()) / max(published_count, 1)
    title = " ".join(rng.choices(WORDS, k=rng.randint(4, 9))).capitalize()
    return Article(
        title=title,
        slug=f"{PREFIX}{n}-{title.split()[0].lower()}",
        standfirst=_sentence(rng) if rng.random() < 0.8 else "",
        body=body_from(pool, rng),
        featured_image=rng.choice(pictures) if pictures and rng.random() < 0.7 else None,
        featured_image_caption="Circles, as ever." if rng.random() < 0.5 else "",
        status=Status.PUBLISHED if live else rng.choice([Status.DRAFT, Status.SUBMITTED]),
        published_at=now - timedelta(seconds=age) if live else None,
    )


def _topics_for(topic_rows, topic_weights, rng):
    count = min(rng.randint(2, 6), len(topic_rows))
    chosen = {topic_rows[0]} if rng.random() < TOP_TOPIC_SHARE else set()
    rest = topic_rows[1:] or topic_rows
    while len(chosen) < count:
        chosen.add(rng.choices(rest, cum_weights=topic_weights, k=1)[0])
    return chosen


def bar(done, total, width=30):
    filled = math.floor(width * done / total) if total else width
    return f"[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}"
