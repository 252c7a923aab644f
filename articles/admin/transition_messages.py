"""What the admin says after a workflow button: a sentence a person would write."""

from django.utils import timezone
from django.utils.formats import date_format

from articles.models import Status

_DONE = {
    "submit": "“{title}” was submitted for review.",
    "withdraw": "“{title}” was withdrawn from review and is a draft again.",
    "request_changes": "“{title}” now has changes requested; the authors can read your note.",
    "publish": "“{title}” is now published.",
    "unpublish": "“{title}” was unpublished and readers no longer see it.",
    "trash": "“{title}” was moved to the trash.",
    "restore": "“{title}” was restored from the trash as a draft.",
}


def done_message(name, article):
    """The success message after transition ``name`` moved ``article``."""
    if name == "schedule" or article.state == Status.SCHEDULED:
        when = date_format(timezone.localtime(article.published_at), r"j F Y \a\t H:i")
        return f"“{article}” is scheduled to go live on {when}."
    if name in _DONE:
        return _DONE[name].format(title=article)
    return f"“{article}” is now {article.get_state_display().lower()}."
