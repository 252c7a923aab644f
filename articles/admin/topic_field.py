"""The topics input: comma-separated names, kept in the order the writer typed them.

taggit's own field sorts the names and splits a comma-less entry on spaces, so
"South Asia" would become two topics; here only commas separate names.
"""

from django import forms

from articles import topic_choice


def split_names(value):
    names = (topic_choice.normalize(part).strip('"').strip() for part in (value or "").split(","))
    return [name for name in names if name]


def _names(value):
    if not value:
        return []
    if isinstance(value, str):
        return split_names(value)
    return [getattr(topic, "name", topic) for topic in value]


class OrderedTopicsInput(forms.TextInput):
    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            value = ", ".join(_names(value))
        return super().format_value(value)


class OrderedTopicsField(forms.CharField):
    widget = OrderedTopicsInput

    def __init__(self, *args, **kwargs):
        kwargs.pop("max_length", None)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        return split_names(super().clean(value))

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        return _names(initial) != split_names(data)
