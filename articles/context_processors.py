from .models import Topic


def navigation(request):
    """The topics editors featured in the header: a lazy queryset, read only by pages that show it."""
    return {"navigation_topics": Topic.objects.in_navigation()}
