from django.db import migrations, models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

LIVE = ["published", "scheduled"]


def count_existing(apps, schema_editor):
    """Fill the kept counts from the archive as it is (articles.counts.recount_all)."""
    Article = apps.get_model("articles", "Article")
    Author = apps.get_model("authors", "Author")
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    Topic = apps.get_model("articles", "Topic")
    links = (
        TaggedArticle.objects.filter(tag=OuterRef("pk"), content_object__status__in=LIVE)
        .order_by()
        .values("tag")
        .annotate(count=Count("pk"))
        .values("count")
    )
    Topic.objects.update(
        live_count=Coalesce(Subquery(links, output_field=IntegerField()), Value(0))
    )
    latest = (
        Article.objects.filter(status__in=LIVE, bylines__author=OuterRef("pk"))
        .order_by("-published_at")
        .values("published_at")[:1]
    )
    Author.objects.update(latest_live_at=Subquery(latest))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_single_line_text"),
        ("authors", "0004_latest_live_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="live_count",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(count_existing, migrations.RunPython.noop, elidable=True),
    ]
