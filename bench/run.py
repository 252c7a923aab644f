"""Page-speed and memory benchmark for the public pages: `make bench`.

Builds a throwaway database with a newsroom-sized archive (SQLite in a temporary
folder, or an empty database named by BENCH_DATABASE_URL), renders each public page many times through
Django's test client, and writes timings, query counts and memory to
bench/results.txt. Exits non-zero when a page misses its target.
"""

import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORKDIR = Path(tempfile.mkdtemp(prefix="opinion-blog-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
# Never the real DATABASE_URL: the benchmark fills its database with fake articles.
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{WORKDIR / 'bench.sqlite3'}"
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

ARTICLES, AUTHORS, TOPICS, IMAGES = 2000, 60, 40, 20
ROUNDS = 200
# Targets per page, rendered in-process (no network): median and 95th percentile
# in milliseconds, and peak Python memory allocated while rendering one page.
TARGET_MEDIAN_MS, TARGET_P95_MS, TARGET_PEAK_KB = 30, 60, 4096


def build_archive():
    from articles.models import Article, Byline, Status, TaggedArticle, Topic
    from authors.models import Author
    from tests.factories import make_image

    settings.MEDIA_ROOT = WORKDIR / "media"
    authors = Author.objects.bulk_create(
        Author(name=f"Writer {n}", slug=f"writer-{n}", bio="A bio.\n\nTwo paragraphs.")
        for n in range(AUTHORS)
    )
    topics = Topic.objects.bulk_create(
        Topic(name=f"Topic {n}", slug=f"topic-{n}", description="About it.") for n in range(TOPICS)
    )
    images = [make_image(width=1600, height=900) for _ in range(IMAGES)]
    now = timezone.now()
    body = "".join(
        f"<p>Paragraph {n} of a considered argument, with “quotes”.</p>" for n in range(8)
    )
    articles = Article.objects.bulk_create(
        Article(
            title=f"Article number {n}",
            slug=f"article-number-{n}",
            standfirst="A standfirst that says what the piece argues.",
            body=body,
            featured_image=images[n % IMAGES],
            featured_image_caption="A caption.",
            status=Status.PUBLISHED,
            published_at=now - timedelta(hours=n),
        )
        for n in range(ARTICLES)
    )
    Byline.objects.bulk_create(
        Byline(article=a, author=authors[n % AUTHORS], position=0) for n, a in enumerate(articles)
    )
    Byline.objects.bulk_create(
        Byline(article=a, author=authors[(n + 1) % AUTHORS], position=1)
        for n, a in enumerate(articles)
        if n % 5 == 0
    )
    TaggedArticle.objects.bulk_create(
        TaggedArticle(content_object=a, tag=topics[(n + k * 7) % TOPICS])
        for n, a in enumerate(articles)
        for k in range(3)
    )


def measure(client, url):
    client.get(url)  # warm caches and template loading
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    connection.queries_log.clear()  # a full log (maxlen) would hide new queries
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # read now: the next request resets the log
    tracemalloc.start()
    client.get(url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    timings.sort()
    return {
        "median": statistics.median(timings),
        "p95": timings[int(len(timings) * 0.95) - 1],
        "queries": query_count,
        "peak_kb": peak / 1024,
        "bytes": len(response.content),
    }


def main():
    call_command("migrate", verbosity=0)
    build_archive()
    settings.ALLOWED_HOSTS = ["testserver"]
    client = Client()
    pages = {
        "home": "/",
        "home, page 50": "/?page=50",
        "article": "/article-number-10/",
        "author": "/authors/writer-3/",
        "topic": "/topics/topic-5/",
    }
    lines = [
        f"opinion_blog page benchmark — {timezone.now():%Y-%m-%d %H:%M} UTC",
        f"database: {connection.vendor}; archive: {ARTICLES} articles, {AUTHORS} authors, "
        f"{TOPICS} topics; {ROUNDS} renders per page",
        f"targets: median ≤ {TARGET_MEDIAN_MS} ms, p95 ≤ {TARGET_P95_MS} ms, "
        f"peak memory ≤ {TARGET_PEAK_KB} KB per render",
        "",
        f"{'page':<16}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'peak KB':>9}{'KB out':>8}  verdict",
    ]
    failed = False
    for name, url in pages.items():
        result = measure(client, url)
        ok = (
            result["median"] <= TARGET_MEDIAN_MS
            and result["p95"] <= TARGET_P95_MS
            and result["peak_kb"] <= TARGET_PEAK_KB
        )
        failed |= not ok
        lines.append(
            f"{name:<16}{result['median']:>10.1f}{result['p95']:>9.1f}{result['queries']:>9}"
            f"{result['peak_kb']:>9.0f}{result['bytes'] / 1024:>8.0f}  {'ok' if ok else 'MISSED'}"
        )
    report = "\n".join(lines) + "\n"
    (ROOT / "bench" / "results.txt").write_text(report)
    print(report)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
