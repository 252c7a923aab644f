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


REPLIES = {
    "accepted": (
        "We would like to publish “{title}” ({reference})",
        "Dear {name},\n"
        "\n"
        "Good news: we would like to publish “{title}”. An editor will be in touch, and "
        "before anything appears you will see the edited version and approve it.\n"
        "\n"
        "{site_name}",
    ),
    "declined": (
        "About “{title}” ({reference})",
        "Dear {name},\n"
        "\n"
        "Thank you for sending us “{title}”. We are sorry that we cannot publish it. We "
        "receive far more than we have room for, and this is no judgement on its "
        "merit.\n"
        "\n"
        "{site_name}",
    ),
    "received": (
        "We have received “{title}” ({reference})",
        "Dear {name},\n"
        "\n"
        "Thank you: your email address is confirmed and “{title}” is with our editors. "
        "Your reference is {reference}; please quote it if you write to us.\n"
        "\n"
        "If you change your mind, you can withdraw it here:\n"
        "\n"
        "{withdraw_link}\n"
        "\n"
        "{site_name}",
    ),
    "sign_off": (
        "Your edited piece is ready for your approval ({reference})",
        "Dear {name},\n"
        "\n"
        "Here is “{title}” as we have edited it. Please read it and either approve it "
        "or send us a comment, from this private link:\n"
        "\n"
        "{link}\n"
        "\n"
        "The link works until {expires}. Please don’t pass it on.\n"
        "\n"
        "{site_name}",
    ),
    "verify": (
        "Please confirm your email address ({reference})",
        "Dear {name},\n"
        "\n"
        "Thank you for writing to {site_name}. To send us “{title}”, please confirm your "
        "email address by opening this link:\n"
        "\n"
        "{link}\n"
        "\n"
        "If you did not write to us, ignore this email: without confirmation we delete "
        "what was sent within seven days.\n"
        "\n"
        "{site_name}",
    ),
}


def seed_replies(apps, schema_editor):
    ReplyTemplate = apps.get_model("submissions", "ReplyTemplate")
    for kind, (subject, body) in REPLIES.items():
        ReplyTemplate.objects.get_or_create(kind=kind, defaults={"subject": subject, "body": body})


def setup(apps, schema_editor):
    grant_editors(apps, schema_editor)
    seed_replies(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_outside_voices"),
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [migrations.RunPython(setup, migrations.RunPython.noop)]
