"""Page-speed benchmark on PostgreSQL at newspaper scale: `make bench`.

For each archive size (`make bench SIZES=1k,100k,1m`, default 1k,100k; BENCH_SIZES still
works) it:

1. fills a PostgreSQL database with ``generate_content`` unless it already holds exactly
   that archive (so reruns are fast); the database is BENCH_DATABASE_URL, in which
   ``{label}`` becomes 1k / 100k / 1m, or ``opinion_blog_bench_{label}`` on the local server;
2. renders every page in PAGES in-process (DEBUG off) and records the query count, server
   time p50/p95, database time and peak Python memory, and times Related Posts alone
   next to taggit's ``similar_objects``;
3. serves the site with gunicorn (2 sync workers, DEBUG off) on 127.0.0.1 and loads each
   page with wrk, uncached and, when the build has a page cache, cached (the cache is
   switched by the environment variable named by BENCH_CACHE_ENV, default PAGE_CACHE_ENABLED, set
   to 1 or 0; BENCH_CACHED=1/0 says whether to run the cached pass at all);
4. writes bench/results/<label>-articles.md naming the machine, with every miss of the
   targets marked and explained by what was measured.

Adding a page is one line in PAGES. A page that answers 404 in this build is listed as
"not in this build".
"""

import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8141"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "60"))
WRK_SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "8"))
WRK_CONNECTIONS = int(os.environ.get("BENCH_WRK_CONNECTIONS", "16"))
CACHE_ENV = os.environ.get("BENCH_CACHE_ENV", "PAGE_CACHE_ENABLED")

# (name, path or a key of the sample URLs found in the data, server-time p50 target in ms).
PAGES = [
    ("home", "/", 20),
    ("home, page 5,000", "deep_home", 20),
    ("article", "article", 15),
    ("article, topic on 30% of articles", "popular_article", 15),
    ("author (most prolific)", "author", 20),
    ("topic (on 30% of articles)", "popular_topic", 20),
    ("topic (mid-sized)", "topic", 20),
    ("topic, page 500", "deep_topic", 20),
    ("authors index", "/authors/", 20),
    ("topics index", "/topics/", 20),
    ("search", "/search/?q=housing+reform", 60),
    ("feed", "/feed/", 50),
    ("sitemap index", "/sitemap.xml", 50),
    ("sitemap section (articles, page 1)", "/sitemap-articles.xml", 50),
]
# Rounds after a content change: the version moves before each, so nothing cached under
# the old one (index rankings, Related Posts, the header's topics) is found.
COLD_ROUNDS = int(os.environ.get("BENCH_COLD_ROUNDS", "5"))
ARTICLE_P95_TARGET = 30
RELATED_TARGET = 5
# Issue 17: the article, home, topic and author pages render in at most 8 ms of Python CPU.
CPU_TARGET = 8
CPU_TARGET_PAGES = ("home", "article", "author", "topic")
# ... and every page's p50 at a larger archive stays within 1.3x of its figure at 1,000.
SCALE_TARGET = 1.3
SCALE_TARGET_FROM = 1_000_000
BASELINE = "1k"
# Renders per turn when the two archives take turns (``interleaved``).
INTERLEAVE_BATCH = 5


def label_for(size):
    """1k, 100k, 1m: the names of results files and databases."""
    if size and size % 1_000_000 == 0:
        return f"{size // 1_000_000}m"
    return f"{size // 1000}k" if size and size % 1000 == 0 else str(size)


def parse_size(text):
    """An archive size as `make bench SIZES=1k,100k,1m` gives it (or a plain number)."""
    match = re.fullmatch(r"\s*(\d+)\s*([km]?)\s*", text.lower())
    if not match:
        raise SystemExit(f"Not an archive size: {text!r} (write 1k, 100k, 1m or a number).")
    return int(match[1]) * {"": 1, "k": 1000, "m": 1_000_000}[match[2]]


def sizes_from(environ):
    """SIZES (1k,100k,1m) or the older BENCH_SIZES (1000,100000); 1k and 100k by default."""
    text = environ.get("SIZES") or environ.get("BENCH_SIZES") or "1k,100k"
    return [parse_size(part) for part in text.split(",") if part.strip()]


def database_url(size):
    template = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/opinion_blog_bench_{label}"
    )
    return template.format(label=label_for(size), size=size)


def server_env(size, cached=False):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url(size),
        DEBUG="0",
        SECRET_KEY=env.get("BENCH_SECRET_KEY", secrets.token_urlsafe(50)),
        ALLOWED_HOSTS="127.0.0.1,testserver",
        SECURE_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="opinion_blog.settings",
    )
    env[CACHE_ENV] = "1" if cached else "0"
    return env


# --- the in-process half, run in a child process per archive size -----------------------


def worker(size):
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    ensure_database(connection.settings_dict)
    call_command("migrate", verbosity=0)
    if "Manifest" in settings.STORAGES.get("staticfiles", {}).get("BACKEND", ""):
        call_command("collectstatic", interactive=False, verbosity=0)
    from articles.models import Article

    generated = Article.objects.published().filter(slug__startswith="gen-")
    if generated.count() != size:
        print(f"Generating {size:,} articles…", file=sys.stderr, flush=True)
        call_command(
            "generate_content",
            articles=size,
            authors=max(size // 50, 20),
            topics=max(size * 3 // 100, 30),
            stdout=sys.stderr,
        )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    samples = sample_urls(settings.ARTICLES_PER_PAGE)
    pages, urls = {}, {}
    skipped = {name.strip() for name in os.environ.get("BENCH_SKIP_PAGES", "").split(",")}
    for name, where, _ in PAGES:
        urls[name] = samples.get(where, where)
        if name in skipped:
            pages[name] = {"url": urls.pop(name), "status": "skipped (BENCH_SKIP_PAGES)"}
    pages |= render_stats(urls)
    print(
        json.dumps(
            {
                "pages": pages,
                "related": related_stats(samples),
                "postgres": postgres_version(connection),
                "counts": archive_counts(),
            },
            default=str,
        )
    )


def renderer():
    """Render pages on request, for the interleaved comparison of two archives.

    Prints the page URLs of this archive as one JSON line, then for each page name read
    from stdin renders it ``INTERLEAVE_BATCH`` times and prints their [wall, cpu] in ms.
    """
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    samples = sample_urls(settings.ARTICLES_PER_PAGE)
    urls = {name: samples.get(where, where) for name, where, _ in PAGES}
    client = Client()
    for url in urls.values():
        for _ in range(3):
            client.get(url)
    print(json.dumps(urls), flush=True)
    for line in sys.stdin:
        timings = []
        for _ in range(INTERLEAVE_BATCH):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(urls[line.strip()])
            timings.append(
                [(time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000]
            )
        print(json.dumps(timings), flush=True)


def interleaved(size, names):
    """Each page at ``size`` and at 1,000 articles, in alternating batches of renders.

    A shared machine's speed drifts by half within minutes; renders taken minutes apart
    (the two tables) compare that drift as much as the archives. Alternating small
    batches gives both archives the same machine. Returns ``{name: {"base", "size"}}``,
    each a (p50 ms, Python CPU p50 ms) pair; empty when the 1,000-article archive is missing.
    """
    base = parse_size(BASELINE)
    sides = {}
    try:
        for label, which in (("base", base), ("size", size)):
            sides[label] = subprocess.Popen(
                [PYTHON, __file__, "--renderer", str(which)],
                env=server_env(which),
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            if not sides[label].stdout.readline().strip():
                return {}
        results = {}
        for name in names:
            timings = {"base": [], "size": []}
            for _ in range(max(ROUNDS // INTERLEAVE_BATCH, 1)):
                for label, side in sides.items():
                    side.stdin.write(name + "\n")
                    side.stdin.flush()
                    timings[label] += json.loads(side.stdout.readline())
            results[name] = {
                label: (
                    statistics.median(wall for wall, _ in found),
                    statistics.median(cpu for _, cpu in found),
                )
                for label, found in timings.items()
            }
        return results
    finally:
        for side in sides.values():
            side.kill()
            side.wait()


def ensure_database(settings_dict):
    import psycopg

    name = settings_dict["NAME"]
    params = {
        "host": settings_dict["HOST"] or "127.0.0.1",
        "port": settings_dict["PORT"] or 5432,
        "user": settings_dict["USER"],
        "password": settings_dict["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**{k: v for k, v in params.items() if v is not None}) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')


def sample_urls(per_page):
    from articles.keyset import encode
    from articles.models import Article, Topic
    from authors.models import Author

    published = Article.objects.published().order_by("-published_at", "-pk")
    popular = Topic.objects.get(slug="gen-subject-0")
    mid = Topic.objects.get(slug="gen-subject-10")
    count = published.count()
    # The first card of page 5,000 (or of the last full page of a smaller archive).
    deep = published[max(min(5000 * per_page, count - per_page - 1), 0)]
    on_popular = published.filter(topic_links__tag=popular)
    deep_topic = on_popular[max(min(500 * per_page, on_popular.count() - per_page - 1), 0)]
    return {
        "deep_home": f"/?before={encode(deep)}",
        "article": published.exclude(topic_links__tag=popular)[50].get_absolute_url(),
        "popular_article": on_popular[50].get_absolute_url(),
        "author": Author.objects.get(slug="gen-writer-0").get_absolute_url(),
        "popular_topic": popular.get_absolute_url(),
        "topic": mid.get_absolute_url(),
        "deep_topic": f"{popular.get_absolute_url()}?before={encode(deep_topic)}",
        "article_pks": [
            published.exclude(topic_links__tag=popular)[50].pk,
            on_popular[50].pk,
        ],
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def render_stats(urls):
    """``{name: figures}`` for each page of ``urls`` (``{name: url}``).

    The timed renders go round the pages in turn: a shared machine's speed drifts within
    minutes, and rendering one page sixty times before the next would charge the drift
    to whichever page it fell on.
    """
    from django.test import Client

    client = Client()
    stats, timings = {}, {}
    for name, url in urls.items():
        if client.get(url).status_code == 404:
            stats[name] = {"url": url, "status": 404}
            continue
        for _ in range(2):
            client.get(url)
        timings[name] = []
    for _ in range(ROUNDS):
        for name in timings:
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(urls[name])
            timings[name].append(
                ((time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000)
            )
    for name, taken in timings.items():
        stats[name] = {"url": urls[name], **page_figures(client, urls[name], taken)}
    return stats


def page_figures(client, url, taken):
    """The medians of ``taken`` (wall, CPU) renders of ``url``, and what one render reads."""
    import tracemalloc

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from opinion_blog import content_version

    timings = [wall for wall, _ in taken]
    client.get(url)  # the pages measured before moved the version: fill its summaries again
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_times = [float(q["time"]) * 1000 for q in queries.captured_queries]
    cold = []
    for _ in range(COLD_ROUNDS):
        content_version.bump()
        start = time.perf_counter()
        client.get(url)
        cold.append((time.perf_counter() - start) * 1000)
    tracemalloc.start()
    client.get(url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "status": response.status_code,
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "cold_p50": statistics.median(cold) if cold else None,
        "cpu_p50": statistics.median(cpu for _, cpu in taken),
        "queries": len(query_times),
        "db_ms": sum(query_times),
        "slowest_query_ms": max(query_times, default=0),
        "peak_kb": peak / 1024,
        "kb": len(response.content) / 1024,
    }


def related_stats(samples):
    from articles.models import Article
    from opinion_blog.version_cache import cached

    stats = {}
    for label, pk in zip(("article", "article, topic on 30%"), samples["article_pks"], strict=True):
        article = Article.objects.with_bylines().prefetch_related("topics").get(pk=pk)
        Article.objects.related_to(article)
        timings, cpu = [], []
        for _ in range(ROUNDS):
            start, start_cpu = time.perf_counter(), time.process_time()
            Article.objects.related_to(article)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        warm = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            cached(f"related:{pk}", lambda: Article.objects.related_to(article))  # noqa: B023
            warm.append((time.perf_counter() - start) * 1000)
        taggit = []
        for _ in range(3):
            start = time.perf_counter()
            article.topics.similar_objects()[:5]
            taggit.append((time.perf_counter() - start) * 1000)
        stats[label] = {
            "p50": statistics.median(timings),
            "p95": percentile(timings, 0.95),
            "cpu_p50": statistics.median(cpu),
            "cached_p50": statistics.median(warm),
            "taggit_p50": statistics.median(taggit),
        }
    return stats


def postgres_version(connection):
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def archive_counts():
    from articles.models import Article, Topic
    from authors.models import Author

    return {
        "articles": Article.objects.published().count(),
        "authors": Author.objects.count(),
        "topics": Topic.objects.count(),
    }


# --- the load half: gunicorn and wrk ----------------------------------------------------


def wait_for(port, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
            return True
        except OSError:
            time.sleep(0.5)
    return False


def port_is_free(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def has_page_cache(size):
    """Whether the settings, with the cache switched on, include a caching middleware.

    BENCH_CACHED=1 or 0 overrides the guess.
    """
    if os.environ.get("BENCH_CACHED") in ("0", "1"):
        return os.environ["BENCH_CACHED"] == "1"
    probe = (
        "import django; django.setup(); from django.conf import settings; "
        "print(any('cache' in name.lower() for name in settings.MIDDLEWARE))"
    )
    result = subprocess.run(
        [PYTHON, "-c", probe], env=server_env(size, cached=True), cwd=ROOT, capture_output=True
    )
    return result.stdout.strip() == b"True"


def load_test(size, pages, cached):
    """requests/s and latency p50/p99 per page from wrk, against gunicorn on 127.0.0.1."""
    if not shutil.which("wrk") or not port_is_free(PORT):
        return {}
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "opinion_blog.wsgi", "--workers", "2", "--bind",
         f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT,
        env=server_env(size, cached),
        start_new_session=True,
    )  # fmt: skip
    results = {}
    try:
        if not wait_for(PORT):
            return {}
        for name, page in pages.items():
            if page.get("status") != 200:
                continue
            url = f"http://127.0.0.1:{PORT}{page['url']}"
            subprocess.run(["wrk", "-t1", "-c2", "-d1s", url], capture_output=True)  # warm up
            output = subprocess.run(
                ["wrk", "-t2", f"-c{WRK_CONNECTIONS}", f"-d{WRK_SECONDS}s", "--latency", url],
                capture_output=True,
                text=True,
            ).stdout
            results[name] = parse_wrk(output)
        if cached and pages.get("article", {}).get("status") == 200:
            results.update(through_nginx(pages["article"]["url"]))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return results


NGINX_ROWS = ("article through nginx (micro-cache)", "the same HTML, a static file from nginx")
NGINX_TARGET = 0.5  # the article through nginx, as a share of nginx serving it from a file


def wrk(url):
    subprocess.run(["wrk", "-t1", "-c2", "-d1s", url], capture_output=True)  # warm up
    output = subprocess.run(
        ["wrk", "-t2", f"-c{WRK_CONNECTIONS}", f"-d{WRK_SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
    ).stdout
    return parse_wrk(output)


def through_nginx(article_url):
    """The cached article through nginx (deploy/nginx.conf as `make stack` renders it) in front
    of the running gunicorn, and the same HTML saved as a file that nginx serves, in one run."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    nginx_port = int(os.environ.get("BENCH_NGINX_PORT", PORT + 1))
    if not Path(binary).exists() or not port_is_free(nginx_port):
        return {}
    run_dir = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    (run_dir / "static").mkdir()
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{article_url}", timeout=30) as response:
        (run_dir / "static" / "article.html").write_bytes(response.read())
    env = dict(
        os.environ,
        NGINX_APP_SERVERS=f"127.0.0.1:{PORT}",
        NGINX_LISTEN=f"127.0.0.1:{nginx_port}",
        NGINX_STATIC_ROOT=str(run_dir / "static"),
        NGINX_MEDIA_ROOT=str(run_dir / "static"),
        NGINX_CACHE_DIR=str(run_dir / "cache"),
    )
    conf = subprocess.run(
        [PYTHON, "deploy/render_nginx.py", "--standalone", str(run_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    server = subprocess.Popen(
        [binary, "-p", str(run_dir), "-c", conf, "-e", str(run_dir / "logs" / "error.log"),
         "-g", "daemon off;"],
        start_new_session=True,
    )  # fmt: skip
    try:
        if not wait_for(nginx_port):
            return {}
        base = f"http://127.0.0.1:{nginx_port}"
        return {
            NGINX_ROWS[0]: wrk(f"{base}{article_url}"),
            NGINX_ROWS[1]: wrk(f"{base}/static/article.html"),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(run_dir, ignore_errors=True)


def parse_wrk(output):
    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return None
        value, unit = float(match[1]), match[2]
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": float(rate[1]) if rate else None,
        "p50": latency(50),
        "p99": latency(99),
        "errors": int(errors[1]) if errors else 0,
    }


# --- the report -------------------------------------------------------------------------


def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": f"{memory_kb / 1024 / 1024:.0f} GiB",
        "python": platform.python_version(),
    }


def fmt(value, digits=1):
    return "–" if value is None else f"{value:,.{digits}f}"


def load_cell(result):
    if not result:
        return "n/a"
    text = f"{fmt(result['rps'], 0)} ({fmt(result['p50'])} / {fmt(result['p99'])})"
    return text + (f", {result['errors']} errors" if result["errors"] else "")


def report(size, data, uncached, cached, load_before, load_after):
    host = machine()
    counts = data["counts"]
    lines = [
        f"# Benchmark: {counts['articles']:,} published articles",
        "",
        f"Taken {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {host['cpu']}, {host['cores']} cores, "
        f"{host['memory']} memory; PostgreSQL {data['postgres']}, Python {host['python']}. "
        f"Archive: {counts['articles']:,} published articles, {counts['authors']:,} authors, "
        f"{counts['topics']:,} topics (`generate_content`).",
        "",
        f"Load average (1 min) before / after: {load_before:.1f} / {load_after:.1f} on "
        f"{host['cores']} cores"
        + (
            " — **the machine was busy with other work; times are inflated**."
            if max(load_before, load_after) > host["cores"]
            else "."
        ),
        "",
        f"Server time: {ROUNDS} renders in-process through Django's test client, DEBUG off; "
        "Python CPU is the process's own CPU time per render, which waiting for a busy CPU "
        "does not inflate. "
        f"Load: wrk, 2 threads, {WRK_CONNECTIONS} connections, {WRK_SECONDS} s per page, "
        "against gunicorn with 2 sync workers on 127.0.0.1; requests/s (latency p50 / p99 ms).",
        "",
        "Pages are not cached here (the page cache is off); summaries kept under the content "
        "version (index rankings, Related Posts, the header's topics) are, as in production. "
        f"*After a change* is the p50 of {COLD_ROUNDS} renders each right after the version "
        "moved, when those summaries are computed again.",
        "",
        f"Targets: the server p50 of each page; at most {CPU_TARGET} ms of Python CPU for the "
        "home, article, author and topic pages; and at a million articles a p50 within "
        f"{SCALE_TARGET}x of the same page's at 1,000. *x 1k* is server p50 / Python CPU over "
        "the same at 1,000 articles, from renders of both archives taken in alternating "
        f"batches of {INTERLEAVE_BATCH} in this run (a shared machine's speed drifts by half "
        "within minutes), or, without the 1k archive, against its last results file.",
        "",
        "| page | queries | server p50 ms | server p95 ms | after a change p50 ms "
        "| Python CPU p50 ms | db ms | peak KB | target p50 ms | x 1k "
        "| uncached req/s (p50 / p99) | cached req/s (p50 / p99) | verdict |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|---|",
    ]
    baseline = baseline_pages(size)
    misses = []
    for name, _, target in PAGES:
        page = data["pages"][name]
        if page.get("status") != 200:
            status = page.get("status")
            verdict = (
                status if str(status).startswith("skipped") else f"not in this build ({status})"
            )
            lines.append(f"| {name} | | | | | | | | {target} | | | | {verdict} |")
            continue
        ratios = scale_ratios(name, page, data, baseline)
        reasons = page_misses(name, page, target, ratios, size)
        verdict = "**MISS**" if reasons else "ok"
        if reasons:
            misses.append(
                f"- **{name}** (`{page['url']}`): {'; '.join(reasons)}. Of its p50 "
                f"{page['p50']:.1f} ms, {page['queries']} queries took {page['db_ms']:.1f} ms "
                f"(slowest {page['slowest_query_ms']:.1f} ms) and Python used "
                f"{page['cpu_p50']:.1f} ms of CPU; the rest is waiting."
            )
        lines.append(
            f"| {name} | {page['queries']} | {fmt(page['p50'])} | {fmt(page['p95'])} "
            f"| {fmt(page.get('cold_p50'))} | {fmt(page['cpu_p50'])} | {fmt(page['db_ms'])} "
            f"| {fmt(page['peak_kb'], 0)} | {target} | {scale_cell(ratios)} "
            f"| {load_cell(uncached.get(name))} | {load_cell(cached.get(name))} | {verdict} |"
        )
    lines += [
        "",
        f"Related Posts alone (target {RELATED_TARGET} ms), against taggit's `similar_objects`:",
        "",
        "| article | related_to p50 ms | p95 ms | Python CPU p50 ms "
        "| cached under the version p50 ms | taggit similar_objects p50 ms | verdict |",
        "|---|--:|--:|--:|--:|--:|---|",
    ]
    for name, stats in data["related"].items():
        missed = stats["p50"] > RELATED_TARGET
        lines.append(
            f"| {name} | {fmt(stats['p50'], 2)} | {fmt(stats['p95'], 2)} "
            f"| {fmt(stats['cpu_p50'], 2)} | {fmt(stats.get('cached_p50'), 2)} "
            f"| {fmt(stats['taggit_p50'])} | {'**MISS**' if missed else 'ok'} |"
        )
        if missed:
            misses.append(
                f"- **Related Posts, {name}**: p50 {stats['p50']:.2f} ms against "
                f"{RELATED_TARGET} ms, {stats['cpu_p50']:.2f} of them Python's: the ORM builds "
                "and compiles a UNION of one part per topic and author, then the cards' query; "
                "computed once per version, then read back in "
                f"{fmt(stats.get('cached_p50'), 2)} ms."
            )
    if not cached:
        lines += ["", "Cached: n/a — this build has no page cache (or wrk was missing)."]
    through, from_file = (cached.get(row) for row in NGINX_ROWS)
    if through and from_file and through["rps"] and from_file["rps"]:
        share = through["rps"] / from_file["rps"]
        missed = share < NGINX_TARGET
        lines += [
            "",
            "Through nginx (`make stack`'s deploy/nginx.conf: 1 s micro-cache in front of the "
            "page cache), measured in the same run against nginx serving the article's HTML "
            f"from a file; target at least {NGINX_TARGET:.0%} of the file's rate:",
            "",
            "| page | req/s (p50 / p99) | share of the file's rate | verdict |",
            "|---|---|--:|---|",
            f"| {NGINX_ROWS[0]} | {load_cell(through)} | {share:.0%} "
            f"| {'**MISS**' if missed else 'ok'} |",
            f"| {NGINX_ROWS[1]} | {load_cell(from_file)} | 100% | |",
        ]
        if missed:
            misses.append(
                f"- **article through nginx**: {share:.0%} of the static file's rate against "
                f"{NGINX_TARGET:.0%}; once a second one request goes to gunicorn, the rest are "
                "nginx's own cache."
            )
    else:
        lines += ["", "Through nginx: n/a (nginx or wrk missing, or the port was taken)."]
    if misses:
        busy = max(load_before, load_after) > host["cores"]
        lines += ["", "## Misses", "", *misses]
        if busy:
            lines += [
                "",
                f"The machine's load average was {max(load_before, load_after):.1f} on "
                f"{host['cores']} cores while this ran: every figure includes waiting for a CPU.",
            ]
    path = RESULTS / f"{label_for(size)}-articles.md"
    path.write_text("\n".join(lines) + "\n")
    return path, len(misses)


def baseline_pages(size):
    """The pages of the 1,000-article run, to hold larger archives to (none for 1k itself)."""
    path = RESULTS / f"{BASELINE}-articles.json"
    if label_for(size) == BASELINE or not path.exists():
        return {}
    return json.loads(path.read_text())["pages"]


def scale_ratios(name, page, data, base_pages):
    """(p50, Python CPU) at this size over the same at 1,000 articles, and the 1k p50.

    From the interleaved renders when they were taken, else from the 1k run's file.
    """
    pair = data.get("interleaved", {}).get(name)
    if pair:
        (base_p50, base_cpu), (p50, cpu) = pair["base"], pair["size"]
        return p50 / base_p50, cpu / base_cpu, base_p50
    base = base_pages.get(name)
    if not base or base.get("status") != 200:
        return None
    return page["p50"] / base["p50"], page["cpu_p50"] / base["cpu_p50"], base["p50"]


def scale_cell(ratios):
    return f"{ratios[0]:.2f} / {ratios[1]:.2f}" if ratios else ""


def page_misses(name, page, target, ratios, size):
    """Why ``page`` misses its targets, in words; empty when it meets them all."""
    reasons = []
    if page["p50"] > target:
        reasons.append(f"p50 {page['p50']:.1f} ms against {target} ms")
    if name.startswith("article") and page["p95"] > ARTICLE_P95_TARGET:
        reasons.append(f"p95 {page['p95']:.1f} ms against {ARTICLE_P95_TARGET} ms")
    if name.split(" ")[0].rstrip(",") in CPU_TARGET_PAGES and page["cpu_p50"] > CPU_TARGET:
        reasons.append(f"{page['cpu_p50']:.1f} ms of Python CPU against {CPU_TARGET} ms")
    if ratios and size >= SCALE_TARGET_FROM and ratios[0] > SCALE_TARGET:
        reasons.append(
            f"p50 {ratios[0]:.2f}x its figure at 1,000 articles ({ratios[2]:.1f} ms) "
            f"against {SCALE_TARGET}x"
        )
    return reasons


def run_size(size):
    load_before = os.getloadavg()[0]
    child = subprocess.run(
        [PYTHON, __file__, "--worker", str(size)],
        env=server_env(size),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    sys.stderr.write(child.stderr[-4000:])
    if child.returncode != 0:
        raise SystemExit(f"The in-process benchmark at {size:,} articles failed.")
    data = json.loads(child.stdout.strip().splitlines()[-1])
    if label_for(size) != BASELINE:
        served = [name for name, page in data["pages"].items() if page.get("status") == 200]
        data["interleaved"] = interleaved(size, served)
    (RESULTS / f"{label_for(size)}-articles.json").write_text(json.dumps(data, indent=1) + "\n")
    uncached = load_test(size, data["pages"], cached=False)
    cached = load_test(size, data["pages"], cached=True) if has_page_cache(size) else {}
    return report(size, data, uncached, cached, load_before, os.getloadavg()[0])


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        sys.path.insert(0, str(ROOT))
        worker(int(sys.argv[2]))
        return 0
    if len(sys.argv) == 3 and sys.argv[1] == "--renderer":
        sys.path.insert(0, str(ROOT))
        renderer()
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    sizes = sizes_from(os.environ)
    total_misses = 0
    for size in sizes:
        path, misses = run_size(size)
        total_misses += misses
        print(path.read_text())
    if total_misses and os.environ.get("BENCH_STRICT") == "1":
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
