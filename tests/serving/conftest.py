import pytest
from django.core.cache import caches
from django.test import Client


def _clear_caches():
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def page_cache(settings):
    """The public page cache switched on (tests settings keep it off), empty."""
    settings.PAGE_CACHE_ENABLED = True
    _clear_caches()
    yield
    _clear_caches()


@pytest.fixture
def reader():
    """An anonymous reader with no cookies."""
    return Client()
