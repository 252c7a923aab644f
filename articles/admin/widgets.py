"""Admin widgets that answer crafted input with a form error instead of a 500."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse

from images.models import Image
from images.validators import HELP_TEXT
from opinion_blog.admin_mixins import pk_or_none


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


class FeaturedImageWidget(TolerantAutocompleteSelect):
    """The autocomplete select plus, with JavaScript, a picker beside it: no popup window.

    The picker (``static/js/admin-featured-image.js``) previews the chosen
    picture, uploads a new one with its alt text and credit, and searches the
    library by thumbnail; whatever it picks becomes the select's value, so the
    form posts exactly what it always did. Without JavaScript the picker stays
    hidden and the select works as before.
    """

    picker_template = "admin/articles/article/widgets/featured_image_picker.html"

    def render(self, name, value, attrs=None, renderer=None):
        # The picker is a project template; the form renderer only knows Django's own.
        select = super().render(name, value, attrs, renderer)
        return select + render_to_string(self.picker_template, self.picker_context(value, attrs))

    def picker_context(self, value, attrs):
        chosen = None
        ids = [pk_or_none(Image, item) for item in self.format_value(value)]
        if ids and ids[0] is not None:
            chosen = Image.objects.filter(pk=ids[0]).first()
        return {
            "id": self.build_attrs(self.attrs, attrs).get("id", ""),
            "chosen": chosen,
            "upload_url": reverse("admin:images_image_inline_upload"),
            "library_url": reverse("admin:images_image_library"),
            "accept": ",".join(f"image/{kind}" for kind in ("jpeg", "png", "webp", "gif")),
            "help_text": HELP_TEXT,
        }

    @property
    def media(self):
        return super().media + forms.Media(
            js=["js/admin-image-library.js", "js/admin-featured-image.js"]
        )
