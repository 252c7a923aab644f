from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen copy: a migration must not change when articles/roles.py does.
COLUMNIST_PERMISSIONS = [
    "articles.add_article",
    "articles.change_article",
    "articles.view_article",
    "articles.add_reviewnote",
    "articles.view_reviewnote",
    "articles.view_topic",
    "authors.view_author",
    "authors.change_author",
    "images.add_image",
    "images.change_image",
    "images.view_image",
]
EDITOR_PERMISSIONS = COLUMNIST_PERMISSIONS + [
    "articles.edit_any_article",
    "articles.review_article",
    "articles.publish_article",
    "articles.restore_article",
    "articles.view_articleevent",
    "articles.add_topic",
    "articles.change_topic",
]
GROUPS = {"Columnists": COLUMNIST_PERMISSIONS, "Editors": EDITOR_PERMISSIONS}


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now.
    for label in ("articles", "authors", "images"):
        app_config = apps.get_app_config(label)
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in perms:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("authors", "0001_initial"),
        ("images", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
