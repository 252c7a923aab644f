from django import template

from opinion_blog.version_cache import cached

from ..models import Submission

register = template.Library()


def letters_for(article):
    """An article's published letters, oldest first: one query, kept under the content version."""
    return list(
        Submission.objects.published_letters()
        .filter(article=article)
        .only("name", "town", "published_text", "published_at", "article_id")
        .order_by("published_at", "pk")
    )


@register.inclusion_tag("submissions/includes/letters_about.html")
def letters_about(article):
    return {
        "article": article,
        "letters": cached(f"letters:{article.pk}", lambda: letters_for(article)),
    }
