from django import forms

from .models import EmailOptOut, Kind


class EmailPreferencesForm(forms.Form):
    """Which kinds of notification a person gets by email; the inbox records them all."""

    kinds = forms.MultipleChoiceField(
        label="Email me when",
        choices=Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        off = set(EmailOptOut.objects.filter(user=user).values_list("kind", flat=True))
        kwargs["initial"] = {
            "kinds": [k for k in Kind.values if k not in off],
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)

    def save(self):
        wanted = set(self.cleaned_data["kinds"])
        EmailOptOut.objects.filter(user=self.user, kind__in=wanted).delete()
        EmailOptOut.objects.bulk_create(
            [EmailOptOut(user=self.user, kind=k) for k in Kind.values if k not in wanted],
            ignore_conflicts=True,
        )
