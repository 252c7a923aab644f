"""Connection settings the app sets on PostgreSQL for its workload."""

import pytest
from django.db import connection


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL setting")
def test_jit_is_off_for_the_apps_short_indexed_queries():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_production_settings_give_up_on_an_unreachable_database_within_seconds():
    """The pool's defaults (10 s to wait, 5 minutes of doubling retry pauses) kept requests
    waiting through an outage and the site down long after it: both are short here."""
    import json
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x",
        "SECRET_KEY": "s" * 10 + "0123456789abcdefghijklmnopqrstuvwxyz0123456789",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    code = (
        "import json, opinion_blog.settings as s; "
        "print(json.dumps(s.DATABASES['default']['OPTIONS']))"
    )
    options = json.loads(
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.splitlines()[-1]
    )
    assert options["connect_timeout"] == 2
    assert options["pool"]["timeout"] <= 2
    assert options["pool"]["reconnect_timeout"] <= 5
