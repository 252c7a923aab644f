from django.utils.functional import SimpleLazyObject

from opinion_blog.version_cache import cached

from .models import Topic


def navigation(request):
    """The topics editors featured in the header.

    Lazy, so only pages that show the header read them; kept under the content
    version, so the header costs no query on most pages.
    """
    return {
        "navigation_topics": SimpleLazyObject(
            lambda: cached("navigation", lambda: list(Topic.objects.in_navigation()))
        )
    }
