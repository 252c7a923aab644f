"""A columnist's changes to what readers see of their profile wait for an editor.

The display name, bio, avatar and links appear on every byline, feed and JSON-LD
block; a columnist's save used to put them live at once. Now it becomes a
``ProfileChange`` that editors approve or decline on the review desk (like a
change to a live article), while editors' own edits and administrators' edits go
live. A replaced avatar's file is deleted once nothing uses it, after the commit.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.urls import reverse

from articles.roles import EDITORS
from authors import profile_changes
from authors.models import Author, AuthorLink, ProfileChange
from tests.admin_forms import change_form_data
from tests.factories import (
    make_admin,
    make_author,
    make_columnist,
    make_editor,
    make_published,
    uploaded_png,
)

pytestmark = pytest.mark.django_db

DESK = reverse("admin:articles_article_review_desk")
Status = ProfileChange.Status


def change_url(author):
    return reverse("admin:authors_author_change", args=[author.pk])


def edit_profile(client, author, *, links=(), **fields):
    """Post the profile form as its page shows it, with ``fields`` changed."""
    page = client.get(change_url(author))
    assert page.status_code == 200
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    data = change_form_data(page, **{"avatar": None, **fields})
    for index, (label, url) in enumerate(links):
        data.update(
            {
                f"{prefix}-{index}-label": label,
                f"{prefix}-{index}-url": url,
                f"{prefix}-{index}-position": str(index),
            }
        )
    data[f"{prefix}-TOTAL_FORMS"] = str(max(len(links), int(data[f"{prefix}-TOTAL_FORMS"])))
    return client.post(change_url(author), data)


@pytest.fixture
def columnist(client):
    user = make_columnist(name="Ada Byline")
    make_published("Her piece", authors=[user.author_profile])
    client.force_login(user)
    return user


def stored(name):
    return bool(name) and default_storage.exists(name)


# A columnist's change waits.


def test_a_columnists_new_name_bio_and_links_wait_and_readers_keep_the_old_profile(
    client, columnist
):
    author = columnist.author_profile
    before_bio = author.bio

    response = edit_profile(
        client,
        author,
        name="Ada New Name",
        bio="A new bio.",
        links=[("Website", "https://ada.example/")],
    )

    assert response.status_code == 302
    author.refresh_from_db()
    assert (author.name, author.bio) == ("Ada Byline", before_bio)
    assert not author.links.exists()
    change = ProfileChange.objects.get(author=author, status=Status.PENDING)
    assert (change.name, change.bio, change.created_by) == ("Ada New Name", "A new bio.", columnist)
    assert change.links == [{"label": "Website", "url": "https://ada.example/"}]
    page = client.get(reverse("authors:detail", args=[author.slug])).content.decode()
    assert "Ada Byline" in page and "Ada New Name" not in page
    assert "waiting for an editor" in client.get(change_url(author)).content.decode()


def test_a_columnists_new_avatar_waits_and_the_live_one_stays(client, columnist):
    author = columnist.author_profile
    author.avatar = uploaded_png("old.png", width=90, height=90)
    author.save()
    live_avatar = author.avatar.name

    edit_profile(client, author, avatar=uploaded_png("new.png", width=120, height=90))

    author.refresh_from_db()
    assert author.avatar.name == live_avatar and stored(live_avatar)
    change = ProfileChange.objects.get(status=Status.PENDING)
    assert change.avatar.name.endswith(".webp") and change.avatar.name != live_avatar
    assert stored(change.avatar.name)


def test_a_columnists_display_name_with_a_line_break_is_a_form_error(client, columnist):
    response = edit_profile(client, columnist.author_profile, name="Ada\r\nBcc: x@example.com")

    assert response.status_code == 200
    assert "single line" in " ".join(response.context["adminform"].form.errors["name"])
    assert not ProfileChange.objects.exists()


def test_saving_the_profile_unchanged_leaves_nothing_waiting(client, columnist):
    edit_profile(client, columnist.author_profile)

    assert not ProfileChange.objects.exists()


def test_a_second_change_replaces_the_waiting_one_and_its_avatar_file_goes(
    client, columnist, django_capture_on_commit_callbacks
):
    author = columnist.author_profile
    edit_profile(client, author, avatar=uploaded_png("first.png"))
    first = ProfileChange.objects.get()
    assert stored(first.avatar.name)

    with django_capture_on_commit_callbacks(execute=True):
        edit_profile(client, author, name="Second try")

    first.refresh_from_db()
    assert first.status == Status.SUPERSEDED
    assert not stored(first.avatar.name)
    assert ProfileChange.objects.get(status=Status.PENDING).name == "Second try"


# Editors and administrators go live.


def test_an_editors_own_profile_edit_goes_live(client):
    editor = make_editor()
    author = make_author("Eda Editor", user=editor)
    client.force_login(editor)

    edit_profile(client, author, name="Eda E. Editor")

    author.refresh_from_db()
    assert author.name == "Eda E. Editor"
    assert not ProfileChange.objects.exists()


def test_an_administrators_edit_of_any_profile_goes_live(client, columnist):
    client.force_login(make_admin())

    edit_profile(client, columnist.author_profile, bio="Edited by the desk.")

    assert Author.objects.get(pk=columnist.author_profile.pk).bio == "Edited by the desk."
    assert not ProfileChange.objects.exists()


# The desk decides.


def test_the_desk_shows_a_waiting_change_beside_the_live_profile(client, columnist):
    author = columnist.author_profile
    edit_profile(client, author, name="Ada New Name", avatar=uploaded_png("new.png"))
    change = ProfileChange.objects.get()
    client.force_login(make_editor())

    page = client.get(DESK)

    assert page.status_code == 200
    html = page.content.decode()
    assert "Changes to a profile" in html
    assert "Ada Byline" in html and "Ada New Name" in html
    assert change.avatar.url in html
    assert (
        reverse("admin:authors_author_profile_change_approve", args=[author.pk, change.pk]) in html
    )


def test_an_editor_approves_a_change_and_readers_see_it_and_the_old_avatar_file_goes(
    client, columnist, django_capture_on_commit_callbacks
):
    author = columnist.author_profile
    author.avatar = uploaded_png("old.png")
    author.save()
    old_avatar = author.avatar.name
    author.links.create(label="Old", url="https://old.example/")
    edit_profile(
        client,
        author,
        name="Ada New Name",
        avatar=uploaded_png("new.png"),
        links=[("Old", "https://old.example/"), ("Blog", "https://blog.example/")],
    )
    change = ProfileChange.objects.get()
    client.force_login(make_editor())
    approve = reverse("admin:authors_author_profile_change_approve", args=[author.pk, change.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve, {"next": DESK})

    assert response.status_code == 302 and response.url == DESK
    author.refresh_from_db()
    assert author.name == "Ada New Name"
    assert author.avatar.name == change.avatar.name and stored(author.avatar.name)
    assert list(author.links.values_list("label", "url")) == [
        ("Old", "https://old.example/"),
        ("Blog", "https://blog.example/"),
    ]
    assert not stored(old_avatar)
    change.refresh_from_db()
    assert change.status == Status.APPROVED
    page = client.get(reverse("authors:detail", args=[author.slug])).content.decode()
    assert "Ada New Name" in page


def test_an_editor_declines_a_change_and_its_avatar_file_goes(
    client, columnist, django_capture_on_commit_callbacks
):
    author = columnist.author_profile
    edit_profile(client, author, name="Nope", avatar=uploaded_png("new.png"))
    change = ProfileChange.objects.get()
    client.force_login(make_editor())
    decline = reverse("admin:authors_author_profile_change_decline", args=[author.pk, change.pk])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(decline, {"note": "Keep your name, please."})

    author.refresh_from_db()
    assert author.name == "Ada Byline"
    change.refresh_from_db()
    assert (change.status, change.note) == (Status.DECLINED, "Keep your name, please.")
    assert not stored(change.avatar.name)


def test_a_columnist_cannot_approve_their_own_change(client, columnist):
    author = columnist.author_profile
    edit_profile(client, author, name="Self-approved")
    change = ProfileChange.objects.get()
    approve = reverse("admin:authors_author_profile_change_approve", args=[author.pk, change.pk])

    response = client.post(approve)

    assert response.status_code == 403
    assert Author.objects.get(pk=author.pk).name == "Ada Byline"
    with pytest.raises(profile_changes.ProfileReviewError):
        profile_changes.approve(change, by=columnist)


def test_a_decided_change_cannot_be_approved_again(client, columnist):
    author = columnist.author_profile
    edit_profile(client, author, name="Once")
    change = ProfileChange.objects.get()
    editor = make_editor()
    profile_changes.decline(change, by=editor)

    with pytest.raises(profile_changes.ProfileReviewError, match="no longer waiting"):
        profile_changes.approve(change, by=editor)
    assert Author.objects.get(pk=author.pk).name == "Ada Byline"


def test_a_columnist_promoted_to_editor_goes_live_from_then_on(client, columnist):
    columnist.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(columnist)  # an editor now: signs in again, with the second step
    author = columnist.author_profile

    edit_profile(client, author, name="Now an editor")

    assert Author.objects.get(pk=author.pk).name == "Now an editor"


# Avatar files: deleted when nothing uses them, after the commit.


def test_a_replaced_avatar_file_is_deleted_after_the_commit_not_before(
    django_capture_on_commit_callbacks,
):
    author = make_author(avatar=uploaded_png("old.png"))
    old = author.avatar.name

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        author.avatar = uploaded_png("new.png")
        author.save()
        assert stored(old)
    for callback in callbacks:
        callback()

    assert not stored(old) and stored(author.avatar.name)


def test_a_cleared_avatar_file_is_deleted(django_capture_on_commit_callbacks):
    author = make_author(avatar=uploaded_png("old.png"))
    old = author.avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        author.avatar = ""
        author.save()

    assert not stored(old)


def test_an_avatar_a_waiting_change_still_uses_is_kept(django_capture_on_commit_callbacks):
    author = make_author(avatar=uploaded_png("old.png"))
    old = author.avatar.name
    ProfileChange.objects.create(
        author=author, name=author.name, avatar=old, created_at=author.created_at
    )

    with django_capture_on_commit_callbacks(execute=True):
        author.avatar = uploaded_png("new.png")
        author.save()

    assert stored(old)


def test_a_deleted_profiles_avatar_file_goes(client, django_capture_on_commit_callbacks):
    author = make_author(avatar=uploaded_png("old.png"))
    name = author.avatar.name
    client.force_login(make_admin())

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:authors_author_delete", args=[author.pk]), {"post": "yes"})

    assert not Author.objects.filter(pk=author.pk).exists()
    assert not stored(name)


def test_links_of_a_change_are_kept_in_order_without_deleted_rows(client, columnist):
    author = columnist.author_profile
    AuthorLink.objects.create(author=author, label="Gone", url="https://gone.example/")
    page = client.get(change_url(author))
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    data = change_form_data(page, avatar=None, **{f"{prefix}-0-DELETE": "on"})

    client.post(change_url(author), data)

    assert ProfileChange.objects.get().links == []
    assert author.links.count() == 1


# The columnist hears of the decision.


@pytest.mark.parametrize(
    ("decide", "kind", "note"),
    [
        (lambda change, editor: profile_changes.approve(change, by=editor), "profile_approved", ""),
        (
            lambda change, editor: profile_changes.decline(
                change, by=editor, note="Keep the bio to two sentences."
            ),
            "profile_declined",
            "Keep the bio to two sentences.",
        ),
    ],
)
def test_the_columnist_hears_of_the_decision_in_the_inbox_and_by_email(
    client, columnist, mailoutbox, decide, kind, note
):
    from notifications.models import Email, Notification
    from notifications.tasks import deliver

    edit_profile(client, columnist.author_profile, bio="A new bio.")
    change = ProfileChange.objects.get(status=Status.PENDING)
    editor = make_editor()

    decide(change, editor)

    told = Notification.objects.get(kind=kind)
    assert (told.recipient, told.profile_change, told.article) == (columnist, change, None)
    assert told.note == note
    assert "your profile change" in told.headline
    assert deliver(told.pk) == Email.SENT
    (email,) = mailoutbox
    assert email.to == [columnist.email]
    assert "Open your profile in the newsroom" in email.body
    assert change_url(columnist.author_profile) in email.body
    assert note in email.body

    dashboard = client.get(reverse("admin:index")).content.decode()
    assert told.headline in dashboard.replace("&#x27;", "'")
    opened = client.get(reverse("admin:notification_open", args=[_token(told)]))
    assert opened.url == change_url(columnist.author_profile)


def _token(notification):
    from notifications import inbox

    return inbox.open_url(notification).rstrip("/").rsplit("/", 1)[-1]


def test_an_editor_deciding_on_their_own_profile_is_not_told(client):
    editor = make_editor()
    author = make_author("Eve Editor", user=editor)
    change = ProfileChange.objects.create(
        author=author, name="Eve E.", bio="", created_by=editor, created_at=author.created_at
    )

    profile_changes.approve(change, by=editor)

    assert not editor.notifications.exists()


def test_a_columnist_who_left_before_the_email_went_gets_none(client, columnist):
    from notifications.models import Email, Notification
    from notifications.tasks import deliver

    edit_profile(client, columnist.author_profile, bio="A new bio.")
    profile_changes.approve(ProfileChange.objects.get(status=Status.PENDING), by=make_editor())
    columnist.is_active = False
    columnist.save()

    assert deliver(Notification.objects.get().pk) == Email.NO_ACCESS
