"""The author admin: an administrator adds a writer and their login in one step, and
every writer looks after their own profile and no one else's."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.roles import COLUMNISTS, EDITORS
from authors import profile_changes
from authors.models import Author
from tests.admin_forms import change_form_data
from tests.factories import make_admin, make_author, make_columnist, make_editor, uploaded_png

pytestmark = pytest.mark.django_db

ADD = reverse("admin:authors_author_add")
CHANGELIST = reverse("admin:authors_author_changelist")
GOOD_PASSWORD = "tidal-orchard-9"


def change_url(author):
    return reverse("admin:authors_author_change", args=[author.pk])


def post_add(client, **fields):
    """Fill in the add form as an administrator would, and send it."""
    page = client.get(ADD)
    assert page.status_code == 200
    data = {"name": "Ines Moreau", "slug": "ines-moreau", "bio": "Writes on cities.", **fields}
    return client.post(ADD, change_form_data(page, **data))


# change_form_data() sends an empty avatar as a file; a browser sends no file: avatar=None.


def form_errors(response):
    return response.context["adminform"].form.errors


@pytest.fixture
def as_admin(client):
    client.force_login(make_admin())
    return client


# Adding an author with a login.


@pytest.mark.parametrize(("role", "group"), [(COLUMNISTS, COLUMNISTS), (EDITORS, EDITORS)])
def test_an_administrator_adds_a_writer_with_login_and_role_in_one_step(as_admin, role, group):
    response = post_add(
        as_admin,
        username="imoreau",
        email="ines@example.com",
        role=role,
        password1=GOOD_PASSWORD,
        password2=GOOD_PASSWORD,
    )

    assert response.status_code == 302
    author = Author.objects.get(slug="ines-moreau")
    user = author.user
    assert (user.username, user.email, user.first_name) == (
        "imoreau",
        "ines@example.com",
        "Ines Moreau",
    )
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [group]
    assert user.check_password(GOOD_PASSWORD)


def test_the_new_columnist_can_sign_in_and_write(as_admin, client):
    post_add(
        as_admin,
        username="imoreau",
        role=COLUMNISTS,
        password1=GOOD_PASSWORD,
        password2=GOOD_PASSWORD,
    )
    as_admin.logout()

    # Through the login form: django-axes needs the request that client.login() lacks.
    signed_in = client.post(
        reverse("admin:login"), {"username": "imoreau", "password": GOOD_PASSWORD}
    )
    assert signed_in.status_code == 302
    assert client.get(reverse("admin:articles_article_add")).status_code == 200


def test_without_a_username_the_author_is_a_guest_with_no_login(as_admin):
    users = User.objects.count()

    response = post_add(as_admin, username="", password1="", password2="")

    assert response.status_code == 302
    assert Author.objects.get(slug="ines-moreau").user is None
    assert User.objects.count() == users


LOGIN_ERRORS = {
    "passwords differ": (
        {"password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD + "x"},
        "password2",
        "The two passwords differ.",
    ),
    "too short": ({"password1": "x7-q", "password2": "x7-q"}, "password1", "too short"),
    "too common": (
        {"password1": "password123", "password2": "password123"},
        "password1",
        "too common",
    ),
    "all numbers": (
        {"password1": "48151623420", "password2": "48151623420"},
        "password1",
        "entirely numeric",
    ),
    "like the username": (
        {"password1": "imoreau-2026", "password2": "imoreau-2026"},
        "password1",
        "too similar",
    ),
    "no password": ({"password1": "", "password2": ""}, "password1", "Choose a password"),
    "duplicate username": (
        {"username": "Taken", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
        "username",
        "already exists",
    ),
    "passwords without username": (
        {"username": "", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
        "username",
        "Choose a username",
    ),
}


@pytest.mark.parametrize("case", list(LOGIN_ERRORS))
def test_a_bad_login_is_a_form_error_and_nothing_is_saved(as_admin, case):
    User.objects.create_user("taken", password=GOOD_PASSWORD)
    fields, field, message = LOGIN_ERRORS[case]
    users = User.objects.count()

    response = post_add(as_admin, **{"username": "imoreau", **fields})

    assert response.status_code == 200
    assert message in " ".join(form_errors(response)[field])
    assert not Author.objects.exists()
    assert User.objects.count() == users


def test_a_password_that_is_the_writers_name_is_refused(as_admin):
    response = post_add(
        as_admin,
        name="Margarethe Vandersloot",
        username="writer42",
        password1="MargaretheVandersloot",
        password2="MargaretheVandersloot",
    )

    assert response.status_code == 200
    assert "too similar" in " ".join(form_errors(response)["password1"])
    assert not Author.objects.exists()


@pytest.mark.parametrize("maker", [make_columnist, make_editor], ids=["columnist", "editor"])
def test_only_administrators_open_the_author_add_page(client, maker):
    client.force_login(maker())

    assert client.get(ADD).status_code == 403
    response = client.post(ADD, {"name": "Sneaky", "slug": "sneaky", "username": "sneaky"})
    assert response.status_code == 403
    assert not Author.objects.filter(slug="sneaky").exists()
    assert not User.objects.filter(username="sneaky").exists()


# A columnist's own profile.


def test_a_columnist_sees_only_their_own_profile_in_the_list(client):
    columnist = make_columnist()
    make_columnist()
    make_author("A guest")
    client.force_login(columnist)

    response = client.get(CHANGELIST)

    assert list(response.context["cl"].result_list) == [columnist.author_profile]


def approve_waiting_change(author):
    """A columnist's profile change waits for an editor (test_profile_review.py): approve it."""
    profile_changes.approve(profile_changes.pending_for(author), by=make_editor())


def test_a_columnist_changes_their_bio_avatar_and_links(client):
    columnist = make_columnist()
    author = columnist.author_profile
    client.force_login(columnist)
    page = client.get(change_url(author))
    prefix = page.context["inline_admin_formsets"][0].formset.prefix

    response = client.post(
        change_url(author),
        change_form_data(
            page,
            bio="Now writing about rivers.",
            avatar=uploaded_png("me.png", width=120, height=90),
            **{
                f"{prefix}-0-label": "Website",
                f"{prefix}-0-url": "https://example.com/",
                f"{prefix}-0-position": "0",
            },
        ),
    )

    assert response.status_code == 302
    approve_waiting_change(author)
    author.refresh_from_db()
    assert author.bio == "Now writing about rivers."
    assert author.avatar.name.endswith(".webp")
    assert list(author.links.values_list("label", "url")) == [("Website", "https://example.com/")]


def test_a_columnist_cannot_change_their_profiles_login_or_slug(client):
    columnist, other = make_columnist(), make_columnist()
    author = columnist.author_profile
    slug = author.slug
    client.force_login(columnist)
    page = client.get(change_url(author))
    assert {"user", "slug"}.isdisjoint(page.context["adminform"].form.fields)

    response = client.post(
        change_url(author),
        change_form_data(
            page, name="New display name", user=str(other.pk), slug="hijacked", avatar=None
        ),
    )

    assert response.status_code == 302
    approve_waiting_change(author)
    author.refresh_from_db()
    assert (author.name, author.user, author.slug) == ("New display name", columnist, slug)


def test_a_columnist_cannot_reach_another_authors_links_through_their_own_page(client):
    columnist, other = make_columnist(), make_columnist()
    link = other.author_profile.links.create(label="Blog", url="https://other.example/")
    client.force_login(columnist)
    page = client.get(change_url(columnist.author_profile))
    prefix = page.context["inline_admin_formsets"][0].formset.prefix

    client.post(
        change_url(columnist.author_profile),
        change_form_data(
            page,
            avatar=None,
            **{
                f"{prefix}-INITIAL_FORMS": "1",
                f"{prefix}-0-id": str(link.pk),
                f"{prefix}-0-label": "Hijacked",
                f"{prefix}-0-url": "https://evil.example/",
                f"{prefix}-0-DELETE": "on",
            },
        ),
    )

    link.refresh_from_db()
    assert (link.author, link.label, link.url) == (
        other.author_profile,
        "Blog",
        "https://other.example/",
    )


def test_another_authors_change_page_is_refused_to_a_columnist(client):
    columnist, other = make_columnist(), make_columnist()
    client.force_login(columnist)

    response = client.get(change_url(other.author_profile))

    assert response.status_code in (403, 404)
    history = reverse("admin:authors_author_history", args=[other.author_profile.pk])
    assert client.get(history).status_code in (403, 404)


def test_a_columnist_cannot_change_another_authors_profile(client):
    columnist, other = make_columnist(), make_columnist()
    theirs = other.author_profile
    client.force_login(columnist)

    page = client.get(change_url(theirs))
    response = client.post(
        change_url(theirs), {"name": "Defaced", "bio": "Defaced.", "user": str(columnist.pk)}
    )

    for answer in (page, response):
        assert answer.status_code in (302, 403, 404)
        assert theirs.bio not in answer.content.decode()
    theirs.refresh_from_db()
    assert (theirs.name, theirs.user) != ("Defaced", columnist)
    assert theirs.bio != "Defaced."


def test_an_administrator_changes_any_profile_including_its_login(as_admin):
    columnist, spare = make_columnist(), make_user_without_profile()
    author = columnist.author_profile
    page = as_admin.get(change_url(author))

    response = as_admin.post(
        change_url(author),
        change_form_data(page, user=str(spare.pk), slug="renamed", avatar=None),
    )

    assert response.status_code == 302
    author.refresh_from_db()
    assert (author.user, author.slug) == (spare, "renamed")


def make_user_without_profile():
    return User.objects.create_user("spare", password=GOOD_PASSWORD, is_staff=True)
