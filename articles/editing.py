"""What saving an edit means for readers, beyond the new text itself."""

from django.utils import timezone

from opinion_blog.content_version import public_content_changed

from .models import SlugRedirect
from .models.article import LIVE_STATUSES

# Edits to these change what a reader sees, so a published article shows "Updated".
READER_VISIBLE_FIELDS = {
    "title",
    "standfirst",
    "body",
    "featured_image",
    "featured_image_caption",
}


def save_edit(article, *, changed_fields, previous_slug):
    """Save ``article`` after an edit, keeping readers' links and dates honest.

    A published article's old slug keeps working as a redirect, and an edit a
    reader can see stamps the "Updated" date.
    """
    was_public = article.published_at is not None
    if was_public and article.is_published and READER_VISIBLE_FIELDS & set(changed_fields):
        article.revised_at = timezone.now()
    article.save()
    if was_public and previous_slug and previous_slug != article.slug:
        SlugRedirect.objects.update_or_create(old_slug=previous_slug, defaults={"article": article})
    SlugRedirect.objects.filter(old_slug=article.slug).delete()
    if article.status in LIVE_STATUSES:
        # Also covers the bylines, topics and image saved with it in the same transaction.
        public_content_changed()
    return article
