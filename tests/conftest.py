import importlib

import pytest
from django.test.client import ClientMixin

# Staff in tests: ``client.force_login(user)`` (and pytest-django's ``admin_client``)
# sign in *and* pass the second sign-in step, as a password plus a right code would;
# editors and administrators are given an authenticator (tests.factories.TEST_TOTP_SECRET)
# if they have none. Tests about the second step itself use ``password_only_login``.
_force_login = ClientMixin.force_login


def password_only_login(client, user, backend=None):
    """Django's own force_login: a session that has given a password only."""
    _force_login(client, user, backend)


def _force_login_past_the_second_step(self, user, backend=None):
    from tests.factories import pass_second_step

    _force_login(self, user, backend)
    pass_second_step(self, user)


ClientMixin.force_login = _force_login_past_the_second_step


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes uploads to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _database_outage_forgotten():
    """The memory of a database outage is per process: one test's outage ends with it."""
    from opinion_blog import outage

    outage.record_success()
    yield
    outage.record_success()


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"


def recreate_newsroom_groups():
    """Transactional tests flush the database, the migrations' groups and grants included."""
    from django.apps import apps

    importlib.import_module("articles.migrations.0002_newsroom_groups").create_groups(apps, None)
    importlib.import_module("articles.migrations.0003_front_page").grant_editors(apps, None)
    importlib.import_module("submissions.migrations.0002_desk_permissions_and_replies").setup(
        apps, None
    )
    importlib.import_module("articles.migrations.0013_publishing_checklist").grant_editors(
        apps, None
    )


@pytest.fixture
def newsroom_groups(transactional_db):
    """For transactional tests (``transaction=True``): the newsroom's groups, made again."""
    recreate_newsroom_groups()
