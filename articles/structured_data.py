"""schema.org JSON-LD for article pages, built as a dict so it is escaped once, on output."""

from django.conf import settings
from django.urls import reverse


def article_json_ld(article, request):
    """An ``OpinionNewsArticle`` describing ``article`` as readers see it.

    Needs the article's bylines (with authors), featured image and corrections loaded.
    """
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "OpinionNewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": article.summary,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": request.build_absolute_uri(author.get_absolute_url()),
            }
            for author in article.byline_authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": request.build_absolute_uri(reverse("articles:home")),
        },
    }
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
        data["dateModified"] = (
            article.revised_at if article.was_revised else article.published_at
        ).isoformat()
    image = article.featured_image
    if image:
        data["image"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(image.share_url),
            "width": image.share_width,
            "height": image.share_height,
        }
    if article.disclosure:
        # schema.org's place for what a reader should know about how a piece came about.
        data["backstory"] = article.disclosure
    corrections = [
        {
            "@type": "CorrectionComment",
            "text": correction.text,
            "datePublished": correction.created_at.isoformat(),
        }
        for correction in article.corrections.all()
    ]
    if corrections:
        data["correction"] = corrections
    return data
