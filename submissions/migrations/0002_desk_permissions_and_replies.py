from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen copies: a migration must not change when the app's code does.
EDITOR_PERMISSIONS = [
    "handle_submission",
    "view_submission",
    "change_submission",
    "view_replytemplate",
    "change_replytemplate",
]


def grant_editors(apps, schema_editor):
    app_config = apps.get_app_config("submissions")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="submissions", codename__in=EDITOR_PERMISSIONS
        )
    )


def seed_replies(apps, schema_editor):
    from submissions.emails import DEFAULT_TEMPLATES

    ReplyTemplate = apps.get_model("submissions", "ReplyTemplate")
    for kind, (subject, body) in DEFAULT_TEMPLATES.items():
        ReplyTemplate.objects.get_or_create(
            kind=str(kind), defaults={"subject": subject, "body": body}
        )


def setup(apps, schema_editor):
    grant_editors(apps, schema_editor)
    seed_replies(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_outside_voices"),
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
