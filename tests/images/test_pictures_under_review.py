"""A picture no editor saw never goes live (issue 13 §1).

A picture is frozen (file, alt text, credit) once an article using it leaves Draft
or a pending change refers to it; the compare page shows pictures as pictures; an
approval is refused when what the editor compared changed since.
"""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles import revisions
from articles.models import Approval, Article, Revision
from images.models import Image
from tests.admin_forms import change_form_data
from tests.factories import (
    make_article,
    make_article_in,
    make_columnist,
    make_editor,
    make_image,
    png_bytes,
)
from tests.images.media import snapshot

pytestmark = pytest.mark.django_db


def image_url(image):
    return reverse("admin:images_image_change", args=[image.pk])


def article_url(name, article, *args):
    return reverse(f"admin:articles_article_{name}", args=[article.pk, *args])


def errors(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


def swap_post(**overrides):
    """What the uploader sends to replace the picture behind an editor's back."""
    return {
        "file": SimpleUploadedFile(
            "swap.png", png_bytes(width=900, height=500, color=(255, 0, 0)), "image/png"
        ),
        "alt_text": "Swapped alt text",
        "credit": "Swapped credit",
    } | overrides


def unchanged(image):
    fresh = Image.objects.get(pk=image.pk)
    return (fresh.file.name, fresh.alt_text, fresh.credit) == (
        image.file.name,
        image.alt_text,
        image.credit,
    )


def compare_page(client, article, pending):
    page = client.get(article_url("revision_compare", article), {"from": "live", "to": pending.pk})
    assert page.status_code == 200
    return page


# Frozen: after review (a pending change) and during review.


def test_a_picture_in_a_pending_change_cannot_be_swapped_and_the_editor_approves_what_he_saw(
    client,
):
    columnist = make_columnist()
    article = make_article_in("published", title="Live", authors=[columnist.author_profile])
    client.force_login(columnist)
    uploaded = client.post(
        reverse("admin:images_image_inline_upload"),
        {
            "file": SimpleUploadedFile("p.png", png_bytes(600, 400), "image/png"),
            "alt_text": "The harbour at dawn",
            "credit": "Photo: Ana",
        },
    )
    image = Image.objects.get(pk=uploaded.json()["id"])
    page = client.get(article_url("change", article))
    client.post(article_url("change", article), change_form_data(page, featured_image=image.pk))
    pending = Revision.objects.pending().get()
    assert pending.content["featured_image"] == image.pk
    files = snapshot()

    response = client.post(image_url(image), swap_post())

    assert response.status_code in (200, 302, 403)
    assert unchanged(image) and snapshot() == files
    editor = make_editor()
    client.force_login(editor)
    compare = compare_page(client, article, pending)
    client.post(
        article_url("revision_approve", article, pending.pk), {"seen": compare.context["seen"]}
    )
    article.refresh_from_db()
    assert article.featured_image_id == image.pk
    assert unchanged(image)


@pytest.mark.parametrize(
    "state", ["submitted", "changes_requested", "unpublished", "scheduled", "published"]
)
def test_a_picture_of_an_article_that_left_draft_is_frozen_for_its_uploader(client, state):
    columnist = make_columnist()
    image = make_image(uploaded_by=columnist, alt_text="The harbour", credit="Photo: Ana")
    make_article_in(state, featured_image=image, authors=[columnist.author_profile])
    client.force_login(columnist)
    files = snapshot()

    for data in (swap_post(), {"alt_text": "Swapped", "credit": "Swapped"}):
        response = client.post(image_url(image), data)
        assert response.status_code in (200, 302, 403)

    assert unchanged(image) and snapshot() == files


def test_a_picture_only_in_the_body_of_an_article_in_review_is_frozen_too(client):
    columnist = make_columnist()
    image = make_image(uploaded_by=columnist, alt_text="In the body")
    body = (
        f'<figure class="body-image"><img src="{image.thumbnail_url}" alt="x" '
        f'data-image-id="{image.pk}"></figure><p>Words.</p>'
    )
    make_article_in("submitted", body=body, authors=[columnist.author_profile])
    client.force_login(columnist)

    client.post(image_url(image), swap_post())

    assert unchanged(image)


def test_a_picture_in_the_body_of_a_pending_change_is_frozen(client):
    columnist = make_columnist()
    article = make_article_in("published", authors=[columnist.author_profile])
    image = make_image(uploaded_by=columnist, alt_text="Pending body picture")
    content = revisions.snapshot(article) | {
        "body": f'<figure class="body-image"><img src="/media/x.webp" alt="x" '
        f'data-image-id="{image.pk}"></figure><p>New words.</p>'
    }
    revisions.save_pending(article, by=columnist, content=content)
    client.force_login(columnist)

    client.post(image_url(image), swap_post())

    assert unchanged(image)


def test_the_uploader_still_replaces_a_picture_only_drafts_use(client):
    columnist = make_columnist()
    image = make_image(uploaded_by=columnist)
    make_article(featured_image=image, authors=[columnist.author_profile])
    client.force_login(columnist)

    response = client.post(image_url(image), swap_post())

    assert response.status_code == 302
    assert Image.objects.get(pk=image.pk).alt_text == "Swapped alt text"


def test_changing_a_draft_picture_makes_an_editors_open_page_stale(client):
    """A draft's picture may change, but an editor who read the draft before cannot
    publish the new picture unseen: the article moves to a new version."""
    columnist = make_columnist()
    image = make_image(uploaded_by=columnist)
    article = make_article(featured_image=image, authors=[columnist.author_profile])
    seen = article.version
    client.force_login(columnist)
    client.post(image_url(image), swap_post())

    editor_client = client.__class__()
    editor_client.force_login(make_editor())
    response = editor_client.post(
        article_url("workflow", article), {"_transition": "publish", "_transition_version": seen}
    )

    assert "changed after you opened it" in " ".join(errors(response))
    assert not Article.objects.get(pk=article.pk).is_published


# The compare page shows pictures as pictures, and the approval checks them.


@pytest.fixture
def pending_picture(client):
    """A live article whose pending change swaps its featured picture; an editor compares."""
    columnist = make_columnist()
    before = make_image(alt_text="Old harbour", credit="Photo: Before")
    after = make_image(alt_text="New harbour", credit="Photo: After", uploaded_by=columnist)
    article = make_article_in(
        "published", featured_image=before, authors=[columnist.author_profile]
    )
    content = revisions.snapshot(article) | {"featured_image": after.pk}
    pending = revisions.save_pending(article, by=columnist, content=content)
    client.force_login(make_editor())
    return {"article": article, "pending": pending, "before": before, "after": after}


def test_the_compare_page_shows_both_pictures_with_alt_text_and_credit(client, pending_picture):
    page = compare_page(client, pending_picture["article"], pending_picture["pending"])

    html = page.content.decode()
    for image in (pending_picture["before"], pending_picture["after"]):
        assert f'<img src="{image.thumbnail_url}" alt="{image.alt_text}"' in html
        assert image.credit in html
    row = page.context["pictures"][0]
    assert row.changed and [p.pk for p in row.old] == [pending_picture["before"].pk]
    assert [p.pk for p in row.new] == [pending_picture["after"].pk]
    assert f'name="seen" value="{page.context["seen"]}"' in html


def test_a_file_swapped_between_compare_and_approve_is_refused(client, pending_picture):
    article, pending, after = (pending_picture[k] for k in ("article", "pending", "after"))
    seen = compare_page(client, article, pending).context["seen"]
    other = make_image()
    # Below every rule, as a bug or a storage-level swap would: the bytes are not the ones seen.
    Image.objects.filter(pk=after.pk).update(file=other.file.name)

    response = client.post(article_url("revision_approve", article, pending.pk), {"seen": seen})

    assert "Nothing was approved" in " ".join(errors(response))
    article.refresh_from_db()
    assert article.featured_image_id == pending_picture["before"].pk
    assert Revision.objects.get(pk=pending.pk).approval == Approval.PENDING

    seen = compare_page(client, article, pending).context["seen"]
    client.post(article_url("revision_approve", article, pending.pk), {"seen": seen})
    article.refresh_from_db()
    assert article.featured_image_id == after.pk


def test_alt_text_changed_between_compare_and_approve_is_refused(client, pending_picture):
    article, pending, after = (pending_picture[k] for k in ("article", "pending", "after"))
    seen = compare_page(client, article, pending).context["seen"]
    Image.objects.filter(pk=after.pk).update(alt_text="Not what the editor read")

    response = client.post(article_url("revision_approve", article, pending.pk), {"seen": seen})

    assert "Nothing was approved" in " ".join(errors(response))
    assert Revision.objects.get(pk=pending.pk).approval == Approval.PENDING


def test_an_approval_that_does_not_say_what_was_seen_is_refused(client, pending_picture):
    article, pending = pending_picture["article"], pending_picture["pending"]

    for data in ({}, {"seen": ""}, {"seen": "0" * 64}):
        response = client.post(article_url("revision_approve", article, pending.pk), data)
        assert "Nothing was approved" in " ".join(errors(response))

    assert Revision.objects.get(pk=pending.pk).approval == Approval.PENDING


def test_a_live_edit_between_compare_and_approve_is_refused(client, pending_picture):
    article, pending = pending_picture["article"], pending_picture["pending"]
    seen = compare_page(client, article, pending).context["seen"]
    Article.objects.filter(pk=article.pk).update(version=article.version + 1)

    response = client.post(article_url("revision_approve", article, pending.pk), {"seen": seen})

    assert "Nothing was approved" in " ".join(errors(response))


def test_the_desk_sends_editors_to_compare_before_they_approve(client, pending_picture):
    article, pending = pending_picture["article"], pending_picture["pending"]

    html = client.get(reverse("admin:articles_article_review_desk")).content.decode()

    compare = article_url("revision_compare", article) + f"?from=live&amp;to={pending.pk}"
    assert f'href="{compare}">Compare and approve' in html
    assert article_url("revision_approve", article, pending.pk) not in html


def test_comparing_two_revisions_shows_the_bodys_pictures_as_pictures(client):
    editor = make_editor()
    kept, added = make_image(alt_text="Kept picture"), make_image(alt_text="Added picture")

    def figure(image):
        return (
            f'<figure class="body-image"><img src="{image.thumbnail_url}" alt="x" '
            f'data-image-id="{image.pk}"></figure>'
        )

    article = make_article(body=figure(kept) + "<p>Words.</p>")
    old = revisions.record(article, by=editor)
    Article.objects.filter(pk=article.pk).update(body=figure(kept) + figure(added))
    article.refresh_from_db()
    new = revisions.record(article, by=editor)
    client.force_login(editor)

    page = client.get(article_url("revision_compare", article), {"from": old.pk, "to": new.pk})

    body_row = page.context["pictures"][1]
    assert body_row.changed
    assert [p.alt_text for p in body_row.old] == ["Kept picture"]
    assert [p.alt_text for p in body_row.new] == ["Kept picture", "Added picture"]
    assert f'<img src="{added.thumbnail_url}" alt="Added picture"' in page.content.decode()
