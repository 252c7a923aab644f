"""Small ModelAdmin and inline mixins shared by the apps' admins."""

from django.http import Http404


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
