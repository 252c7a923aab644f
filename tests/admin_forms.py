"""Build the POST a browser would send from an admin change form, as the user sees it."""

from django.db.models.fields.files import FieldFile
from django.forms.models import ModelChoiceIteratorValue
from taggit.forms import TagField

from articles.admin.topic_field import OrderedTopicsField


def _value(bound_field):
    value = bound_field.value()
    if value is None or isinstance(value, FieldFile):
        return ""  # a browser sends no file unless a new one is chosen
    if isinstance(bound_field.field, (TagField, OrderedTopicsField)):
        return bound_field.field.widget.format_value(value) or ""  # "A, B" as the page shows it
    if isinstance(value, ModelChoiceIteratorValue):
        return value.value
    if isinstance(value, (list, tuple)):
        return [str(getattr(v, "pk", v)) for v in value]
    if hasattr(value, "pk"):
        return value.pk
    return value


def _form_data(form):
    data = {}
    for bound_field in form:
        value = _value(bound_field)
        if value is False:
            continue
        if value is True:
            value = "on"
        data[bound_field.html_name] = value
    return data


def change_form_data(response, **overrides):
    """The fields of an admin add/change page with their current values, plus ``overrides``."""
    context = response.context
    data = _form_data(context["adminform"].form)
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    for key, value in overrides.items():
        data[key] = value
    return {key: value for key, value in data.items() if value is not None}
