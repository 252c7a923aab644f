import importlib

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes uploads to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"


def recreate_newsroom_groups():
    """Transactional tests flush the database, the migrations' groups and grants included."""
    from django.apps import apps

    importlib.import_module("articles.migrations.0002_newsroom_groups").create_groups(apps, None)
    importlib.import_module("articles.migrations.0003_front_page").grant_editors(apps, None)
    importlib.import_module("articles.migrations.0011_publishing_checklist").grant_editors(
        apps, None
    )


@pytest.fixture
def newsroom_groups(transactional_db):
    """For transactional tests (``transaction=True``): the newsroom's groups, made again."""
    recreate_newsroom_groups()
