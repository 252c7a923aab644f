"""Files a save writes are removed again when that save fails.

Storage is not transactional: a file written before an INSERT that then fails,
or inside a transaction that is later rolled back, stays on disk with nothing
pointing at it. Code that writes files records their names here, inside a
``removed_if_failed()`` block; when the block ends with an exception the files
are deleted, and when it succeeds they pass to the enclosing block, so the
outermost block (the whole admin request, say) decides.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.files.storage import default_storage

_written = ContextVar("files written by the current save", default=None)


def record(*names, storage=default_storage):
    """Note files just written; outside any block this does nothing."""
    pending = _written.get()
    if pending is not None:
        pending.extend((storage, name) for name in names if name)


@contextmanager
def removed_if_failed():
    outer = _written.get()
    pending = []
    token = _written.set(pending)
    try:
        yield
    except BaseException:
        for storage, name in pending:
            storage.delete(name)
        raise
    finally:
        _written.reset(token)
    if outer is not None:
        outer.extend(pending)
