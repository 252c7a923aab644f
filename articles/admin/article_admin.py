import secrets
from datetime import date

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from articles import (
    calendar,
    checklist,
    counts,
    edit_locks,
    editing,
    notes,
    revisions,
    search,
    share_links,
    topic_choice,
    workflow,
)
from articles.desk import review_queue
from articles.models import Article, Byline, ReviewNote, ShareLink, Status
from articles.permissions import can_edit, can_view, is_editor
from authors import profile_changes
from opinion_blog.admin_mixins import EditableWithParentInline, HiddenObjectsAreNotFound

from .filters import ReviewFilter, StateFilter
from .forms import ArticleAdminForm, AssignForm, NoteForm, ShareLinkForm, TransitionForm
from .revision_views import RevisionAdminMixin, pending_changes
from .transition_messages import done_message
from .widgets import FeaturedImageWidget, TolerantAutocompleteMixin


class BylineInline(TolerantAutocompleteMixin, EditableWithParentInline, admin.StackedInline):
    """Bylines are editors' to set; a columnist is credited automatically.

    Stacked rather than tabular: every input keeps a visible label (a table's
    column headings label nothing for assistive technology) and a row fits a phone.
    """

    model = Byline
    extra = 0
    min_num = 0
    autocomplete_fields = ["author"]
    fields = ["author", "position"]
    verbose_name = "author"
    verbose_name_plural = "authors (the first is the main byline)"

    def may_edit_rows(self, request, obj):
        return is_editor(request.user) and (obj is None or can_edit(request.user, obj))

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_article")


@admin.register(Article)
class ArticleAdmin(
    RevisionAdminMixin, TolerantAutocompleteMixin, HiddenObjectsAreNotFound, admin.ModelAdmin
):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    inlines = [BylineInline]
    list_display = [
        "title",
        "editing_now",
        "state_badge",
        "byline_names",
        "published_at",
        "reviewer",
        "updated_at",
    ]
    list_filter = [
        StateFilter,
        ReviewFilter,
        "topics",
        ("assignee", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["title", "standfirst", "bylines__author__name"]
    search_help_text = "Search titles, standfirsts and author names."
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["featured_image"]
    readonly_fields = [
        "state_badge",
        "published_at",
        "revised_at",
        "created_at",
        "updated_at",
        "byline_names",
        "rendered_body",
        "featured_image_preview",
    ]
    date_hierarchy = "published_at"
    list_per_page = 50
    actions = ["trash_selected", "restore_selected", "delete_permanently"]

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "loaded_version",
                    "title",
                    "slug",
                    "standfirst",
                    "disclosure",
                    "no_disclosure",
                    "body",
                ]
            },
        ),
        ("Featured image", {"fields": [("featured_image", "featured_image_caption")]}),
        ("Topics", {"fields": ["topics"]}),
        (
            "Publication",
            {
                "fields": [
                    "state_badge",
                    "byline_names",
                    "published_at",
                    "revised_at",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    # Who sees and edits what.

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .visible_to(request.user)
            .select_related("assignee", "featured_image", "edit_lock__user__author_profile")
            .with_bylines()
        )

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or can_view(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        """Only administrators delete, and only from the trash."""
        return request.user.is_superuser and (obj is None or obj.status == Status.TRASHED)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # Read-only: show the body as readers will see it, not as HTML source.
            first = [
                "rendered_body" if field == "body" else field
                for field in fieldsets[0][1]["fields"]
                if field != "loaded_version"
            ]
            picture = ["featured_image_preview", "featured_image_caption"]
            fieldsets = [
                (None, {"fields": first}),
                ("Featured image", {"fields": picture}),
                *fieldsets[2:],
            ]
        fieldsets = [self._without_empty(fieldset, obj) for fieldset in fieldsets]
        return [fieldset for fieldset in fieldsets if fieldset]

    # Read-only facts a new article does not have yet are left out rather than shown as "—".
    EMPTY_UNTIL = {
        "state_badge": lambda obj: obj is not None,
        "byline_names": lambda obj: obj is not None and bool(obj.byline_authors),
        "published_at": lambda obj: obj is not None and obj.published_at is not None,
        "revised_at": lambda obj: obj is not None and obj.was_revised,
        "created_at": lambda obj: obj is not None,
        "updated_at": lambda obj: obj is not None,
    }

    def _without_empty(self, fieldset, obj):
        name, options = fieldset
        fields = [
            field
            for field in options["fields"]
            if not isinstance(field, str)
            or field not in self.EMPTY_UNTIL
            or self.EMPTY_UNTIL[field](obj)
        ]
        return (name, {**options, "fields": fields}) if fields else None

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "featured_image":
            # Upload and library live in the picker beside the select, not in a popup.
            kwargs["widget"] = FeaturedImageWidget(db_field, self.admin_site)
            formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
            for link in ("add", "change", "delete", "view"):
                setattr(formfield.widget, f"can_{link}_related", False)
            return formfield
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # The form decides on topics for this user.
        return type(form.__name__, (form,), {"user": request.user})

    def get_inlines(self, request, obj):
        return self.inlines if is_editor(request.user) else []

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        actions.pop("delete_selected", None)
        if not request.user.is_superuser:
            actions.pop("delete_permanently", None)
        if not request.user.has_perm("articles.restore_article"):
            actions.pop("restore_selected", None)
        return actions

    def view_on_site(self, obj):
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"pk": obj.pk})

    # Columns and read-only fields.

    @admin.display(description="state", ordering="status")
    def state_badge(self, obj):
        return format_html(
            '<span class="state-badge state-{}">{}</span>', obj.state, obj.get_state_display()
        )

    @admin.display(description="editing now")
    def editing_now(self, obj):
        lock = getattr(obj, "edit_lock", None)  # missing: Django's error is an AttributeError
        if not edit_locks.is_fresh(lock):
            return ""
        since = timezone.localtime(lock.since)
        return format_html(
            '<span class="edit-lock-badge">{} since <time datetime="{}">{}</time></span>',
            edit_locks.person_name(lock.user),
            since.isoformat(),
            since.strftime("%H:%M"),
        )

    @admin.display(description="authors")
    def byline_names(self, obj):
        return ", ".join(author.name for author in obj.byline_authors) or "—"

    @admin.display(description="reviewer", ordering="assignee__first_name")
    def reviewer(self, obj):
        return workflow.display_name(obj.assignee) if obj.assignee else "—"

    @admin.display(description="body")
    def rendered_body(self, obj):
        # Sanitized with nh3 on every save, so it is safe to render.
        return mark_safe(f'<div class="rendered-body">{obj.body}</div>')

    @admin.display(description="preview")
    def featured_image_preview(self, obj):
        image = obj.featured_image
        if image is None:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" class="image-preview"><br>{}',
            image.thumbnail_url,
            image.alt_text,
            image.credit or "No credit",
        )

    # Saving goes through the workflow and the editing rules. Django runs the whole
    # POST in one transaction; the form's validation took the row lock, so the save,
    # the topics (save_related) and the bylines (the inline) land under it.

    def save_model(self, request, obj, form, change):
        obj._saved_by_form = True  # the form checked the version (``_transition_response``)
        if change and revisions.holds_for_approval(
            request.user, obj, requested="_save_pending" in request.POST
        ):
            obj._held_for_approval = True  # kept as a pending revision in save_related
            return
        if change:
            # The topics and bylines land in save_related: the counts are kept there.
            obj._counts_before = counts.before_change(obj)
            editing.save_edit(
                obj,
                by=request.user,
                base_version=form.base_version,
                changed_fields=form.changed_data,
            )
        else:
            workflow.create(obj, by=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Bylines and topics are saved only now; they are part of what search finds.
        search.refresh_search_vectors([form.instance.pk])
        before = getattr(form.instance, "_counts_before", None)
        if before is not None:
            counts.after_change(before)

    def response_add(self, request, obj, post_url_continue=None):
        if TransitionForm.PREFIX in request.POST:
            return self._transition_response(request, obj)
        then = request.POST.get("_then")
        if then in ("preview", "share"):
            # A new article offers these at once; the first save happens on the way.
            if then == "preview":
                return HttpResponseRedirect(reverse("articles:preview", kwargs={"pk": obj.pk}))
            messages.success(request, f"“{obj}” was saved as a draft.")
            return HttpResponseRedirect(self._change_url(obj) + "#share-links")
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if TransitionForm.PREFIX in request.POST:
            return self._transition_response(request, obj)
        return super().response_change(request, obj)

    def _transition_response(self, request, article):
        form = TransitionForm.from_post(request.POST)
        if not form.is_valid():
            _report_errors(request, form)
        else:
            name = form.cleaned_data["transition"]
            # A button of the change form acts on the version the form just saved (its own
            # check passed under the row lock this request still holds); the read-only
            # page's buttons send the version they showed.
            by_form = getattr(article, "_saved_by_form", False)
            seen = article.version if by_form else form.seen_version
            try:
                workflow.perform(
                    name, article, by=request.user, value=form.value_for(name), seen=seen
                )
                resolved = self._resolve_ticked_notes(request, article) if name == "submit" else 0
            except workflow.TransitionError as error:
                messages.error(request, str(error))
            else:
                message = done_message(name, article)
                if resolved:
                    message += f" {resolved} note{'s' if resolved != 1 else ''} resolved."
                messages.success(request, message)
        return HttpResponseRedirect(self._change_url(article))

    def _resolve_ticked_notes(self, request, article):
        """Resubmitting resolves the open notes the writer ticked as dealt with."""
        ids = [pk for pk in map(_int, request.POST.getlist("_resolve_notes")) if pk]
        ticked = ReviewNote.objects.open().filter(article=article, parent=None, pk__in=ids)
        for note in ticked:
            notes.set_resolved(note, by=request.user)
        return len(ticked)

    def _change_url(self, article):
        return reverse("admin:articles_article_change", args=[quote(article.pk)])

    # The change page shows the workflow, the notes and the history.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if article is not None and self.has_view_permission(request, article):
            extra_context.update(self._workflow_context(request, article))
            extra_context.update(self._lock_context(request, article))
        return super().change_view(request, object_id, form_url, extra_context)

    def _workflow_context(self, request, article):
        user = request.user
        thread = notes.thread(article)
        return {
            "transitions": [
                (name, workflow.RULES[name])
                for name in workflow.available_transitions(user, article)
            ],
            "workflow_url": reverse("admin:articles_article_workflow", args=[article.pk]),
            "can_edit_article": self.has_change_permission(request, article),
            **self._notes_context(request, article, thread),
            "events": article.events.select_related("actor")[:50],
            "preview_url": reverse("articles:preview", kwargs={"pk": article.pk}),
            "time_zone": timezone.get_current_timezone_name(),
            **self._checklist_context(article),
            "publishing_problems": workflow.publishing_problems(article)
            if is_editor(user) and not article.is_published
            else [],
            **self.revision_context(request, article),
            **self._share_context(request, article),
        }

    def _lock_context(self, request, article):
        """Who is editing: opening the form claims the soft lock unless someone holds it."""
        editable = self.has_change_permission(request, article)
        page = secrets.token_urlsafe(12)
        if editable and request.method == "GET":
            holder = edit_locks.claim(article, by=request.user, page=page)
        else:
            holder = edit_locks.holder(article, request.user)
        return {
            "edit_lock": holder,
            "edit_lock_active": editable,
            "can_take_over": bool(holder and not holder.mine and is_editor(request.user)),
            "edit_lock_heartbeat_url": reverse(
                "admin:articles_article_lock_heartbeat", args=[article.pk]
            ),
            "edit_lock_release_url": reverse(
                "admin:articles_article_lock_release", args=[article.pk]
            ),
            "edit_lock_take_over_url": reverse(
                "admin:articles_article_lock_take_over", args=[article.pk]
            ),
            "edit_lock_seconds": settings.EDIT_LOCK_HEARTBEAT_SECONDS,
            "edit_lock_page": page,
        }

    def _checklist_context(self, article):
        items = checklist.check(article) if not article.is_published else []
        return {"checklist": items, "checklist_blocking": [i for i in items if i.blocking]}

    def _notes_context(self, request, article, thread=None):
        """What the notes section and the open-notes banner show; also re-rendered in place."""
        thread = notes.thread(article) if thread is None else thread
        open_notes = [note for note in thread if not note.is_resolved]
        return {
            "open_notes": open_notes,
            # Once readers have it, old notes are history, not a banner.
            "banner_notes": [] if article.is_published else open_notes,
            "notes_thread": thread,
            "note_form": NoteForm(),
            "notes_url": reverse("admin:articles_article_notes", args=[article.pk]),
            "can_assign": request.user.has_perm("articles.review_article")
            and article.status == Status.SUBMITTED,
            "assign_form": AssignForm(
                initial={"assignee": article.assignee_id, "due": article.review_due}
            ),
            "assign_url": reverse("admin:articles_article_assign", args=[article.pk]),
        }

    def _notes_answer(self, request, article, message, ok):
        """The notes as they now stand, for the script that posted without leaving the form."""
        context = {**self._notes_context(request, article), "original": article}
        return JsonResponse(
            {
                "ok": ok,
                "message": message,
                "thread_html": render_to_string(
                    "admin/articles/article/includes/review_notes_thread.html", context, request
                ),
                "banner_html": render_to_string(
                    "admin/articles/article/includes/open_notes_banner.html", context, request
                ),
                "open_count": len(context["open_notes"]),
                "publish_notes_html": render_to_string(
                    "admin/articles/article/includes/publish_confirm_notes.html", context, request
                ),
            },
            status=200 if ok else 400,
        )

    def _share_context(self, request, article):
        links = [
            (link, request.build_absolute_uri(link.get_absolute_url()))
            for link in article.share_links.select_related("created_by", "revoked_by")[:20]
        ]
        return {
            "can_share": share_links.can_share(request.user, article),
            "share_links": links,
            "share_form": ShareLinkForm(),
            "share_create_url": reverse("admin:articles_article_share_create", args=[article.pk]),
        }

    # Extra admin views.

    def get_urls(self):
        def wrap(view):
            return self.admin_site.admin_view(view)

        def post_only(view):
            return self.admin_site.admin_view(require_POST(view))

        return [
            path("review-desk/", wrap(self.review_desk_view), name="articles_article_review_desk"),
            path("calendar/", wrap(self.calendar_view), name="articles_article_calendar"),
            path(
                "<path:object_id>/reschedule/",
                post_only(self.reschedule_view),
                name="articles_article_reschedule",
            ),
            path(
                "topic-suggestions/",
                wrap(self.topic_suggestions_view),
                name="articles_article_topic_suggestions",
            ),
            path(
                "<path:object_id>/share-links/",
                post_only(self.share_create_view),
                name="articles_article_share_create",
            ),
            path(
                "<path:object_id>/share-links/<int:link_id>/revoke/",
                post_only(self.share_revoke_view),
                name="articles_article_share_revoke",
            ),
            path(
                "<path:object_id>/workflow/",
                post_only(self.workflow_view),
                name="articles_article_workflow",
            ),
            path(
                "<path:object_id>/notes/", post_only(self.notes_view), name="articles_article_notes"
            ),
            path(
                "<path:object_id>/assign/",
                post_only(self.assign_view),
                name="articles_article_assign",
            ),
            path(
                "<path:object_id>/lock/heartbeat/",
                post_only(self.lock_heartbeat_view),
                name="articles_article_lock_heartbeat",
            ),
            path(
                "<path:object_id>/lock/release/",
                post_only(self.lock_release_view),
                name="articles_article_lock_release",
            ),
            path(
                "<path:object_id>/lock/take-over/",
                post_only(self.lock_take_over_view),
                name="articles_article_lock_take_over",
            ),
            *self.revision_urls(wrap, post_only),
            *super().get_urls(),
        ]

    def _get_viewable(self, request, object_id):
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_permission(request, article):
            raise Http404("No such article.")
        return article

    def workflow_view(self, request, object_id):
        """Transitions from the read-only page (e.g. withdrawing a submission); publishing
        here needs the version the page showed (``_transition_version``)."""
        article = self._get_viewable(request, object_id)
        return self._transition_response(request, article)

    def notes_view(self, request, object_id):
        """Add, answer, resolve or reopen a note; a script gets JSON and stays on the form."""
        article = self._get_viewable(request, object_id)
        in_place = "application/json" in request.headers.get("Accept", "")
        message = "Your note was added."
        try:
            if "resolve" in request.POST or "reopen" in request.POST:
                note_id = request.POST.get("resolve") or request.POST.get("reopen")
                note = ReviewNote.objects.filter(article=article, pk=_int(note_id)).first()
                if note is None:
                    raise workflow.TransitionError("That note no longer exists.")
                notes.set_resolved(note, by=request.user, resolved="resolve" in request.POST)
                message = "The note was resolved." if "resolve" in request.POST else "Reopened."
            else:
                form = NoteForm(request.POST)
                if not form.is_valid():
                    raise workflow.TransitionError(
                        "Write a note of at most 5,000 characters before you send it."
                    )
                parent = None
                if form.cleaned_data["parent"]:
                    parent = ReviewNote.objects.filter(
                        article=article, pk=form.cleaned_data["parent"]
                    ).first()
                note = notes.add_note(
                    article, by=request.user, body=form.cleaned_data["body"], parent=parent
                )
                if parent is not None and request.POST.get("and_resolve"):
                    notes.set_resolved(note, by=request.user)
                    message = "Your answer was added and the note resolved."
        except workflow.TransitionError as error:
            if in_place:
                return self._notes_answer(request, article, str(error), ok=False)
            messages.error(request, str(error))
        else:
            if in_place:
                return self._notes_answer(request, article, message, ok=True)
            messages.success(request, message)
        # No jump to the notes: the message shows at the top, where the eye is.
        return HttpResponseRedirect(self._change_url(article))

    # Who is editing: the form's heartbeat, its last beacon and an editor's take-over.

    def _lock_answer(self, holder):
        if holder is None:
            return {"held": False, "mine": False}
        since = timezone.localtime(holder.since).strftime("%H:%M")
        return {"held": True, "mine": holder.mine, "name": holder.name, "since": since}

    def lock_heartbeat_view(self, request, object_id):
        article = self._get_viewable(request, object_id)
        try:
            holder = edit_locks.claim(article, by=request.user, page=request.POST.get("page", ""))
        except edit_locks.LockError as error:
            return JsonResponse({"error": str(error)}, status=403)
        answer = self._lock_answer(holder)
        answer["can_take_over"] = not holder.mine and is_editor(request.user)
        return JsonResponse(answer)

    def lock_release_view(self, request, object_id):
        article = self._get_viewable(request, object_id)
        edit_locks.release(article, by=request.user, page=request.POST.get("page", ""))
        return JsonResponse({"released": True})

    def lock_take_over_view(self, request, object_id):
        article = self._get_viewable(request, object_id)
        in_place = "application/json" in request.headers.get("Accept", "")
        try:
            holder = edit_locks.take_over(
                article, by=request.user, page=request.POST.get("page", "")
            )
        except edit_locks.LockError as error:
            if in_place:
                return JsonResponse({"error": str(error)}, status=403)
            messages.error(request, str(error))
        else:
            if in_place:
                return JsonResponse(self._lock_answer(holder))
            messages.success(request, "You are now editing this article.")
        return HttpResponseRedirect(self._change_url(article))

    def assign_view(self, request, object_id):
        article = self._get_viewable(request, object_id)
        form = AssignForm(request.POST)
        if not form.is_valid():
            _report_errors(request, form)
        else:
            try:
                workflow.assign(
                    article,
                    by=request.user,
                    assignee=form.cleaned_data["assignee"],
                    due=form.cleaned_data["due"],
                )
            except workflow.TransitionError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"Review of “{article}” updated.")
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            next_url = self._change_url(article)
        return HttpResponseRedirect(next_url)

    def share_create_view(self, request, object_id):
        """Make a share link; a script gets the redrawn section, the new link where it asked."""
        article = self._get_viewable(request, object_id)
        in_place = "application/json" in request.headers.get("Accept", "")
        form = ShareLinkForm(request.POST)
        link, error = None, None
        if not form.is_valid():
            error = " ".join(" ".join(errors) for errors in form.errors.values())
        else:
            try:
                link = share_links.create(article, by=request.user, days=form.cleaned_data["days"])
            except share_links.ShareError as refused:
                error = str(refused)
        if in_place:
            context = {
                **self._share_context(request, article),
                "original": article,
                "pending_revision": revisions.pending_for(article),
                "new_link": link,
                "new_link_address": link and request.build_absolute_uri(link.get_absolute_url()),
                "share_error": error,
            }
            html = render_to_string(
                "admin/articles/article/includes/share_links.html", context, request
            )
            return JsonResponse({"ok": link is not None, "html": html}, status=200 if link else 400)
        if error:
            messages.error(request, error)
        else:
            days = form.cleaned_data["days"]
            messages.success(
                request,
                f"A share link for “{article}” was made; it works for {days} "
                f"day{'s' if days != 1 else ''}. Copy it from Share links below.",
            )
        return HttpResponseRedirect(self._change_url(article))

    def share_revoke_view(self, request, object_id, link_id):
        article = self._get_viewable(request, object_id)
        link = ShareLink.objects.filter(article=article, pk=link_id).select_related("article")
        link = link.first()
        if link is None:
            messages.error(request, "That share link no longer exists.")
        else:
            try:
                share_links.revoke(link, by=request.user)
            except share_links.ShareError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "The share link was withdrawn; it no longer opens.")
        return HttpResponseRedirect(self._change_url(article))

    def topic_suggestions_view(self, request):
        """Existing topics whose name starts like the query, for the topic picker."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        names = topic_choice.suggest(request.GET.get("q", ""))
        return JsonResponse(
            {
                "results": names,
                "may_create": topic_choice.may_create_topics(request.user),
            }
        )

    def review_desk_view(self, request):
        if not request.user.has_perm("articles.review_article"):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": "Review desk",
            "opts": self.opts,
            "queue": review_queue(),
            "pending_changes": pending_changes(),
            "profile_changes": profile_changes.for_desk(),
            "editors": workflow.editors(),
        }
        return TemplateResponse(request, "admin/articles/article/review_desk.html", context)

    def calendar_view(self, request):
        """The desk's week or month: scheduled and due articles, and the empty days."""
        if not request.user.has_perm("articles.review_article"):
            raise PermissionDenied
        view = "month" if request.GET.get("view") == "month" else "week"
        try:
            around = date.fromisoformat(request.GET.get("day", ""))
        except ValueError:
            around = None
        desk_calendar = calendar.build(view, around)
        context = {
            **self.admin_site.each_context(request),
            "title": "Desk calendar",
            "opts": self.opts,
            "calendar": desk_calendar,
            "can_reschedule": request.user.has_perm("articles.publish_article"),
            "time_zone": timezone.get_current_timezone_name(),
        }
        return TemplateResponse(request, "admin/articles/article/calendar.html", context)

    def reschedule_view(self, request, object_id):
        """A plain form on the calendar; the move itself is the schedule transition."""
        article = self._get_viewable(request, object_id)
        form = TransitionForm({"transition": "schedule", "publish_at": request.POST.get("when")})
        if not form.is_valid():
            _report_errors(request, form)
        else:
            try:
                workflow.schedule(
                    article, by=request.user, publish_at=form.cleaned_data["publish_at"]
                )
            except workflow.TransitionError as error:
                messages.error(request, f"“{article}”: {error}")
            else:
                messages.success(request, done_message("schedule", article))
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            next_url = reverse("admin:articles_article_calendar")
        return HttpResponseRedirect(next_url)

    # Bulk actions: each article goes through its transition, one by one.

    def _bulk(self, request, queryset, name, done):
        moved, refused = 0, []
        for article in queryset:
            try:
                workflow.perform(name, article, by=request.user)
                moved += 1
            except workflow.TransitionError as error:
                refused.append(f"“{article}”: {error}")
        if moved:
            messages.success(request, f"{moved} article{'s' if moved != 1 else ''} {done}.")
        for line in refused:
            messages.error(request, line)

    @admin.action(description="Move selected articles to the trash", permissions=["view"])
    def trash_selected(self, request, queryset):
        self._bulk(request, queryset, "trash", "moved to the trash")

    @admin.action(description="Restore selected articles from the trash", permissions=["view"])
    def restore_selected(self, request, queryset):
        self._bulk(request, queryset, "restore", "restored as drafts")

    @admin.action(
        description="Delete selected articles from the trash for good", permissions=["delete"]
    )
    def delete_permanently(self, request, queryset):
        try:
            count = workflow.empty_trash(by=request.user, articles=list(queryset))
        except workflow.TransitionError as error:
            messages.error(request, str(error))
            return
        skipped = queryset.exclude(status=Status.TRASHED).count()
        messages.success(request, f"{count} article{'s' if count != 1 else ''} deleted for good.")
        if skipped:
            messages.warning(
                request, f"{skipped} selected article(s) are not in the trash and were kept."
            )


def _report_errors(request, form):
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
