"""Look at what the media folder holds and which of its files a page serves."""

import re
from hashlib import sha256
from pathlib import Path

from django.conf import settings

IMAGE_URLS = re.compile(r'(?:src|content)="([^"]+)"|srcset="([^"]+)"')


def snapshot():
    """Every stored file, by its path under MEDIA_ROOT, with a hash of its bytes."""
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def served_media(html):
    """The stored files behind every media URL on a page: img src, srcset entries, og:image."""
    media_url = "/" + settings.MEDIA_URL.strip("/") + "/"
    urls = []
    for src, srcset in IMAGE_URLS.findall(html):
        if srcset:
            urls += [entry.split()[0] for entry in srcset.split(",")]
        elif src:
            urls.append(src)
    names = {url.split(media_url, 1)[1] for url in urls if media_url in url}
    return sorted(Path(settings.MEDIA_ROOT) / name for name in names)
