from django.db import models
from django.urls import reverse
from django.utils.text import Truncator
from taggit.models import TagBase, TaggedItemBase


class Topic(TagBase):
    """A subject readers can follow; django-taggit tags with a description."""

    description = models.TextField(
        blank=True, help_text="A sentence or two shown at the top of the topic page."
    )

    class Meta:
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("topics:detail", kwargs={"slug": self.slug})

    @property
    def summary(self):
        """Plain text for meta descriptions."""
        if self.description:
            return Truncator(" ".join(self.description.split())).words(40)
        return f"Articles about {self.name}."


class TaggedArticle(TaggedItemBase):
    """The article–topic link, with a real foreign key so related posts can join on it."""

    content_object = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="topic_links"
    )
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_links")

    class Meta:
        verbose_name = "article topic"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="unique_article_topic")
        ]
        indexes = [models.Index(fields=["tag", "content_object"], name="topic_article_idx")]
