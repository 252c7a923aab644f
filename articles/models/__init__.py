from .article import Article, ArticleQuerySet, Status
from .bylines import Byline
from .front_page import FrontPageSlot
from .redirects import SlugRedirect
from .review import Action, ArticleEvent, ReviewNote
from .topics import TaggedArticle, Topic

__all__ = [
    "Action",
    "Article",
    "ArticleEvent",
    "ArticleQuerySet",
    "Byline",
    "FrontPageSlot",
    "ReviewNote",
    "SlugRedirect",
    "Status",
    "TaggedArticle",
    "Topic",
]
