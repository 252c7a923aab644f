from django import forms

from . import second_factor


class CodeForm(forms.Form):
    """The one field of the second step: an authenticator code or a recovery code."""

    code = forms.CharField(
        label="Code",
        max_length=32,
        strip=True,
        help_text="The 6-digit code your authenticator app shows now, or one of your "
        "recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None
        self.throttled = False

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.device, self.throttled = second_factor.check_code(self.user, code)
        if self.device is None:
            if self.throttled:
                raise forms.ValidationError(
                    "Too many wrong codes: wait a few seconds, then try the newest code.",
                    code="throttled",
                )
            raise forms.ValidationError(
                "That code is wrong or was already used. Try the newest code.", code="wrong"
            )
        return code


class EnrolForm(forms.Form):
    code = forms.CharField(
        label="Code from the app",
        max_length=16,
        strip=True,
        help_text="Type the 6-digit code the app shows for this site, to confirm it is set up.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device
        self.recovery_codes = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.recovery_codes = second_factor.confirm_enrolment(self.device, code)
        if self.recovery_codes is None:
            raise forms.ValidationError(
                "That code does not match. Check the app shows this site's code and try the "
                "newest one.",
                code="wrong",
            )
        return code
