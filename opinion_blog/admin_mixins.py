"""Small ModelAdmin and inline mixins shared by the apps' admins."""

import logging

from django.contrib import messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect

from .content_version import public_content_changed
from .storage import storage_error_message

logger = logging.getLogger(__name__)


class HiddenObjectsAreNotFound:
    """A ModelAdmin mixin: an object outside ``get_queryset()`` answers 404.

    Django's default redirects to the index with a "doesn't exist" message;
    for an article or profile the user may not see, a plain 404 says the same
    and gives nothing away.
    """

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404(f"No {opts.verbose_name} with ID “{object_id}”.")


class EditableWithParentInline:
    """An inline whose rows may be added, changed and deleted exactly when
    ``may_edit_rows(request, obj)`` allows, obj being the parent object (or None)."""

    def may_edit_rows(self, request, obj):
        raise NotImplementedError

    def has_add_permission(self, request, obj=None):
        return self.may_edit_rows(request, obj)

    def has_change_permission(self, request, obj=None):
        return self.may_edit_rows(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.may_edit_rows(request, obj)


class ChangesPublicContent:
    """A ModelAdmin mixin for models readers see (authors, topics, images):
    every save or delete through the admin moves the public content version,
    so cached pages showing the object are replaced at once."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        public_content_changed()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        public_content_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        public_content_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        public_content_changed()


def valid_pk(model, value):
    """Whether ``value`` (from a URL or a form) could be a primary key of ``model``:
    of the right type and in the column's range, so a query with it cannot fail."""
    field = model._meta.pk
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def pk_or_none(model, value):
    """``value`` as ``model``'s primary key, or None when it cannot be one."""
    if value is None or not valid_pk(model, value):
        return None
    return model._meta.pk.to_python(value)


class ChecksSelectedIds:
    """A ModelAdmin mixin: an action posted with a malformed selected id (``abc``, ``1.5``,
    a number beyond the column's range) is refused with a message, never run into a 500.

    ``NewsroomAdminSite.register`` adds it to every model admin on the site.
    """

    def response_action(self, request, queryset, *args, **kwargs):
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        bad = [value for value in selected if not valid_pk(self.model, value)]
        if bad:
            self.message_user(
                request,
                f"The selection was not understood ({len(bad)} malformed "
                f"id{'s' if len(bad) != 1 else ''}); nothing was changed. "
                "Select the items again.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset, *args, **kwargs)


class StorageErrorsAsFormErrors:
    """A ModelAdmin mixin: a full or read-only disk gives the form back with an error.

    The save's transaction is rolled back (and, for images, its files removed) by
    the time the error reaches ``changeform_view``; the same POST is then shown
    again, with the storage's refusal on ``storage_error_field``, so the person
    keeps what they typed and learns that nothing was saved.
    """

    storage_error_field = None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except OSError as error:
            message = storage_error_message(error, what="The file")
            if message is None or request.method != "POST":
                raise
            logger.error("Admin save by %s not stored: %s", request.user.pk, error)
            for upload in request.FILES.values():
                upload.seek(0)
            request.storage_error = message
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        message = getattr(request, "storage_error", None)
        if message is None:
            return form
        field = self.storage_error_field

        class NotStored(form):
            def clean(self):
                self.add_error(field if field in self.fields else None, message)
                return super().clean()

        return NotStored
