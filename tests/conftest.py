import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes uploads to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"
