"""Avatars stored before small copies existed get theirs, so pages never link a missing file."""

from django.core.files.storage import default_storage
from django.db import migrations


def make_small_avatars(apps, schema_editor):
    from images.renditions import small_avatar_name, write_small_avatar

    Author = apps.get_model("authors", "Author")
    for name in Author.objects.exclude(avatar="").values_list("avatar", flat=True).iterator():
        if default_storage.exists(small_avatar_name(name)):
            continue
        try:
            write_small_avatar(name)
        except FileNotFoundError:  # the avatar itself is gone: nothing to copy
            continue


class Migration(migrations.Migration):
    dependencies = [("authors", "0001_initial")]

    operations = [migrations.RunPython(make_small_avatars, migrations.RunPython.noop)]
