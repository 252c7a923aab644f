"""Fill the site with a small newsroom: logins, authors, topics and articles in every state.

Articles reach their state through the real transitions in ``articles.workflow``, done by
the demo user who would do them, so the audit log reads like a real desk's. Anything that
already exists (looked up by username or slug) is left alone, so running it again is safe.
"""

import os
import random
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from articles import corrections, counts, notes, revisions, workflow
from articles.models import (
    Article,
    ArticleEvent,
    Byline,
    Correction,
    FrontPageSlot,
    ReviewNote,
    Revision,
    Status,
    TaggedArticle,
    Topic,
)
from articles.roles import COLUMNISTS, EDITORS
from authors.models import Author, AuthorLink
from demo import content, pictures
from demo import submissions as demo_submissions
from images.models import Image
from notifications import events as notification_events
from notifications.models import Notification
from opinion_blog.bulk_writes import analyze
from opinion_blog.content_version import public_content_changed
from signin import second_factor

CREDIT = "Illustration: Opinion Blog studio"
GROUP_FOR_ROLE = {"Editor": EDITORS, "Columnist": COLUMNISTS}


def hours(low, high, rng):
    return timedelta(hours=rng.uniform(low, high))


def forget(name):
    """Remove a file an earlier, since-deleted database left behind, so the name stays stable."""
    if default_storage.exists(name):
        default_storage.delete(name)


class Command(BaseCommand):
    help = (
        "Create demo logins, authors, topics and articles in every workflow state. Safe to rerun."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even though DEBUG is off.")

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo creates accounts with published passwords; it only runs with DEBUG on. "
                "Use --force to run it anyway."
            )
        started = time.monotonic()
        self.now = timezone.now()
        self.specs = {spec["slug"]: spec for spec in content.ARTICLES}
        self.images = {}
        # The demo's history fills the inboxes, but is nobody's news by email.
        with transaction.atomic(), notification_events.without_email():
            self.users = self.load_logins()
            self.authors = self.load_authors()
            self.topics = self.load_topics()
            existing = set(
                Article.objects.filter(slug__in=self.specs).values_list("slug", flat=True)
            )
            new = [spec for spec in content.ARTICLES if spec["slug"] not in existing]
            for spec in new:
                self.write(spec)
            self.after_publication()
            self.arrange_front_page()
            # Outside voices: op-eds and letters from the public, in every desk state.
            self.new_submissions = demo_submissions.load(self.users)
            # Servers already running must show the new content.
            counts.recount_all()
            public_content_changed()
        analyze(
            Article, Byline, TaggedArticle, Topic, Author, AuthorLink, Image, Revision, ArticleEvent
        )
        self.report(len(new), time.monotonic() - started)

    # People and topics -------------------------------------------------------------------

    def load_logins(self):
        User = get_user_model()
        usernames = [username for _, username, *_ in content.LOGINS]
        users = {user.username: user for user in User.objects.filter(username__in=usernames)}
        groups = {
            group.name: group for group in Group.objects.filter(name__in=[EDITORS, COLUMNISTS])
        }
        if len(groups) < 2:
            raise CommandError("The Editors and Columnists groups are missing. Run migrate first.")
        hashed = None
        for role, username, first_name, last_name, _ in content.LOGINS:
            if username in users:
                continue
            # One shared demo password: hash it once, since hashing is slow on purpose.
            hashed = hashed or make_password(content.PASSWORD)
            user = User.objects.create(
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@example.com",
                password=hashed,
                is_staff=True,
                is_superuser=role == "Administrator",
            )
            if role in GROUP_FOR_ROLE:
                user.groups.add(groups[GROUP_FOR_ROLE[role]])
            users[username] = user
        for user in users.values():
            # Editors and the administrator owe the second step: one shared demo authenticator.
            if second_factor.is_required(user) and not second_factor.is_enrolled(user):
                second_factor.give_authenticator(user, content.TOTP_SECRET, "Demo authenticator")
        return users

    def load_authors(self):
        slugs = [spec["slug"] for spec in content.AUTHORS]
        authors = {author.slug: author for author in Author.objects.filter(slug__in=slugs)}
        for spec in content.AUTHORS:
            if spec["slug"] in authors:
                continue
            forget(f"avatars/{spec['slug']}.webp")
            author = Author(
                name=spec["name"],
                slug=spec["slug"],
                bio=spec["bio"],
                user=self.users.get(spec["username"]),
                avatar=ContentFile(pictures.avatar(spec["name"], spec["palette"]), "avatar.png"),
            )
            author.save()  # Author.save crops the avatar and stores it as avatars/<slug>.webp
            AuthorLink.objects.bulk_create(
                AuthorLink(author=author, label=label, url=url, position=position)
                for position, (label, url) in enumerate(spec["links"])
            )
            authors[author.slug] = author
        return authors

    def load_topics(self):
        topics = {
            topic.slug: topic
            for topic in Topic.objects.filter(slug__in=[t[1] for t in content.TOPICS])
        }
        for name, slug, description in content.TOPICS:
            if slug not in topics:
                topics[slug] = Topic.objects.create(name=name, slug=slug, description=description)
        return {
            name: topics[slug] for name, slug, _ in content.TOPICS
        }  # found by slug, used by name

    def arrange_front_page(self):
        """Feature a few topics in the header and place a lead and picks, unless editors have."""
        if not Topic.objects.filter(featured_in_navigation=True).exists():
            for order, name in enumerate(content.NAVIGATION_TOPICS):
                Topic.objects.filter(pk=self.topics[name].pk).update(
                    featured_in_navigation=True, navigation_order=order
                )
        if not FrontPageSlot.objects.exists():
            # Not simply the newest: the lead shows the editors' choice.
            chosen = Article.objects.published().filter(featured_image__isnull=False)[1:6]
            FrontPageSlot.objects.bulk_create(
                FrontPageSlot(position=position, article=article)
                for position, article in enumerate(chosen)
            )

    def image(self, spec, uploader):
        """The article's featured image, drawn once; ``picture_of`` borrows another article's."""
        spec = self.specs[spec["picture_of"]] if "picture_of" in spec else spec
        if "picture" not in spec:
            return None
        # Stored names are random (see images.models.upload_path): find it by its article.
        image = (
            self.images.get(spec["slug"])
            or Image.objects.filter(featured_in__slug=spec["slug"]).first()
        )
        if image is None:
            data, alt_text = pictures.featured(spec["slug"], *spec["picture"])
            image = Image.objects.create(
                file=ContentFile(data, f"demo-{slugify(spec['slug'])}.jpg"),
                alt_text=alt_text,
                credit=CREDIT,
                uploaded_by=uploader,
            )
        self.images[spec["slug"]] = image
        return image

    # Articles ----------------------------------------------------------------------------

    def at(self, days_from_today, hh_mm):
        """An aware datetime ``days_from_today`` days away at ``hh_mm``, newsroom time."""
        day = timezone.localdate(self.now) + timedelta(days=days_from_today)
        return timezone.make_aware(datetime.combine(day, datetime.strptime(hh_mm, "%H:%M").time()))

    def step(self, when, transition, article, **kwargs):
        """Make one real transition, then date its audit entry to when the demo says it happened."""
        started = timezone.now()
        transition(article, **kwargs)
        latest = article.events.latest("pk")
        ArticleEvent.objects.filter(pk=latest.pk).update(created_at=when)  # demo backdating
        self.backdate_notifications(article, started, when)
        return latest

    def backdate_notifications(self, article, since, when):
        """Date the inbox entries a demo step made to that step; old news is already read."""
        read_at = when if when < self.now - timedelta(days=2) else None
        Notification.objects.filter(article=article, created_at__gte=since).update(
            created_at=when, read_at=read_at
        )

    def write(self, spec):
        rng = random.Random(spec["slug"])
        state = spec.get("state", Status.PUBLISHED)
        lead = self.authors[spec["authors"][0]]
        writer = lead.user or self.users["editor"]  # a guest's pieces are filed by the desk
        editor = self.users[spec.get("editor") or rng.choice(["editor", "editor2"])]

        if "published" in spec:
            published = self.at(-spec["published"][0], spec["published"][1])
            submitted = published - hours(4, 30, rng)
            created = submitted - hours(24, 120, rng)
        else:
            created = self.now - timedelta(days=spec["days_ago"]) - hours(0, 6, rng)
            submitted = created + hours(3, 20, rng)
        decided = submitted + hours(18, 30, rng)

        article = Article(
            title=spec["title"],
            slug=spec["slug"],
            standfirst=spec.get("standfirst", ""),
            body=spec["body"].strip(),
            featured_image=self.image(spec, uploader=writer),
            featured_image_caption=spec.get("caption", ""),
        )
        self.step(created, workflow.create, article, by=writer)
        for position, slug in enumerate(spec["authors"]):
            Byline.objects.get_or_create(
                article=article, author=self.authors[slug], defaults={"position": position}
            )
        article.topics.add(*(self.topics[name] for name in spec["topics"]))
        revisions.record(article, by=writer, changed=False)  # the first saved version

        # Everything except a plain draft goes through the review desk; guests' pieces skip it.
        last = created
        reviewed = state not in (Status.DRAFT, Status.TRASHED) or spec.get("withdrawn")
        if reviewed and lead.user:
            self.step(submitted, workflow.submit, article, by=writer)
            last = submitted
        if spec.get("withdrawn"):
            last = decided
            self.step(last, workflow.withdraw, article, by=writer)
        elif state == Status.TRASHED:
            last = created + hours(24, 48, rng)
            self.step(last, workflow.trash, article, by=writer)
        elif state == Status.SUBMITTED and "assign" in spec:
            self.assign(article, spec, when=submitted + hours(1, 5, rng))
        elif state == Status.CHANGES_REQUESTED:
            last = decided + hours(2, 8, rng)
            self.step(decided, workflow.request_changes, article, by=editor, note=spec["note"])
            note = article.review_notes.latest("pk")
            started = timezone.now()
            reply = notes.add_note(article, by=writer, body=spec["reply"], parent=note)
            self.backdate_notifications(article, started, last)
            ReviewNote.objects.filter(pk=note.pk).update(created_at=decided)  # demo backdating
            ReviewNote.objects.filter(pk=reply.pk).update(created_at=last)
        elif state == Status.SCHEDULED:
            last = decided
            publish_at = self.at(*spec["publish_in"])
            self.step(last, workflow.schedule, article, by=editor, publish_at=publish_at)
        elif state in (Status.PUBLISHED, Status.UNPUBLISHED):
            last = published
            self.step(last, workflow.publish, article, by=editor)
            if state == Status.UNPUBLISHED:
                last = self.now - timedelta(days=spec["unpublished_days_ago"]) - hours(0, 4, rng)
                self.step(last, workflow.unpublish, article, by=editor, reason=spec["reason"])

        # Demo backdating: the transitions stamped "now"; move the article to its own past.
        Revision.objects.filter(article=article).update(created_at=created)
        dates = {"created_at": created, "updated_at": last}
        if article.submitted_at:
            dates["submitted_at"] = submitted
        if state in (Status.PUBLISHED, Status.UNPUBLISHED):
            dates["published_at"] = published
        Article.objects.filter(pk=article.pk).update(**dates)

    def after_publication(self):
        """Pending changes, corrections and disclosures, each added once (rerun-safe)."""
        articles = Article.objects.in_bulk(content.AFTER_PUBLICATION, field_name="slug")
        for slug, extra in content.AFTER_PUBLICATION.items():
            article = articles.get(slug)
            if article is None or not article.is_published:
                continue
            if "disclosure" in extra and not article.disclosure:
                Article.objects.filter(pk=article.pk).update(disclosure=extra["disclosure"])
            if "corrections" in extra and not article.corrections.exists():
                for days_ago, text in extra["corrections"]:
                    editor = self.users[extra["editor"]]
                    correction = corrections.add_correction(article, by=editor, text=text)
                    when = self.now - timedelta(days=days_ago)
                    # Demo backdating: the correction, its audit entry and revision.
                    Correction.objects.filter(pk=correction.pk).update(created_at=when)
                    article.events.filter(action="correction", note=text).update(created_at=when)
                    article.revisions.filter(kind="correction", note=text).update(created_at=when)
            change = extra.get("pending_change")
            if change and not article.revisions.filter(kind="pending").exists():
                article.standfirst = change["standfirst"]
                article.body = f"{article.body}\n<p>{change['paragraph']}</p>"
                started = timezone.now()
                pending = revisions.save_pending(article, by=self.users[change["username"]])
                when = self.now - timedelta(days=change["days_ago"])
                Revision.objects.filter(pk=pending.pk).update(created_at=when)
                article.events.filter(action="change_pending").update(created_at=when)
                self.backdate_notifications(article, started, when)

    def assign(self, article, spec, when):
        """Put a submission on an editor's desk; a due date in the past makes it overdue."""
        assignee, due_in = spec["assign"]
        assignee = self.users[assignee]
        due = timezone.localdate(self.now) + timedelta(days=due_in)
        today = timezone.localdate(self.now)
        # assign() refuses a date already passed, so an overdue one is set to today, then moved.
        event = self.step(
            when,
            workflow.assign,
            article,
            by=self.users["editor"],
            assignee=assignee,
            due=max(due, today),
        )
        if due < today:  # demo backdating, note included, as if assigned when it was submitted
            Article.objects.filter(pk=article.pk).update(review_due=due)
            ArticleEvent.objects.filter(pk=event.pk).update(
                note=workflow.assignment_note(assignee, due)
            )

    # Report ------------------------------------------------------------------------------

    def report(self, new, seconds):
        states = " · ".join(
            f"{label.lower()} {Article.objects.in_state(status).count()}"
            for status, label in Status.choices
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready in {seconds:.1f} s ({new} new articles this run)."
            )
        )
        self.stdout.write(
            f"{get_user_model().objects.count()} logins, {Author.objects.count()} authors, "
            f"{Topic.objects.count()} topics, {Article.objects.count()} articles, "
            f"{Image.objects.count()} images.\nArticles: {states}.\n"
            f"Outside voices: {self.new_submissions} new submissions this run (Admin → "
            "Submissions; one published letter on /letters/).\n"
        )
        rows = [("Role", "Username", "Password", "What to try")]
        rows += [
            (role, username, content.PASSWORD, tip) for role, username, _, _, tip in content.LOGINS
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        for number, row in enumerate(rows):
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            line = "  ".join([*cells, row[3]])
            self.stdout.write(self.style.MIGRATE_HEADING(line) if number == 0 else line)
        site = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
        self.stdout.write(
            f"\nThe site:  {site}/\nThe admin: {site}/admin/\n"
            "Every demo login shares that password. Never run this on a public site.\n"
            "Editors and the administrator then type a code from an authenticator app set up "
            f"with the demo key {content.TOTP_SECRET} (base32, 6 digits, 30 s), or from\n"
            f"  oathtool --totp -b {content.TOTP_SECRET}"
        )
