import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counts and used ALTCHA challenges live in the cache: start each test clean."""
    caches["default"].clear()
    yield
    caches["default"].clear()
