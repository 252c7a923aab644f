"""Small ModelAdmin and inline mixins shared by the apps' admins."""

from django.http import Http404

from .content_version import public_content_changed


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
