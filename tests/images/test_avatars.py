"""Avatars are served at the size pages show them: a 160 px copy beside the 400 px square."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from PIL import Image as PillowImage

from images.renditions import AVATAR_SIZE, AVATAR_WIDTHS, rendition_name
from tests.factories import make_author, make_published, uploaded_png
from tests.images.media import read, snapshot

pytestmark = pytest.mark.django_db


SMALL_AVATAR_SIZE = AVATAR_WIDTHS[0]


def small_avatar_name(name):
    return rendition_name(name, SMALL_AVATAR_SIZE)


def size_of(name):
    with PillowImage.open(BytesIO(read(name))) as picture:
        return picture.format, picture.size


def test_an_uploaded_portrait_is_stored_square_and_small_too():
    author = make_author("Ada Columnist", avatar=uploaded_png(width=900, height=600))

    assert size_of(author.avatar.name) == ("WEBP", (AVATAR_SIZE, AVATAR_SIZE))
    small = small_avatar_name(author.avatar.name)
    assert size_of(small) == ("WEBP", (SMALL_AVATAR_SIZE, SMALL_AVATAR_SIZE))
    assert set(snapshot()) == {author.avatar.name, small}


def test_the_columnists_index_and_bylines_link_the_small_copy(client):
    author = make_author("Ada Columnist", slug="ada", avatar=uploaded_png(width=500, height=500))
    article = make_published(authors=[author])
    small = default_storage.url(small_avatar_name(author.avatar.name))
    srcset = f'srcset="{small} 160w, {author.avatar.url} 400w"'

    for url in ("/authors/", article.get_absolute_url()):
        html = client.get(url).content.decode()
        assert f'src="{small}" {srcset}' in html, url
