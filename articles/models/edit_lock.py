from django.conf import settings
from django.db import models


class EditLock(models.Model):
    """Who has an article open in the form: a courtesy, not a guarantee.

    One row per article; it counts only while its heartbeat is fresh
    (``articles.edit_locks``). The optimistic version check on save stays the guarantee.
    """

    article = models.OneToOneField(
        "articles.Article", on_delete=models.CASCADE, primary_key=True, related_name="edit_lock"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    since = models.DateTimeField()
    heartbeat_at = models.DateTimeField()
    # Which open page holds it: a closing page's last beacon releases only its own claim,
    # never the one the next page (after a save's redirect) has just made.
    page = models.CharField(max_length=32, blank=True)

    class Meta:
        verbose_name = "edit lock"

    def __str__(self):
        return f"{self.user} editing {self.article_id}"
