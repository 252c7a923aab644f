from django.db import models


class SlugRedirect(models.Model):
    """A slug an article was published under before it was renamed; it answers with a 301."""

    old_slug = models.CharField(max_length=200, unique=True)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="slug_redirects"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"
