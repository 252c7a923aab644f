"""The article admin's revision pages: history, compare, restore, changes to live
articles waiting for approval, corrections and the autosave endpoint.

A mixin for ``ArticleAdmin``: every view finds the article through the admin's own
``get_queryset`` (so other columnists get a 404, as for the article itself) and every
change goes through ``articles.revisions`` or ``articles.corrections``.
"""

from types import SimpleNamespace

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.http import url_has_allowed_host_and_scheme

from articles import corrections, diffs, revision_rows, revisions, workflow
from articles.content import AUTOSAVE_MAX_BYTES, InvalidContent
from articles.models import Approval, Correction, Revision, RevisionKind
from articles.permissions import is_editor
from opinion_blog import rate_limits
from opinion_blog.admin_mixins import pk_or_none

HISTORY_ON_PAGE = 15


def pending_changes():
    """Changes to live articles waiting for an editor, oldest first, for the review desk."""
    return (
        Revision.objects.pending()
        .select_related("article", "created_by")
        .order_by("created_at", "pk")
    )


def _rate_limited(user):
    """At most ``AUTOSAVE_RATE_PER_MINUTE`` autosaves per person per minute, counted
    across every process and server (``opinion_blog.rate_limits``)."""
    limit = getattr(settings, "AUTOSAVE_RATE_PER_MINUTE", 30)
    return not rate_limits.allow("autosave", str(user.pk), limit=limit, per_seconds=60)


class RevisionAdminMixin:
    """Views and hooks that ``ArticleAdmin`` gains for revisions."""

    # URLs, wrapped by the admin site like the other custom views.

    def revision_urls(self, wrap, post_only):
        return [
            path(
                "add/autosave/",
                post_only(self.autosave_new_view),
                name="articles_article_autosave_new",
            ),
            path(
                "<path:object_id>/revisions/",
                wrap(self.revision_list_view),
                name="articles_article_revisions",
            ),
            path(
                "<path:object_id>/revisions/compare/",
                wrap(self.revision_compare_view),
                name="articles_article_revision_compare",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/restore/",
                post_only(self.revision_restore_view),
                name="articles_article_revision_restore",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/approve/",
                post_only(self.revision_approve_view),
                name="articles_article_revision_approve",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/send-back/",
                post_only(self.revision_send_back_view),
                name="articles_article_revision_send_back",
            ),
            path(
                "<path:object_id>/autosave/",
                post_only(self.autosave_view),
                name="articles_article_autosave",
            ),
            path(
                "<path:object_id>/corrections/",
                post_only(self.corrections_view),
                name="articles_article_corrections",
            ),
        ]

    # The change form: a columnist goes on editing their pending change, or
    # recovers their autosaved text.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        request._article_change_form = True
        return super().change_view(request, object_id, form_url, extra_context)

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is None or not getattr(request, "_article_change_form", False):
            return article
        request._article_change_form = False  # only the form's own instance
        source = self._recovering(request, article) or revisions.working_copy(request.user, article)
        if source is not None:
            revisions.overlay(article, source.content)
            article._overlay_topics = source.content.get("topics", [])
            article.form_source = source  # the change page says where the text came from
        return article

    def _recovering(self, request, article):
        revision_id = pk_or_none(Revision, request.GET.get("recover"))
        if revision_id is None:
            return None
        return Revision.objects.filter(
            pk=revision_id, article=article, created_by=request.user, kind=RevisionKind.AUTOSAVE
        ).first()

    # The add form: autosaved too, and its unsaved text is offered back.

    def add_view(self, request, form_url="", extra_context=None):
        autosaved = revisions.new_article_autosave(request.user)
        extra_context = {
            **(extra_context or {}),
            "recoverable_autosave": autosaved if self._recovered_new(request) is None else None,
            "recovered_autosave": self._recovered_new(request),
            "autosave_url": reverse("admin:articles_article_autosave_new"),
            "autosave_seconds": getattr(settings, "AUTOSAVE_SECONDS", 5),
        }
        return super().add_view(request, form_url, extra_context)

    def _recovered_new(self, request):
        if not request.GET.get("recover", "").isdigit():
            return None
        autosaved = revisions.new_article_autosave(request.user)
        return autosaved if autosaved and str(autosaved.pk) == request.GET["recover"] else None

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.pop("recover", None)
        autosaved = self._recovered_new(request)
        if autosaved is not None:
            content = autosaved.content
            for field in revisions.AUTOSAVE_TEXT_FIELDS:
                initial[field] = content.get(field, "")
            initial["topics"] = [SimpleNamespace(name=name) for name in content.get("topics", [])]
        return initial

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        topics = getattr(obj, "_overlay_topics", None)
        if topics is None:
            return form

        class OverlaidForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                # The tag field expects tag-like objects, not names.
                self.initial["topics"] = [SimpleNamespace(name=name) for name in topics]

        return OverlaidForm

    def save_related(self, request, form, formsets, change):
        """Bylines and topics are saved here, so the revision is taken after them."""
        article = form.instance
        if getattr(article, "_held_for_approval", False):
            revisions.save_pending(
                article,
                by=request.user,
                topics=form.cleaned_data.get("topics"),
                base_version=str(form.cleaned_data.get("loaded_version") or ""),
            )
            return
        super().save_related(request, form, formsets, change)
        changed = form.has_changed() or any(formset.has_changed() for formset in formsets)
        revisions.record(article, by=request.user, changed=changed)
        if not change:
            revisions.discard_new_article_autosave(request.user)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form.instance, "_held_for_approval", False):
            return [{"changed": {"fields": ["pending revision"]}}]
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if getattr(obj, "_held_for_approval", False):
            messages.success(
                request,
                "Your change is waiting for an editor’s approval. "
                "Readers still see the live version.",
            )
            return HttpResponseRedirect(self._change_url(obj))
        return super().response_change(request, obj)

    def revision_context(self, request, article):
        """What the change page shows about revisions, corrections and autosave."""
        user = request.user
        page = list(
            article.revisions.history_for(user).select_related("created_by__author_profile")[
                : HISTORY_ON_PAGE + 1
            ]
        )
        history, before = page[:HISTORY_ON_PAGE], page[HISTORY_ON_PAGE:]
        working = revisions.working_copy(user, article)
        pending = revisions.pending_for(article)
        can_correct = (
            user.has_perm("articles.publish_article")
            and article.published_at
            and article.published_at <= timezone.now()
        )
        return {
            "revision_history": history,
            "revision_rows": revision_rows.rows(
                article, history, before=before[0] if before else None
            ),
            "revisions_url": reverse("admin:articles_article_revisions", args=[article.pk]),
            "compare_url": reverse("admin:articles_article_revision_compare", args=[article.pk]),
            "pending_revision": pending,
            "working_copy": working,
            "is_live_article": revisions.is_live(article),
            "offer_save_as_pending": revisions.is_live(article) and is_editor(user),
            "recoverable_autosave": revisions.recoverable_autosave(
                article, user, against=working.content if working else None
            ),
            "autosave_url": reverse("admin:articles_article_autosave", args=[article.pk]),
            "autosave_seconds": getattr(settings, "AUTOSAVE_SECONDS", 5),
            "corrections": list(article.corrections.select_related("created_by")),
            "can_correct": bool(can_correct),
            "corrections_url": reverse("admin:articles_article_corrections", args=[article.pk]),
        }

    # History and compare.

    def _history(self, request, article):
        return article.revisions.history_for(request.user).select_related(
            "created_by__author_profile"
        )

    def revision_list_view(self, request, object_id):
        article = self._get_viewable(request, object_id)
        history = list(self._history(request, article))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Revisions of “{article}”",
            "opts": self.opts,
            "original": article,
            "revision_history": history,
            "revision_rows": revision_rows.rows(article, history),
            "compare_url": reverse("admin:articles_article_revision_compare", args=[article.pk]),
            "can_edit_article": self.has_change_permission(request, article),
        }
        return TemplateResponse(request, "admin/articles/article/revision_list.html", context)

    def _side(self, request, article, value):
        """One side of a comparison: a revision of this article, or "live" for the row."""
        if value in ("", "live"):
            return "The current version", revisions.snapshot(article), None
        if pk_or_none(Revision, value) is None:
            raise Http404("No such revision.")
        revision = self._history(request, article).filter(pk=value).first()
        if revision is None:
            raise Http404("No such revision.")
        return None, revision.content, revision

    def revision_compare_view(self, request, object_id):
        article = self._get_viewable(request, object_id)
        old_label, old, old_revision = self._side(request, article, request.GET.get("from", ""))
        new_label, new, new_revision = self._side(request, article, request.GET.get("to", "live"))
        can_decide = (
            new_revision is not None
            and new_revision.approval == Approval.PENDING
            and request.user.has_perm("articles.publish_article")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Compare revisions of “{article}”",
            "opts": self.opts,
            "original": article,
            "old_label": old_label,
            "new_label": new_label,
            "old_revision": old_revision,
            "new_revision": new_revision,
            "fields": diffs.compare(old, new),
            "pictures": diffs.compare_pictures(old, new),
            "can_edit_article": self.has_change_permission(request, article),
            "live_changed_since": new_revision is not None
            and new_revision.approval == Approval.PENDING
            and new_revision.base_version not in ("", self._version(article)),
            "can_decide": can_decide,
            # What this page shows, for the approval to check (``revisions.approve``).
            "seen": revisions.fingerprint(new_revision, article) if can_decide else "",
        }
        return TemplateResponse(request, "admin/articles/article/revision_compare.html", context)

    # Changes.

    def _revision(self, request, article, revision_id):
        revision = self._history(request, article).filter(pk=revision_id).first()
        if revision is None:
            raise Http404("No such revision.")
        return revision

    def _back(self, request, default):
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            next_url = default
        return HttpResponseRedirect(next_url)

    def revision_restore_view(self, request, object_id, revision_id):
        article = self._get_viewable(request, object_id)
        revision = self._revision(request, article, revision_id)
        try:
            new = revisions.restore(revision, by=request.user)
        except workflow.TransitionError as error:
            messages.error(request, str(error))
        else:
            if new.approval == Approval.PENDING:
                messages.success(
                    request,
                    "The earlier revision is now a change waiting for an editor’s approval.",
                )
            else:
                messages.success(request, "The earlier revision was restored as a new revision.")
        return HttpResponseRedirect(self._change_url(article))

    def revision_approve_view(self, request, object_id, revision_id):
        article = self._get_viewable(request, object_id)
        revision = self._revision(request, article, revision_id)
        try:
            revisions.approve(revision, by=request.user, seen=request.POST.get("seen", "")[:100])
        except workflow.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"The change to “{article}” is live.")
        return self._back(request, self._change_url(article))

    def revision_send_back_view(self, request, object_id, revision_id):
        article = self._get_viewable(request, object_id)
        revision = self._revision(request, article, revision_id)
        try:
            revisions.send_back(revision, by=request.user, note=request.POST.get("note", ""))
        except workflow.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"The change to “{article}” went back to its author.")
        return self._back(request, self._change_url(article))

    def corrections_view(self, request, object_id):
        article = self._get_viewable(request, object_id)
        amends_id = request.POST.get("amends", "")
        amends = None
        if amends_id:
            amends = Correction.objects.filter(
                pk=pk_or_none(Correction, amends_id), article=article
            ).first()
            if amends is None:
                messages.error(request, "That correction no longer exists.")
                return HttpResponseRedirect(self._change_url(article) + "#corrections")
        try:
            corrections.add_correction(
                article, by=request.user, text=request.POST.get("text", ""), amends=amends
            )
        except workflow.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "The correction is published at the end of the article.")
        return HttpResponseRedirect(self._change_url(article) + "#corrections")

    # Autosave.

    def _version(self, article):
        """The version the change form hands out, which saves and autosaves must match."""
        return str(self.form(instance=article)["loaded_version"].value() or "")

    def autosave_new_view(self, request):
        """Keep the text of a new article that has not been saved yet."""
        if _too_large(request):
            return _too_large_response()
        if not self.has_add_permission(request):
            return JsonResponse({"error": "You can’t write articles."}, status=403)
        if _rate_limited(request.user):
            return JsonResponse(
                {"error": "Saving too often; your text will be saved in a moment."}, status=429
            )
        try:
            revision = revisions.autosave(None, by=request.user, data=request.POST)
        except InvalidContent as error:
            return JsonResponse({"error": str(error)}, status=400)
        when = time_format(timezone.localtime(revision.created_at), "H:i")
        return JsonResponse({"saved_at": when})

    def autosave_view(self, request, object_id):
        """Keep the writer's unsaved text; answers JSON for the autosave script."""
        if _too_large(request):
            return _too_large_response()
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_permission(request, article):
            return JsonResponse({"error": "No such article."}, status=404)
        if not self.has_change_permission(request, article):
            return JsonResponse({"error": "You can’t change this article now."}, status=403)
        if _rate_limited(request.user):
            return JsonResponse(
                {"error": "Saving too often; your text will be saved in a moment."}, status=429
            )
        stored_version = self._version(article)
        if request.POST.get("loaded_version", "") != stored_version:
            return JsonResponse(
                {
                    "error": "Someone else saved this article after you opened it. "
                    "Your text was not saved in the background: save the form to compare.",
                    "conflict": True,
                },
                status=409,
            )
        try:
            revision = revisions.autosave(
                article, by=request.user, data=request.POST, base_version=stored_version
            )
        except InvalidContent as error:
            return JsonResponse({"error": str(error)}, status=400)
        when = time_format(timezone.localtime(revision.created_at), "H:i")
        return JsonResponse({"saved_at": when})


def _too_large(request):
    """Whether an autosave carries more than ``AUTOSAVE_MAX_BYTES``, judged before it is read."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > AUTOSAVE_MAX_BYTES


def _too_large_response():
    return JsonResponse(
        {
            "error": "Not saved in the background: the text is larger than "
            f"{AUTOSAVE_MAX_BYTES // 1_000_000} MB. Save the form to keep it."
        },
        status=413,
    )
