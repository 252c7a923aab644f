"""An approval and a change to one of its pictures, racing on PostgreSQL: the approval
holds the pictures it checked until it commits, so what goes live is what was compared."""

from django.core.files.uploadedfile import SimpleUploadedFile

from articles import revisions
from articles.models import Action, ArticleEvent
from images.changes import save_image
from images.models import Image
from images.rules import ImageLocked
from tests.articles.test_concurrent_saves import (
    _newsroom_groups,  # noqa: F401 (autouse: the groups again after each flush)
    first_writer_held,
    pytestmark,  # noqa: F401 (PostgreSQL only, transactional)
    race,
    stored,
)
from tests.factories import make_article_in, make_columnist, make_editor, make_image, png_bytes


def test_an_alt_text_change_during_an_approval_waits_and_is_recorded_on_the_article(
    monkeypatch,
):
    columnist = make_columnist()
    article = make_article_in("published", title="Live", authors=[columnist.author_profile])
    picture = make_image(alt_text="As compared", uploaded_by=columnist)
    content = revisions.snapshot(article) | {"featured_image": picture.pk}
    pending = revisions.save_pending(article, by=columnist, content=content)
    seen = revisions.fingerprint(pending)
    approver, fixer = make_editor(), make_editor()

    def fix_alt_text():
        image = Image.objects.get(pk=picture.pk)
        image.alt_text = "Fixed later"
        return save_image(image, by=fixer)

    with first_writer_held(monkeypatch, revisions, "_apply_and_save") as gate:
        approval, fix = race(
            gate,
            lambda: revisions.approve(pending, by=approver, seen=seen),
            fix_alt_text,
        )

    assert (approval.error, fix.error) == (None, None)
    article = stored(article)
    assert article.featured_image_id == picture.pk
    # The fix landed after the approval, on an article that now shows the picture.
    event = ArticleEvent.objects.get(article=article, action=Action.IMAGE_CHANGE)
    assert (event.actor, "Fixed later" in event.note) == (fixer, True)


def test_a_file_swap_during_an_approval_waits_and_is_refused(monkeypatch):
    columnist = make_columnist()
    article = make_article_in("published", title="Live", authors=[columnist.author_profile])
    picture = make_image(alt_text="As compared", uploaded_by=columnist)
    content = revisions.snapshot(article) | {"featured_image": picture.pk}
    pending = revisions.save_pending(article, by=columnist, content=content)
    seen = revisions.fingerprint(pending)

    def swap_file():
        image = Image.objects.get(pk=picture.pk)
        image.file = SimpleUploadedFile("swap.png", png_bytes(color=(255, 0, 0)), "image/png")
        return save_image(image, by=columnist)

    with first_writer_held(monkeypatch, revisions, "_apply_and_save") as gate:
        approval, swap = race(
            gate, lambda: revisions.approve(pending, by=make_editor(), seen=seen), swap_file
        )

    assert approval.error is None
    assert isinstance(swap.error, ImageLocked)
    assert stored(article).featured_image_id == picture.pk
    assert Image.objects.get(pk=picture.pk).file.name == picture.file.name
