"""The public forms: one op-ed, one letter. Every rule here is the server's, not the page's.

Text arrives as plain text and stays plain text: control characters and NUL bytes are
refused or dropped, lengths and word limits are checked, and nothing is ever marked
safe, so markup a sender types shows as the characters they typed.
"""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.urls import reverse_lazy
from django_altcha import AltchaField

from articles.models import Article

from .models import Kind

STARTED_SALT = "submissions.form-started"
# A form older than this is refused with a message and shown again, freshly stamped.
FORM_MAX_AGE_SECONDS = 24 * 60 * 60
# Control characters other than tab and newlines; carriage returns are folded into newlines.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)
MAX_TEXT_CHARS = 20_000


def clean_text(value):
    return _CONTROL.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def word_count(text):
    return len(text.split())


def stamp():
    return signing.dumps(time.time(), salt=STARTED_SALT)


def seconds_since(stamped):
    """Seconds since the form was shown, or None for a stamp we did not make."""
    if not stamped or len(stamped) > 200:
        return None
    try:
        started = signing.loads(stamped, salt=STARTED_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(started, int | float):
        return None
    return time.time() - started


class PlainCharField(forms.CharField):
    """A one-line field: control characters dropped, runs of spaces folded."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(clean_text(value).split())


class PlainTextField(forms.CharField):
    """Paragraphs of plain text: control characters dropped, line breaks kept."""

    widget = forms.Textarea

    def to_python(self, value):
        return clean_text(super().to_python(value))


class SubmissionForm(forms.Form):
    kind = None
    prefix_name = ""

    # Spam checks: a field people never see or fill, and the time the form was shown.
    website = forms.CharField(required=False, label="Leave this empty", max_length=500)
    started = forms.CharField(required=False, widget=forms.HiddenInput, max_length=300)

    name = PlainCharField(label="Your name", max_length=120)
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        help_text="We send a link to confirm it. It is never published.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs.update(
            {"data-word-limit": str(self.word_limit), "rows": 14, "class": "word-counted"}
        )
        self.fields["website"].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1", "class": "honeypot-input"}
        )
        if not self.is_bound:
            self.initial["started"] = stamp()
        # A fresh challenge each time the widget asks (the page itself holds none).
        self.fields["altcha"] = AltchaField(
            label="Spam check",
            challengeurl=str(reverse_lazy("submissions:challenge")),
            maxnumber=settings.ALTCHA_MAX_NUMBER,
            hidefooter=True,
            hidelogo=True,
            id=f"altcha-{self.prefix}",
        )

    @property
    def word_limit(self):
        return settings.SUBMISSION_WORD_LIMITS[self.kind]

    def is_bot(self):
        """The honeypot was filled, or the form came back too fast: thank, store nothing."""
        if self.data.get(self.add_prefix("website")):
            return True
        elapsed = seconds_since(self.data.get(self.add_prefix("started")))
        return elapsed is None or elapsed < settings.SUBMISSION_MIN_FILL_SECONDS

    def clean_started(self):
        elapsed = seconds_since(self.cleaned_data.get("started"))
        if elapsed is not None and elapsed > FORM_MAX_AGE_SECONDS:
            raise forms.ValidationError(
                "This form was opened more than a day ago. Please check it and send it again."
            )
        return ""

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text) > MAX_TEXT_CHARS:
            raise forms.ValidationError(
                f"That is {len(text):,} characters; please keep to {self.word_limit:,} words "
                f"(at most {MAX_TEXT_CHARS:,} characters)."
            )
        words = word_count(text)
        if words > self.word_limit:
            raise forms.ValidationError(
                f"That is {words:,} words; the limit is {self.word_limit:,}. Please shorten it."
            )
        return text


class OpEdForm(SubmissionForm):
    kind = Kind.OP_ED

    phone = PlainCharField(
        label="Phone (optional)",
        required=False,
        max_length=40,
        help_text="Only if you would like us to call you. Never published.",
    )
    affiliation = PlainCharField(
        label="Affiliation", max_length=200, help_text="Where you work or study, or “independent”."
    )
    bio = PlainCharField(
        label="One-line bio",
        max_length=300,
        help_text="Printed under your piece, e.g. “Ana Ruiz is a nurse in Leeds.”",
    )
    headline = PlainCharField(label="Headline", max_length=200)
    is_pitch = forms.BooleanField(label="This is a pitch, not the full text", required=False)
    text = PlainTextField(
        label="Your op-ed (or pitch)",
        max_length=MAX_TEXT_CHARS * 6,
        help_text="Plain text; leave a blank line between paragraphs.",
    )
    conflict_of_interest = PlainTextField(
        label="Conflicts of interest",
        max_length=2000,
        help_text="Anything a reader should know: funding, employers, memberships. "
        "Write “None” if there is nothing.",
    )
    not_offered_elsewhere = forms.BooleanField(
        label="I have not offered this piece to another publication."
    )
    consent = forms.BooleanField(label="I have read the privacy notice and agree to it.")

    field_order = [
        "name",
        "email",
        "phone",
        "affiliation",
        "bio",
        "headline",
        "is_pitch",
        "text",
        "conflict_of_interest",
        "not_offered_elsewhere",
        "consent",
    ]


class PublishedArticleChoice(forms.ModelChoiceField):
    """An article chosen by its address (``?article=<slug>``); only published ones."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Article.objects.published(),
            to_field_name="slug",
            widget=forms.HiddenInput,
            **kwargs,
        )

    def to_python(self, value):
        if isinstance(value, str) and (len(value) > 200 or "\x00" in value):
            raise forms.ValidationError("That article does not exist.", code="invalid_choice")
        return super().to_python(value)


class LetterForm(SubmissionForm):
    kind = Kind.LETTER

    town = PlainCharField(label="Town or city", max_length=100)
    article = PublishedArticleChoice(
        required=False,
        error_messages={"invalid_choice": "That article does not exist or is not published."},
    )
    text = PlainTextField(
        label="Your letter",
        max_length=MAX_TEXT_CHARS * 6,
        help_text="Plain text; leave a blank line between paragraphs.",
    )
    consent = forms.BooleanField(label="I have read the privacy notice and agree to it.")

    field_order = ["name", "email", "town", "article", "text", "consent"]


FORMS = {Kind.OP_ED: OpEdForm, Kind.LETTER: LetterForm}
PREFIXES = {Kind.OP_ED: "oped", Kind.LETTER: "letter"}
