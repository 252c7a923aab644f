"""On author and topic pages the first card's picture is the largest paint: it loads at once, first."""

import re
from datetime import timedelta

import pytest

from articles.models import Topic
from tests.factories import make_author, make_image, make_published

pytestmark = pytest.mark.django_db

CARD_IMAGES = re.compile(r'<img class="card-image"[^>]*>')


@pytest.fixture
def listed():
    author = make_author("Ada Columnist", slug="ada")
    topic = Topic.objects.create(name="Housing", slug="housing")
    for days in range(3):
        make_published(
            authors=[author],
            topics=[topic],
            featured_image=make_image(width=1000, height=600),
            ago=timedelta(days=days + 1),
        )
    return author, topic


@pytest.mark.parametrize("page", ["author", "topic"])
def test_the_first_cards_picture_is_eager_and_high_priority_the_rest_lazy(client, listed, page):
    author, topic = listed
    url = author.get_absolute_url() if page == "author" else topic.get_absolute_url()

    first, *rest = CARD_IMAGES.findall(client.get(url).content.decode())

    assert 'fetchpriority="high"' in first and 'loading="lazy"' not in first
    assert len(rest) == 2
    assert all('loading="lazy"' in img and "fetchpriority" not in img for img in rest)
