"""Look at what the uploads storage holds and which of its files a page serves.

Everything goes through Django's storage API, so the same tests check the
local disk and an S3 bucket (tests/images/conftest.py runs them on both).
"""

import re
from hashlib import sha256

from django.core.files.storage import default_storage

IMAGE_URLS = re.compile(r'(?:src|content)="([^"]+)"|srcset="([^"]+)"')


def stored_names(folder=""):
    """Every stored file's name, walking the storage's folders."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # the media folder is made by the first upload
        return []
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += stored_names(f"{folder}{sub}/")
    return sorted(names)


def read(name):
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def snapshot():
    """Every stored file, by its name in the storage, with a hash of its bytes."""
    return {name: sha256(read(name)).hexdigest() for name in stored_names()}


def storage_name(url):
    """The stored file behind a media URL, or None for any other URL."""
    probe = "probe/name.png"
    base = default_storage.url(probe).split("?")[0].removesuffix(probe)
    url = url.replace("&amp;", "&").split("?")[0]
    return url.removeprefix(base) if url.startswith(base) else None


def served_media(html):
    """The stored files behind every media URL on a page: img src, srcset entries, og:image."""
    urls = []
    for src, srcset in IMAGE_URLS.findall(html):
        if srcset:
            urls += [entry.split()[0] for entry in srcset.split(",")]
        elif src:
            urls.append(src)
    return sorted({name for name in map(storage_name, urls) if name})
