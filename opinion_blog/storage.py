"""Uploads on a disk that may be full or read-only.

Django's ``FileSystemStorage`` writes a file in place: when the disk fills up
part-way, the truncated file stays under its final name (a 950 KB picture left
60 KB behind, and the disk stayed full). This storage writes to a hidden
temporary name in the same folder, links it into place only once every byte is
written, and removes the temporary file whatever happens, so a failed write
leaves nothing behind and no reader ever sees half a file.

``storage_error_message`` turns the storage errors an operator causes (full disk,
quota, read-only mount, permissions) into one sentence for the person uploading.
"""

import contextlib
import errno
import os
import secrets

from django.core.files.storage import FileSystemStorage as DjangoFileSystemStorage
from django.utils._os import safe_makedirs

# errno -> why the storage refused, as the person uploading reads it.
STORAGE_ERRORS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk is full (the storage quota is used up)",
    errno.EROFS: "the storage is read-only",
    errno.EACCES: "the server may not write to its storage",
    errno.EPERM: "the server may not write to its storage",
}
FULL = {errno.ENOSPC, errno.EDQUOT}
# What link() answers on filesystems that have no hard links.
NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK}


def storage_error_reason(error):
    """'the disk is full', or None if ``error`` is not the storage refusing a write."""
    if not isinstance(error, OSError) or isinstance(error, FileExistsError):
        return None
    return STORAGE_ERRORS.get(error.errno)


def storage_error_message(error, what="The picture"):
    """'The picture could not be stored: the disk is full. …', or None if not a storage error."""
    reason = storage_error_reason(error)
    if reason is None:
        return None
    return f"{what} could not be stored: {reason}. Nothing was saved; please tell an administrator."


def storage_error_status(error):
    """507 Insufficient Storage for a full disk, 503 for a storage that refuses writes."""
    return 507 if getattr(error, "errno", None) in FULL else 503


class FileSystemStorage(DjangoFileSystemStorage):
    """The local disk, written all or nothing (see the module docstring)."""

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        if self.directory_permissions_mode is not None:
            safe_makedirs(directory, self.directory_permissions_mode, exist_ok=True)
        else:
            os.makedirs(directory, exist_ok=True)
        partial = os.path.join(directory, f".partial-{secrets.token_hex(8)}")
        try:
            # 0o666 less the umask, like Django's own write.
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "wb") as file:
                for chunk in content.chunks():
                    file.write(chunk if isinstance(chunk, bytes) else chunk.encode())
            if self.file_permissions_mode is not None:
                os.chmod(partial, self.file_permissions_mode)
            while True:
                try:
                    if self._allow_overwrite:
                        os.replace(partial, full_path)
                    else:
                        self._move_into_place(partial, full_path)
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
        name = os.path.relpath(full_path, self.location)
        self._ensure_location_group_id(full_path)
        return str(name).replace("\\", "/")

    @staticmethod
    def _move_into_place(partial, full_path):
        """Give the written file its name, never replacing a file that has it already."""
        try:
            os.link(partial, full_path)  # atomic, and fails if the name was taken meanwhile
        except OSError as error:
            if error.errno not in NO_HARD_LINKS:
                raise
            # A filesystem without hard links (some network shares): check, then rename.
            if os.path.lexists(full_path):
                raise FileExistsError(errno.EEXIST, "File exists", full_path) from None
            os.rename(partial, full_path)
