from django.db import models


class RateCounter(models.Model):
    """Hits of one key in one fixed window; counted with one atomic upsert.

    ``key`` names the scope, the key and the window (hashed when long), so a new
    window starts a new row and the old one is deleted once it has expired.
    """

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"
