from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from articles import editing, share_links, topic_choice, workflow
from articles.models import Article
from articles.models.article import WORDS_PER_MINUTE

from .topic_field import OrderedTopicsField


class ArticleAdminForm(forms.ModelForm):
    """The writing form. State, dates and bylines are not fields here, so no POST can set them.

    ``user`` (set by the admin's ``get_form``) decides whether new topics may be
    created. Validating a change takes the article's row lock
    (``editing.lock_for_edit``) and keeps it to the end of the admin's
    transaction, so the version check, the save, the topics and the bylines
    happen as one step no other write can interleave with.
    """

    # The version of the article the writer started from; anything else in the
    # database means someone else saved meanwhile, and we must not overwrite it.
    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    user = None
    # Set by ``articles.content.validated``: a snapshot may narrow who coins topics, and
    # its callers check the version under their own lock.
    topics_override = None
    checks_version = True

    class Media:
        js = [
            "js/admin-topic-picker.js",
            "js/admin-word-count.js",
            "js/admin-share-links.js",
            "js/admin-review-notes.js",
            "js/admin-edit-lock.js",
        ]

    class Meta:
        model = Article
        fields = [
            "title",
            "slug",
            "standfirst",
            "disclosure",
            "no_disclosure",
            "body",
            "featured_image",
            "featured_image_caption",
            "topics",
        ]
        widgets = {
            "standfirst": forms.Textarea(attrs={"rows": 3, "cols": 80}),
            "disclosure": forms.Textarea(attrs={"rows": 2, "cols": 80}),
        }
        field_classes = {"topics": OrderedTopicsField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = str(self.instance.version)
            if "topics" in self.fields and "topics" not in (kwargs.get("initial") or {}):
                self.initial["topics"] = topic_choice.in_order(self.instance)
        if "topics" in self.fields:
            self.fields["topics"].widget.attrs.update(
                {
                    "class": "vTextField topic-picker-input",
                    "autocomplete": "off",
                    "data-suggest-url": reverse("admin:articles_article_topic_suggestions"),
                }
            )
        if "body" in self.fields:
            self.fields["body"].widget.attrs["data-words-per-minute"] = WORDS_PER_MINUTE
            self.fields["topics"].help_text = (
                f"Up to {topic_choice.MAX_TOPICS_PER_ARTICLE} topics, separated by commas. "
                + (
                    "New names become new topics."
                    if self._may_create_topics
                    else "Choose from the existing topics; an editor can add new ones."
                )
            )

    @property
    def _may_create_topics(self):
        allowed = self.user is not None and topic_choice.may_create_topics(self.user)
        return allowed and self.topics_override is not False

    @property
    def base_version(self):
        return editing.parse_version(self.data.get(self.add_prefix("loaded_version")))

    def clean_topics(self):
        return topic_choice.choose_topics(
            self.cleaned_data["topics"], may_create=self._may_create_topics
        )

    def _save_m2m(self):
        # Topics in the writer's order; taggit's own save would forget it.
        topics = self.cleaned_data.pop("topics", None)
        super()._save_m2m()
        if topics is not None:
            topic_choice.set_in_order(self.instance, topics)
            self.cleaned_data["topics"] = topics

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self.checks_version:
            try:
                editing.lock_for_edit(self.instance, base_version=self.base_version)
            except editing.EditConflict as conflict:
                raise self._conflict_error(conflict) from None
        return cleaned_data

    def _conflict_error(self, conflict):
        # The next save is accepted against this version only: the writer has now been warned.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = str(conflict.current.version)
        if conflict.base_version is None:
            return ValidationError(
                "This form didn’t say which version of the article you started from, "
                "so nothing was saved. Your text is still below: check it against the "
                "article as it is now, then save again to replace that version with yours.",
                code="edit_conflict",
            )
        when = date_format(timezone.localtime(conflict.current.updated_at), "DATETIME_FORMAT")
        return ValidationError(
            "Someone else saved this article at %(when)s, after you opened it. "
            "Your text is still below: open the article in another tab to compare, "
            "then save again to replace their version with yours.",
            code="edit_conflict",
            params={"when": when},
        )


class TransitionForm(forms.Form):
    """The inputs of a workflow button: which transition, and its note or time."""

    transition = forms.ChoiceField(
        choices=[(name, rule.label) for name, rule in workflow.RULES.items()]
    )
    note = forms.CharField(
        required=False,
        max_length=5000,
        error_messages={"max_length": "Keep the note to 5,000 characters; it has %(show_value)d."},
    )
    publish_at = forms.DateTimeField(
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        error_messages={"invalid": "Enter the publication time as a date and a time."},
    )
    # The version of the article the page showed; a transition that makes text live
    # is refused without it, or when the article moved since (``workflow.perform``).
    version = forms.CharField(required=False)

    PREFIX = "_transition"

    @classmethod
    def from_post(cls, post):
        return cls(
            {
                "transition": post.get(cls.PREFIX, ""),
                "note": post.get(f"{cls.PREFIX}_note", ""),
                "publish_at": post.get(f"{cls.PREFIX}_publish_at", ""),
                "version": post.get(f"{cls.PREFIX}_version", ""),
            }
        )

    @property
    def seen_version(self):
        return editing.parse_version(self.cleaned_data.get("version"))

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
        # A date input reads only ISO dates; the locale's format would show it empty.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter the due date as a date, e.g. 2026-12-01."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = workflow.editors()
        self.fields["assignee"].label_from_instance = workflow.display_name


class NoteForm(forms.Form):
    body = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.IntegerField(required=False)


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label="Works for (days)",
        initial=share_links.DEFAULT_DAYS,
        min_value=share_links.MIN_DAYS,
        max_value=share_links.MAX_DAYS,
        error_messages={
            "invalid": "Enter the number of days the link should work, e.g. 7.",
            "required": "Enter the number of days the link should work, e.g. 7.",
            "min_value": f"A share link works for at least {share_links.MIN_DAYS} day.",
            "max_value": f"A share link works for at most {share_links.MAX_DAYS} days.",
        },
    )
