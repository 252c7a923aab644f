from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .article import LIVE_STATUSES


class Position(models.IntegerChoices):
    LEAD = 0, "Lead"
    PICK_1 = 1, "Pick 1"
    PICK_2 = 2, "Pick 2"
    PICK_3 = 3, "Pick 3"
    PICK_4 = 4, "Pick 4"


def live_articles():
    """The choices editors get: articles readers can see right now."""
    return Q(status__in=LIVE_STATUSES, published_at__lte=timezone.now())


class FrontPageSlot(models.Model):
    """An article an editor placed at the top of the home page.

    The home page reads slots through ``Article.objects.published()``, so a
    placed article that is later unpublished simply drops out.
    """

    position = models.PositiveSmallIntegerField(
        choices=Position.choices,
        unique=True,
        error_messages={"unique": "Another article already holds this place. Choose another."},
    )
    article = models.OneToOneField(
        "articles.Article",
        on_delete=models.CASCADE,
        related_name="front_page_slot",
        limit_choices_to=live_articles,
        error_messages={"unique": "This article is already on the front page."},
    )

    class Meta:
        ordering = ["position"]
        verbose_name = "front page place"
        verbose_name_plural = "front page"

    def __str__(self):
        return f"{self.get_position_display()}: {self.article}"

    def clean(self):
        if self.article_id and not self.article.is_published:
            raise ValidationError({"article": "Only a published article can go on the front page."})
