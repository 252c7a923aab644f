from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format

from articles import workflow
from articles.models import Article


class ArticleAdminForm(forms.ModelForm):
    """The writing form. State, dates and bylines are not fields here, so no POST can set them."""

    # The version of the article the writer started from; a newer one in the
    # database means someone else saved meanwhile, and we must not overwrite it.
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "standfirst",
            "disclosure",
            "body",
            "featured_image",
            "featured_image_caption",
            "topics",
        ]
        widgets = {
            "standfirst": forms.Textarea(attrs={"rows": 3, "cols": 80}),
            "disclosure": forms.Textarea(attrs={"rows": 2, "cols": 80}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get("loaded_version")
        if self.instance.pk and loaded:
            stored = (
                Article.objects.filter(pk=self.instance.pk)
                .values_list("updated_at", flat=True)
                .first()
            )
            if stored and stored.isoformat() != loaded:
                # Accept the next save: the writer has now been warned.
                self.data = self.data.copy()
                self.data[self.add_prefix("loaded_version")] = stored.isoformat()
                when = date_format(timezone.localtime(stored), "DATETIME_FORMAT")
                raise ValidationError(
                    "Someone else saved this article at %(when)s, after you opened it. "
                    "Your text is still below: open the article in another tab to compare, "
                    "then save again to replace their version with yours.",
                    code="edit_conflict",
                    params={"when": when},
                )
        return cleaned_data


class TransitionForm(forms.Form):
    """The inputs of a workflow button: which transition, and its note or time."""

    transition = forms.ChoiceField(
        choices=[(name, rule.label) for name, rule in workflow.RULES.items()]
    )
    note = forms.CharField(required=False, max_length=5000)
    publish_at = forms.DateTimeField(
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        error_messages={"invalid": "Enter the publication time as a date and a time."},
    )

    PREFIX = "_transition"

    @classmethod
    def from_post(cls, post):
        return cls(
            {
                "transition": post.get(cls.PREFIX, ""),
                "note": post.get(f"{cls.PREFIX}_note", ""),
                "publish_at": post.get(f"{cls.PREFIX}_publish_at", ""),
            }
        )

    def value_for(self, name):
        needs = workflow.RULES[name].needs
        return self.cleaned_data.get("publish_at" if needs == "publish_at" else "note")


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="— unassigned —", label="Reviewer"
    )
    due = forms.DateField(
        required=False,
        label="Due",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter the due date as a date, e.g. 2026-12-01."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = workflow.editors()
        self.fields["assignee"].label_from_instance = workflow.display_name


class NoteForm(forms.Form):
    body = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.IntegerField(required=False)
