from django.urls import path

from . import feeds

app_name = "feeds"

urlpatterns = [
    path("feed/", feeds.SiteFeed(), name="site"),
    path("feed/atom/", feeds.SiteAtomFeed(), name="site_atom"),
    path("authors/<str:slug>/feed/", feeds.AuthorFeed(), name="author"),
    path("authors/<str:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author_atom"),
    path("topics/<str:slug>/feed/", feeds.TopicFeed(), name="topic"),
    path("topics/<str:slug>/feed/atom/", feeds.TopicAtomFeed(), name="topic_atom"),
]
