"""Share links: one unpublished article's preview for someone without a login, and nothing else."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from articles import share_links
from articles.models import ShareLink
from tests.factories import (
    links_in,
    make_article,
    make_article_in,
    make_columnist,
    make_editor,
    make_user,
)

pytestmark = pytest.mark.django_db


def bylined(state="draft", title="The quiet case for night buses"):
    columnist = make_columnist()
    article = make_article_in(
        state,
        title=title,
        authors=[columnist.author_profile],
        body="<p>A secret draft about buses.</p>",
    )
    return columnist, article


def admin_url(name, *args):
    return reverse(f"admin:articles_article_{name}", args=args)


def messages_in(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


# What a share address opens.


def test_a_valid_link_shows_the_articles_preview_to_anyone(client):
    columnist, article = bylined()
    link = share_links.create(article, by=columnist)

    response = client.get(link.get_absolute_url())

    assert response.status_code == 200
    assert response.context["article"] == article
    assert "A secret draft about buses." in response.content.decode()
    assert "shared with you privately" in response.content.decode()


def test_a_shared_preview_is_never_indexed_or_cached(client):
    columnist, article = bylined()
    response = client.get(share_links.create(article, by=columnist).get_absolute_url())

    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_a_shared_preview_reaches_nothing_else(client):
    columnist, article = bylined()
    other_draft = make_article("Another unpublished draft", body="<p>Other words.</p>")
    response = client.get(share_links.create(article, by=columnist).get_absolute_url())

    hrefs = [href for href, _text in links_in(response)]
    content = response.content.decode()
    assert not [href for href in hrefs if href and "/admin/" in href]
    assert not [href for href in hrefs if href and "/preview/" in href]
    assert other_draft.title not in content
    assert "related_articles" not in response.context
    assert "Related Posts" not in content


def test_an_expired_link_says_so_with_410(client):
    columnist, article = bylined()
    link = share_links.create(article, by=columnist, days=2)

    with time_machine.travel(timezone.now() + timedelta(days=2, minutes=1)):
        response = client.get(link.get_absolute_url())

    assert response.status_code == 410
    assert "This link has expired or was withdrawn" in response.content.decode()
    assert "A secret draft about buses." not in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_link_still_works_until_its_last_minute(client):
    columnist, article = bylined()
    link = share_links.create(article, by=columnist, days=2)

    with time_machine.travel(timezone.now() + timedelta(days=2) - timedelta(minutes=1)):
        assert client.get(link.get_absolute_url()).status_code == 200


def test_a_revoked_link_says_so_with_410(client):
    columnist, article = bylined()
    link = share_links.create(article, by=columnist)
    share_links.revoke(link, by=columnist)

    response = client.get(link.get_absolute_url())

    assert response.status_code == 410
    assert "This link has expired or was withdrawn" in response.content.decode()


def test_a_link_to_an_article_in_the_trash_no_longer_works(client):
    columnist, article = bylined()
    link = share_links.create(article, by=columnist)
    article.status = "trashed"
    article.save()

    assert client.get(link.get_absolute_url()).status_code == 410


@pytest.mark.parametrize(
    "token",
    [
        "1",
        "not-a-token",
        "MQ:1tZ9zz:forgedsignature",
        "x" * 500,
    ],
)
def test_a_forged_link_is_a_404_that_reveals_nothing(client, token):
    columnist, article = bylined()
    share_links.create(article, by=columnist)

    response = client.get(reverse("articles:shared", kwargs={"token": token}))

    assert response.status_code == 404
    assert "This link has expired or was withdrawn" in response.content.decode()
    assert article.title not in response.content.decode()


def test_a_token_signed_for_another_purpose_or_with_another_key_is_refused(client, settings):
    columnist, article = bylined()
    link = share_links.create(article, by=columnist)

    other_salt = signing.Signer(salt="something-else").sign_object(link.pk)
    other_key = signing.Signer(salt="articles.share-link", key="not-our-secret").sign_object(
        link.pk
    )
    # Another article's link id under this link's signature.
    _other_owner, other = bylined(title="Trams")
    other_link = share_links.create(other, by=_other_owner)
    tampered = other_link.token.rsplit(":", 1)[0] + ":" + link.token.rsplit(":", 1)[1]
    for token in (other_salt, other_key, tampered):
        response = client.get(reverse("articles:shared", kwargs={"token": token}))
        assert response.status_code == 404


def test_a_link_has_one_stable_address():
    columnist, article = bylined()
    link = share_links.create(article, by=columnist)
    assert ShareLink.objects.get(pk=link.pk).get_absolute_url() == link.get_absolute_url()


def test_a_link_shows_only_its_own_article(client):
    columnist, article = bylined(title="Buses")
    _other_columnist, other = bylined(title="Trams")
    link = share_links.create(article, by=columnist)
    other_link = share_links.create(other, by=_other_columnist)

    response = client.get(link.get_absolute_url())
    other_response = client.get(other_link.get_absolute_url())

    assert response.context["article"] == article
    assert "Trams" not in response.content.decode()
    assert other_response.context["article"] == other
    # Withdrawing one link leaves the other article's link working.
    share_links.revoke(link, by=columnist)
    assert client.get(other_link.get_absolute_url()).status_code == 200


def test_a_published_articles_link_leads_to_its_public_page(client):
    columnist, article = bylined()
    link = share_links.create(article, by=columnist)
    published = make_article_in("published", authors=[columnist.author_profile])
    ShareLink.objects.filter(pk=link.pk).update(article=published)

    response = client.get(link.get_absolute_url())

    assert response.status_code == 302
    assert response["Location"] == published.get_absolute_url()


def test_the_shared_page_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    columnist, article = bylined()
    url = share_links.create(article, by=columnist).get_absolute_url()
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200


# Who may make and withdraw links.


def test_an_author_and_an_editor_may_make_links_but_not_a_stranger():
    columnist, article = bylined()
    editor = make_editor()
    stranger = make_columnist()
    staff_without_rights = make_user(group=None)
    staff_without_rights.is_staff = True
    staff_without_rights.save()

    assert share_links.create(article, by=columnist).created_by == columnist
    assert share_links.create(article, by=editor).created_by == editor
    for user in (stranger, staff_without_rights):
        with pytest.raises(share_links.ShareError):
            share_links.create(article, by=user)
    assert ShareLink.objects.count() == 2


def test_a_link_lasts_seven_days_unless_told_otherwise():
    columnist, article = bylined()
    link = share_links.create(article, by=columnist)
    assert link.expires_at - link.created_at == timedelta(days=7)
    with pytest.raises(share_links.ShareError):
        share_links.create(article, by=columnist, days=31)
    with pytest.raises(share_links.ShareError):
        share_links.create(article, by=columnist, days=0)


def test_the_author_makes_a_link_from_the_article_page(client):
    columnist, article = bylined()
    client.force_login(columnist)

    response = client.post(admin_url("share_create", article.pk), {"days": "3"})

    assert response.status_code == 302
    assert response["Location"] == admin_url("change", article.pk)
    link = ShareLink.objects.get()
    assert (link.article, link.created_by) == (article, columnist)
    assert link.expires_at - link.created_at == timedelta(days=3)
    page = client.get(admin_url("change", article.pk))
    assert f"http://testserver{link.get_absolute_url()}" in page.content.decode()
    assert "Make a share link" in page.content.decode()


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("0", "at least 1 day"),
        ("31", "at most 30 days"),
        ("seven", "Enter the number of days"),
        ("", "Enter the number of days"),
        ("7\x00", "Enter the number of days"),
    ],
)
def test_a_bad_expiry_is_explained_and_makes_no_link(client, days, message):
    columnist, article = bylined()
    client.force_login(columnist)

    response = client.post(admin_url("share_create", article.pk), {"days": days})

    assert response.status_code == 302
    [(level, text)] = messages_in(response)
    assert level == "error" and message in text
    assert not ShareLink.objects.exists()


def test_a_columnist_cannot_share_or_revoke_someone_elses_article(client):
    owner, article = bylined()
    link = share_links.create(article, by=owner)
    client.force_login(make_columnist())

    assert client.post(admin_url("share_create", article.pk), {"days": "7"}).status_code == 404
    assert client.post(admin_url("share_revoke", article.pk, link.pk)).status_code == 404
    link.refresh_from_db()
    assert link.revoked_at is None
    assert ShareLink.objects.count() == 1


def test_an_editor_revokes_a_link_from_the_article_page(client):
    owner, article = bylined()
    link = share_links.create(article, by=owner)
    editor = make_editor()
    client.force_login(editor)

    response = client.post(admin_url("share_revoke", article.pk, link.pk))

    assert messages_in(response) == [
        ("success", "The share link was withdrawn; it no longer opens.")
    ]
    link.refresh_from_db()
    assert link.revoked_at is not None and link.revoked_by == editor
    assert client.get(link.get_absolute_url()).status_code == 410


def test_a_link_cannot_be_revoked_through_another_articles_page(client):
    owner, article = bylined()
    _other_owner, other = bylined()
    link = share_links.create(other, by=_other_owner)
    client.force_login(owner)

    response = client.post(admin_url("share_revoke", article.pk, link.pk))

    assert messages_in(response) == [("error", "That share link no longer exists.")]
    link.refresh_from_db()
    assert link.revoked_at is None


def test_share_link_views_take_posts_only(client):
    columnist, article = bylined()
    link = share_links.create(article, by=columnist)
    client.force_login(columnist)

    assert client.get(admin_url("share_create", article.pk)).status_code == 405
    assert client.get(admin_url("share_revoke", article.pk, link.pk)).status_code == 405


def test_signed_out_visitors_cannot_manage_links(client):
    columnist, article = bylined()
    link = share_links.create(article, by=columnist)

    response = client.post(admin_url("share_revoke", article.pk, link.pk))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    link.refresh_from_db()
    assert link.revoked_at is None
