from django.core.exceptions import ValidationError
from django.db import models


class PublishingChecklist(models.Model):
    """The desk's pre-publish checklist: its limits, and which items block publication.

    One row (``load()``); editors change it in the admin. Items that do not block are
    still shown, met or not, on the article form and in the publish confirmation.
    """

    headline_max_length = models.PositiveSmallIntegerField(
        "longest headline (characters)", default=100
    )
    min_words = models.PositiveIntegerField("fewest words", default=300)
    max_words = models.PositiveIntegerField("most words", default=1500)
    blocks_headline = models.BooleanField("headline length blocks publishing", default=True)
    blocks_standfirst = models.BooleanField("a missing standfirst blocks publishing", default=False)
    blocks_picture = models.BooleanField(
        "a featured picture without alt text and credit blocks publishing", default=False
    )
    blocks_topic = models.BooleanField("no topic blocks publishing", default=False)
    blocks_length = models.BooleanField("word count out of range blocks publishing", default=False)
    blocks_disclosure = models.BooleanField(
        "an unanswered disclosure blocks publishing", default=False
    )
    blocks_notes = models.BooleanField("open review notes block publishing", default=False)

    class Meta:
        verbose_name = "pre-publish checklist"
        verbose_name_plural = "pre-publish checklist"

    def __str__(self):
        return "Pre-publish checklist"

    def clean(self):
        if self.min_words > self.max_words:
            raise ValidationError({"max_words": "The most words must be at least the fewest."})

    @classmethod
    def load(cls):
        checklist, _ = cls.objects.get_or_create(pk=1)
        return checklist
