"""Share links that are plain addresses: no third-party script, button or tracker on our pages."""

from urllib.parse import quote, urlencode


def share_links(url, title):
    """``(network, href)`` pairs for sharing ``url`` with ``title``, each opening the network's own form."""
    text = f"{title} {url}"
    return [
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})),
        ("X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url})),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        (
            "Email",
            f"mailto:?subject={quote(title)}&body={quote(text)}",
        ),
    ]
