from .article import Article, ArticleQuerySet, Status
from .bylines import Byline
from .checklist import PublishingChecklist
from .correction import Correction
from .edit_lock import EditLock
from .front_page import FrontPageSlot
from .redirects import SlugRedirect
from .review import Action, ArticleEvent, ReviewNote
from .revision import Approval, Revision, RevisionKind
from .share_links import ShareLink
from .topics import TaggedArticle, Topic

__all__ = [
    "Action",
    "Approval",
    "Article",
    "ArticleEvent",
    "ArticleQuerySet",
    "Byline",
    "Correction",
    "EditLock",
    "FrontPageSlot",
    "PublishingChecklist",
    "ReviewNote",
    "Revision",
    "RevisionKind",
    "ShareLink",
    "SlugRedirect",
    "Status",
    "TaggedArticle",
    "Topic",
]
