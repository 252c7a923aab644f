from django.conf import settings
from django.db import models


class Correction(models.Model):
    """A dated correction readers see at the end of an article. Never edited or deleted:
    amending one appends a new entry that points at the one it amends."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="corrections"
    )
    text = models.TextField(max_length=2000)
    amends = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="amendments"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
