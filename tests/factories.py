"""Small factory functions: each makes one valid object, with keyword overrides."""

import itertools
import time
from datetime import timedelta
from html.parser import HTMLParser
from io import BytesIO

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image as PillowImage

from articles import counts
from articles.models import Article, Byline, Status
from articles.roles import COLUMNISTS, EDITORS
from articles.search import refresh_search_vectors
from authors.models import Author
from images.models import Image
from signin import second_factor

_sequence = itertools.count(1)


def png_bytes(width=64, height=48, color=(200, 80, 40), image_format="PNG"):
    buffer = BytesIO()
    PillowImage.new("RGB", (width, height), color).save(buffer, format=image_format)
    return buffer.getvalue()


def uploaded_png(name="picture.png", **kwargs):
    return SimpleUploadedFile(name, png_bytes(**kwargs), content_type="image/png")


def make_user(username=None, *, group=None, superuser=False, password="pw-for-tests-1"):
    username = username or f"user{next(_sequence)}"
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.com",
        password=password,
        is_staff=bool(group or superuser),
        is_superuser=superuser,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_author(name=None, *, user=None, **fields):
    number = next(_sequence)
    name = name or f"Author {number}"
    fields.setdefault("slug", f"author-{number}")
    fields.setdefault("bio", f"{name} writes about things.\n\nA second paragraph.")
    return Author.objects.create(name=name, user=user, **fields)


def make_columnist(username=None, name=None):
    user = make_user(username, group=COLUMNISTS)
    make_author(name or f"Columnist {user.username}", user=user)
    return user


def make_editor(username=None):
    return make_user(username, group=EDITORS)


def make_admin(username=None):
    return make_user(username, superuser=True)


# The second sign-in step ---------------------------------------------------------------

# Every test authenticator shares this secret (base32), so a test can type its code.
TEST_TOTP_SECRET = "TESTSTEPTESTSTEPTESTSTEP"


def give_authenticator(user):
    """The user's confirmed authenticator app (made with TEST_TOTP_SECRET if missing)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or second_factor.give_authenticator(user, TEST_TOTP_SECRET)


def totp_code(device):
    """A code the device accepts now: the current one, or the next if that was just used."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += device.step * (device.last_t + 1 - totp.t())
    return f"{totp.token():0{device.digits}d}"


def pass_second_step(client, user):
    """Mark the test client's session as past the second step, as a right code would.

    Called by ``Client.force_login`` (wrapped in tests/conftest.py) for everyone who owes
    the step: editors and administrators get an authenticator if they have none.
    """
    # A fresh copy: the test's own user object keeps no permission cache from this check.
    fresh = type(user)._default_manager.get(pk=user.pk)
    enrolled = TOTPDevice.objects.filter(user=fresh, confirmed=True).exists()
    if not (enrolled or second_factor.is_required(fresh)):
        return
    device = give_authenticator(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def make_image(alt_text="A test picture", credit="Photo: Test Desk", width=64, height=48, **fields):
    return Image.objects.create(
        file=uploaded_png(width=width, height=height),
        alt_text=alt_text,
        credit=credit,
        **fields,
    )


def make_article(
    title=None,
    *,
    authors=(),
    topics=(),
    status=Status.DRAFT,
    published_at=None,
    body="<p>Some words worth reading.</p>",
    **fields,
):
    number = next(_sequence)
    title = title or f"Article {number}"
    fields.setdefault("slug", f"article-{number}")
    article = Article.objects.create(
        title=title, body=body, status=status, published_at=published_at, **fields
    )
    for position, author in enumerate(authors):
        Byline.objects.create(article=article, author=author, position=position)
    if topics:
        article.topics.add(*topics)
    if authors or topics:
        refresh_search_vectors([article.pk])  # as the admin does once bylines and topics are saved
        counts.after_change(counts.Before((article.pk,)))  # as every writer does
    return article


def make_published(title=None, *, ago=timedelta(days=1), **kwargs):
    return make_article(title, status=Status.PUBLISHED, published_at=timezone.now() - ago, **kwargs)


def make_scheduled(title=None, *, ahead=timedelta(hours=1), **kwargs):
    """An article approved for a time that has not come yet."""
    return make_article(
        title, status=Status.SCHEDULED, published_at=timezone.now() + ahead, **kwargs
    )


class _LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self._open = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open.append([dict(attrs).get("href"), ""])

    def handle_data(self, data):
        for link in self._open:
            link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.links.append((href, " ".join(text.split())))


def links_in(response):
    """Every link a reader sees on the page, as ``(href, text)`` in document order."""
    collector = _LinkCollector()
    collector.feed(response.content.decode())
    return collector.links


# Every state an article can be in, as people see it, and how to make it. "due" is a
# schedule whose time has come: stored as scheduled, read as published.
ARTICLE_STATES = {
    "draft": (Status.DRAFT, None),
    "submitted": (Status.SUBMITTED, None),
    "changes_requested": (Status.CHANGES_REQUESTED, None),
    "scheduled": (Status.SCHEDULED, timedelta(days=1)),
    "published": (Status.PUBLISHED, -timedelta(days=1)),
    "due": (Status.SCHEDULED, -timedelta(hours=1)),
    "unpublished": (Status.UNPUBLISHED, -timedelta(days=2)),
    "trashed": (Status.TRASHED, None),
}


def make_article_in(state, **kwargs):
    """A publishable article in ``state`` (a key of ``ARTICLE_STATES``)."""
    status, offset = ARTICLE_STATES[state]
    now = timezone.now()
    if status == Status.SUBMITTED:
        kwargs.setdefault("submitted_at", now - timedelta(hours=3))
    return make_article(
        status=status, published_at=None if offset is None else now + offset, **kwargs
    )
