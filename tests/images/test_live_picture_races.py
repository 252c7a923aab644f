"""A file replacement racing a publish: whichever commits first, readers never see a swapped picture."""

import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections, transaction

from articles import workflow
from images.changes import save_image
from images.models import Image
from images.rules import ImageLocked
from tests.factories import make_article, make_author, make_columnist, make_editor, png_bytes

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks (PostgreSQL)"),
]


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


def in_body(image):
    return (
        f'<figure class="body-image"><img alt="x" data-image-id="{image.pk}"></figure><p>Words.</p>'
    )


@pytest.mark.parametrize("where", ["featured", "body"])
def test_a_replacement_waits_for_a_publish_in_flight_and_is_then_refused(where):
    columnist = make_columnist()
    image = Image.objects.create(
        file=SimpleUploadedFile("first.png", png_bytes(), "image/png"),
        alt_text="The first picture",
        uploaded_by=columnist,
    )
    use = {"featured_image": image} if where == "featured" else {"body": in_body(image)}
    article = make_article(**use, authors=[make_author(user=make_editor())])
    editor = make_editor()
    published, release = threading.Event(), threading.Event()
    outcome = {}

    def publish():
        try:
            with transaction.atomic():
                workflow.publish(article, by=editor)
                published.set()
                release.wait(5)
        finally:
            connections.close_all()

    def replace():
        try:
            mine = Image.objects.get(pk=image.pk)
            mine.file = SimpleUploadedFile("second.png", png_bytes(color=(0, 0, 0)), "image/png")
            save_image(mine, by=columnist)
            outcome["result"] = "replaced"
        except ImageLocked:
            outcome["result"] = "refused"
        finally:
            connections.close_all()

    publisher = threading.Thread(target=publish)
    publisher.start()
    assert published.wait(5)
    replacer = threading.Thread(target=replace)
    replacer.start()
    time.sleep(0.5)
    assert replacer.is_alive()  # waiting on the article's row lock
    release.set()
    publisher.join(5)
    replacer.join(5)

    assert outcome == {"result": "refused"}
    assert Image.objects.get(pk=image.pk).file.name == image.file.name
