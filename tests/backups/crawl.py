"""Print every public page and picture a site serves, as {path: [status, sha256]}.

Run in a subprocess against a real database (``python -m tests.backups.crawl``): it
starts at the home page, the sitemap and robots.txt, follows every link, feed, sitemap
entry and media URL on the site itself, and never enters /admin/ or /static/. The public
forms (/write-for-us/) are left out too: each answer carries fresh tokens (CSRF, the
proof-of-work challenge, the fill-time stamp) and none of the stored content.
"""

import hashlib
import html
import json
import os
import re
import sys
from collections import deque
from urllib.parse import urldefrag, urlsplit

LINKS = re.compile(r'(?:href|src|content)="([^"]+)"|srcset="([^"]+)"|<loc>([^<]+)</loc>')
SKIP = ("/admin/", "/static/", "/healthz", "/write-for-us/")
LIMIT = 3000


def local_path(url):
    parts = urlsplit(html.unescape(url))
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    if not parts.path.startswith("/"):
        return None
    path = urldefrag(parts.path + (f"?{parts.query}" if parts.query else ""))[0]
    return None if path.startswith(SKIP) else path


def linked(body):
    for href, srcset, loc in LINKS.findall(body):
        if srcset:
            yield from (entry.split()[0] for entry in srcset.split(",") if entry.strip())
        else:
            yield href or loc


def crawl():
    import django

    # Production settings, with static files read from the source folders (no collectstatic).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.serving.server_settings")
    django.setup()
    from django.test import Client

    client = Client()
    seen, queue, served = set(), deque(["/", "/sitemap.xml", "/robots.txt"]), {}
    while queue and len(served) < LIMIT:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        served[path] = [response.status_code, hashlib.sha256(content).hexdigest()]
        kind = response.get("Content-Type", "")
        if response.status_code == 200 and ("text" in kind or "xml" in kind):
            for url in linked(content.decode(errors="replace")):
                found = local_path(url)
                if found and found not in seen:
                    queue.append(found)
    return served


if __name__ == "__main__":
    json.dump(crawl(), sys.stdout)
