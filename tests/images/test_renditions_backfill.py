"""Pictures and avatars come in the sizes pages ask for, including widths added later."""

from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from images import renditions
from tests.factories import make_author, make_image, uploaded_png

pytestmark = pytest.mark.django_db


def test_a_phone_sized_rendition_is_made_for_every_picture_wide_enough():
    image = make_image(width=1000, height=500)

    assert "-720w.webp 720w" in image.srcset
    assert default_storage.exists(renditions.rendition_name(image.file.name, 720))


def test_make_renditions_fills_in_what_an_older_upload_lacks_and_leaves_the_rest():
    image = make_image(width=1000, height=500)
    author = make_author(avatar=uploaded_png(width=600, height=600))
    lost = [
        renditions.rendition_name(image.file.name, 720),
        renditions.rendition_name(author.avatar.name, 160),
    ]
    kept = renditions.rendition_name(image.file.name, 480)
    kept_bytes = default_storage.open(kept).read()
    for name in lost:
        default_storage.delete(name)

    out = StringIO()
    call_command("make_renditions", stdout=out)

    assert all(default_storage.exists(name) for name in lost)
    assert default_storage.open(kept).read() == kept_bytes
    assert "Renditions written: 2." in out.getvalue()
    call_command("make_renditions", stdout=out)
    assert "Renditions written: 0." in out.getvalue()


def test_avatars_offer_a_small_rendition_for_lists_and_bylines(client):
    author = make_author(avatar=uploaded_png(width=600, height=600))

    small = renditions.rendition_name(author.avatar.name, 160)
    assert f"{default_storage.url(small)} 160w" in author.avatar_srcset
    assert author.avatar_srcset.endswith(f"{author.avatar.url} 400w")
    assert default_storage.exists(small)
