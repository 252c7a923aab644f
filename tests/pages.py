"""Read what a served page tells browsers, link previews and search engines."""

import json
from html.parser import HTMLParser
from types import SimpleNamespace

from tests.factories import links_in


class _HeadReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld = {}, {}, []
        self.title = ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link" and attrs.get("rel"):
            self.links.setdefault(attrs["rel"], []).append(attrs.get("href"))
        elif tag == "title":
            self._in = "title"
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in = "json_ld"
            self.json_ld.append("")

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "json_ld":
            self.json_ld[-1] += data

    def handle_endtag(self, tag):
        if tag in ("title", "script"):
            self._in = None


class Page:
    """The head of a served page: ``meta(key)``, ``link(rel)``, ``title`` and ``json_ld``."""

    def __init__(self, response):
        reader = _HeadReader()
        reader.feed(response.content.decode())
        self._reader = reader
        self.title = " ".join(reader.title.split())
        self.json_ld = [json.loads(block) for block in reader.json_ld]

    def meta(self, key):
        """The one value of a meta tag, by ``name`` or ``property``; fails if it repeats."""
        values = self._reader.meta.get(key, [])
        assert len(values) <= 1, f"{key} appears {len(values)} times"
        return values[0] if values else None

    def link(self, rel):
        values = self._reader.links.get(rel, [])
        assert len(values) <= 1, f"link rel={rel} appears {len(values)} times"
        return values[0] if values else None


def header_links(response):
    """``(href, text)`` of the links in the site header, in order."""
    html = response.content.decode()
    header = html[html.index('<header class="site-header"') : html.index("<main")]
    return links_in(SimpleNamespace(content=header.encode()))
