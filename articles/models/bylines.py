from django.db import models


class Byline(models.Model):
    """One author's credit on an article; position 0 is the main byline."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="bylines"
    )
    author = models.ForeignKey("authors.Author", on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="unique_byline"),
        ]
        indexes = [models.Index(fields=["author", "article"], name="byline_author_idx")]

    def __str__(self):
        return f"{self.author} on {self.article}"
