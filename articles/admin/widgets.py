"""Admin widgets that answer crafted input with a form error instead of a 500."""

from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError


class TolerantAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete select, minus the crash on a value that is not a key.

    When a form with ``featured_image=abc`` (or a number too big for the column)
    is shown again with its error, the stock widget looks the value up to label
    it and the database refuses the query. Values the target field cannot hold
    are simply not shown; the form field has already reported them.
    """

    def optgroups(self, name, value, attr=None):
        target = self.field.target_field
        usable = []
        for item in value:
            try:
                target.run_validators(target.to_python(item))  # e.g. the column's integer range
            except (TypeError, ValueError, ValidationError):
                continue
            usable.append(item)
        return super().optgroups(name, usable, attr)


class TolerantAutocompleteMixin:
    """For a ModelAdmin or inline: its ``autocomplete_fields`` use ``TolerantAutocompleteSelect``."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = TolerantAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
