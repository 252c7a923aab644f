"""Malformed ids in admin actions and admin addresses: a message or a 404, never a 500.

``action=trash_selected&_selected_action=abc`` posted by a columnist used to be a 500
(the admin filters ``pk__in`` with whatever was posted). Every model admin on the site
(ours, and the ones third-party apps register) now refuses such a selection with a
message and changes nothing; the custom views parse ids before querying.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Article, Status
from tests.factories import make_admin, make_article_in, make_columnist, make_editor

pytestmark = pytest.mark.django_db

JUNK = ["abc", "", "1.5", "-", "²", "99999999999999999999999", "1 OR 1=1", "\u0661\u0662"]


@pytest.fixture
def client(client):
    client.raise_request_exception = False  # a 500 is a result here, not an exception
    return client


def action_choices(model_admin, user):
    request = RequestFactory().get("/")
    request.user = user
    return list(model_admin.get_actions(request))


def test_a_columnist_trashing_a_malformed_selection_gets_a_message_not_a_500(client):
    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile])
    client.force_login(columnist)
    url = reverse("admin:articles_article_changelist")

    response = client.post(
        url, {"action": "trash_selected", ACTION_CHECKBOX_NAME: ["abc", str(article.pk)]}
    )

    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("malformed id" in m and "nothing was changed" in m for m in messages)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


@pytest.mark.parametrize("junk", JUNK)
def test_every_action_of_every_model_admin_refuses_a_malformed_selection(client, junk):
    people = [make_admin(), make_editor(), make_columnist()]
    article = make_article_in("trashed")
    failures = []
    for person in people:
        client.force_login(person)
        for model, model_admin in admin.site._registry.items():
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            for action in action_choices(model_admin, person):
                for confirmed in ({}, {"post": "yes"}):
                    data = {"action": action, ACTION_CHECKBOX_NAME: [junk], **confirmed}
                    response = client.post(url, data)
                    if response.status_code >= 500:
                        failures.append((person.username, opts.label, action, response.status_code))
    assert failures == []
    assert Article.objects.filter(pk=article.pk).exists()


@pytest.mark.parametrize("junk", ["abc", "1.5", "²", "99999999999999999999999"])
def test_every_model_admin_address_with_a_malformed_id_is_not_a_500(client, junk):
    client.force_login(make_admin())
    failures = []
    for model in admin.site._registry:
        opts = model._meta
        for view in ("change", "delete", "history"):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[junk])
            status = client.get(url).status_code
            if status >= 500:
                failures.append((opts.label, view, status))
    assert failures == []


@pytest.mark.parametrize("junk", JUNK)
def test_the_article_admins_own_views_parse_ids_before_querying(client, junk):
    editor = make_editor()
    article = make_article_in("published")
    client.force_login(editor)
    change = reverse("admin:articles_article_change", args=[article.pk])
    calls = [
        ("get", change, {"recover": junk}),
        ("get", reverse("admin:articles_article_add"), {"recover": junk}),
        (
            "get",
            reverse("admin:articles_article_revision_compare", args=[article.pk]),
            {"from": junk, "to": junk},
        ),
        (
            "post",
            reverse("admin:articles_article_corrections", args=[article.pk]),
            {"amends": junk, "text": "A fix."},
        ),
        ("post", reverse("admin:articles_article_notes", args=[article.pk]), {"resolve": junk}),
        (
            "post",
            reverse("admin:articles_article_notes", args=[article.pk]),
            {"body": "Hi", "parent": junk},
        ),
        ("post", reverse("admin:articles_article_assign", args=[article.pk]), {"assignee": junk}),
        ("post", reverse("admin:articles_article_share_create", args=[article.pk]), {"days": junk}),
        ("get", reverse("admin:images_image_library"), {"id": junk, "page": junk}),
        ("get", reverse("admin:articles_article_changelist"), {"assignee__id__exact": junk}),
        ("get", reverse("admin:articles_article_changelist"), {"topics__id__exact": junk}),
        ("get", reverse("admin:articles_article_changelist"), {"p": junk, "o": junk}),
    ]
    for object_view in ("workflow", "notes", "assign", "share_create", "corrections", "autosave"):
        calls.append(
            ("post", reverse(f"admin:articles_article_{object_view}", args=[junk or "x"]), {})
        )
    for object_view in ("revisions", "revision_compare"):
        calls.append(
            ("get", reverse(f"admin:articles_article_{object_view}", args=[junk or "x"]), {})
        )
    for rev_view in ("revision_restore", "revision_approve", "revision_send_back"):
        calls.append(
            (
                "post",
                f"{change.removesuffix('change/')}revisions/{junk}/{rev_view.split('_', 1)[1].replace('_', '-')}/",
                {},
            )
        )
    calls.append(("post", f"{change.removesuffix('change/')}share-links/{junk}/revoke/", {}))
    author = make_columnist().author_profile
    for decision in ("approve", "decline"):
        calls.append(("post", f"/admin/authors/author/{junk}/profile-changes/1/{decision}/", {}))
        calls.append(
            ("post", f"/admin/authors/author/{author.pk}/profile-changes/{junk}/{decision}/", {})
        )
    calls.append(("get", f"/admin/notifications/open/{junk or 'x'}/", {}))

    failures = [
        (method, url, data, status)
        for method, url, data in calls
        if (status := getattr(client, method)(url, data).status_code) >= 500
    ]

    assert failures == []


def test_a_malformed_featured_picture_id_in_the_article_form_is_a_form_error(client):
    from tests.admin_forms import change_form_data

    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile])
    client.force_login(columnist)
    change = reverse("admin:articles_article_change", args=[article.pk])

    response = client.post(change, change_form_data(client.get(change), featured_image="²"))

    assert response.status_code == 200
    assert "featured_image" in response.context["adminform"].form.errors


def test_the_login_throttling_clean_up_action_works_from_the_admin(client):
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.create(
        username="someone", ip_address="192.0.2.1", user_agent="", failures_since_start=1
    )
    client.force_login(make_admin())

    response = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "cleanup_expired_attempts", ACTION_CHECKBOX_NAME: [str(attempt.pk)]},
    )

    assert response.status_code == 302
    assert any("Cleaned up" in str(m) for m in get_messages(response.wsgi_request))
