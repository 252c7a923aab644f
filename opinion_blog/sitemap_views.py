"""The sitemap index and its sections, written without the template engine.

Django's views build an object for each URL and render them through a template: a
section of 1,000 URLs took about 50 ms of Python, and the index of a million articles
lists a thousand sections. Ours have only a location and a last-modified date, so one
formatted line per URL says the same.
"""

from xml.sax.saxutils import escape

from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone

from .version_cache import cached

URLSET_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


SITEMAPINDEX_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)


@x_robots_tag
def index(request, sitemaps, sitemap_url_name):
    """Every page of every section; a section's pages are ``?p=2`` onwards.

    A million articles make a thousand sections: the index is kept whole under the
    content version, which any change to its sections moves.
    """
    domain = get_current_site(request).domain
    return HttpResponse(
        cached(
            f"sitemap-index:{request.scheme}:{domain}",
            lambda: _index(request.scheme, domain, sitemaps, sitemap_url_name),
        ),
        content_type="application/xml",
    )


def _index(scheme, domain, sitemaps, sitemap_url_name):
    lines = [SITEMAPINDEX_OPEN]
    for name, sitemap_class in sitemaps.items():
        sitemap = sitemap_class()
        address = f"{sitemap.get_protocol(scheme)}://{domain}"
        address += reverse(sitemap_url_name, kwargs={"section": name})
        latest = sitemap.get_latest_lastmod()
        modified = f"<lastmod>{latest.isoformat()}</lastmod>" if latest else ""
        for page in range(1, sitemap.paginator.num_pages + 1):
            location = address if page == 1 else f"{address}?p={page}"
            lines.append(f"<sitemap><loc>{escape(location)}</loc>{modified}</sitemap>\n")
    lines.append("</sitemapindex>\n")
    return "".join(lines)


@x_robots_tag
def section(request, sitemaps, section):
    if section not in sitemaps:
        raise Http404(f"No sitemap available for section: {section!r}")
    sitemap = sitemaps[section]()
    page = request.GET.get("p", 1)
    try:
        items = sitemap.paginator.page(page).object_list
    except EmptyPage:
        raise Http404(f"Page {page} empty") from None
    except PageNotAnInteger:
        raise Http404(f"No page '{page}'") from None
    protocol = sitemap.get_protocol(request.scheme)
    origin = f"{protocol}://{sitemap.get_domain(get_current_site(request))}"
    lastmod = getattr(sitemap, "lastmod", None)
    zone = timezone.get_current_timezone()
    lines = [URLSET_OPEN]
    for item in items:
        modified = lastmod(item) if lastmod else None
        lines.append(
            f"<url><loc>{escape(origin + sitemap.location(item))}</loc>"
            + (f"<lastmod>{modified.astimezone(zone):%Y-%m-%d}</lastmod>" if modified else "")
            + "</url>\n"
        )
    lines.append("</urlset>\n")
    return HttpResponse("".join(lines), content_type="application/xml")
