from .article import Article, ArticleQuerySet, Status
from .bylines import Byline
from .front_page import FrontPageSlot
from .redirects import SlugRedirect
from .review import Action, ArticleEvent, ReviewNote
from .share_links import ShareLink
from .topics import TaggedArticle, Topic

__all__ = [
    "Action",
    "Article",
    "ArticleEvent",
    "ArticleQuerySet",
    "Byline",
    "FrontPageSlot",
    "ReviewNote",
    "ShareLink",
    "SlugRedirect",
    "Status",
    "TaggedArticle",
    "Topic",
]
