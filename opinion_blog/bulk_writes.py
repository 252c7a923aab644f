"""Helpers for code that writes many rows at once: loaders, generators, imports."""

from django.db import connections


def analyze(*models, using="default"):
    """Refresh the planner's statistics for the tables a bulk writer filled.

    Until autovacuum gets round to it, PostgreSQL plans with the statistics from
    before the load (91 live articles out of 100,000, say) and picks plans that
    read everything. Every bulk writer calls this last, outside its transaction.
    """
    connection = connections[using]
    if connection.vendor not in ("postgresql", "sqlite"):
        return
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
