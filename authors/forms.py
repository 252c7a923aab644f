from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import transaction

from articles.roles import COLUMNISTS, EDITORS

from .models import Author


class AuthorCreationForm(forms.ModelForm):
    """An author profile and, optionally, its login and role, made in one step."""

    username = forms.CharField(
        required=False,
        max_length=150,
        validators=[User.username_validator],
        help_text="Leave the login fields empty for a guest contributor who never signs in.",
    )
    email = forms.EmailField(required=False)
    role = forms.ChoiceField(
        choices=[(COLUMNISTS, "Columnist"), (EDITORS, "Editor")], initial=COLUMNISTS
    )
    password1 = forms.CharField(
        label="Password", required=False, strip=False, widget=forms.PasswordInput
    )
    password2 = forms.CharField(
        label="Password again", required=False, strip=False, widget=forms.PasswordInput
    )

    class Meta:
        model = Author
        fields = ["name", "slug", "bio", "avatar"]

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if username and User.objects.filter(username__iexact=username).exists():
            raise ValidationError("A login with this username already exists.")
        return username

    def clean(self):
        cleaned_data = super().clean()
        username = cleaned_data.get("username")
        password1, password2 = cleaned_data.get("password1"), cleaned_data.get("password2")
        if not username:
            if password1 or password2:
                self.add_error(
                    "username", "Choose a username for this login, or clear the passwords."
                )
            return cleaned_data
        if not password1:
            self.add_error("password1", "Choose a password for the new login.")
        elif password1 != password2:
            self.add_error("password2", "The two passwords differ.")
        else:
            user = User(
                username=username,
                email=cleaned_data.get("email", ""),
                first_name=(cleaned_data.get("name") or "")[:150],
            )
            try:
                password_validation.validate_password(password1, user)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data

    @transaction.atomic
    def create_login(self, author):
        """Make the login, put it in its group and link it to ``author``."""
        data = self.cleaned_data
        if not data.get("username"):
            return None
        user = User.objects.create_user(
            username=data["username"],
            email=data.get("email", ""),
            password=data["password1"],
            first_name=author.name[:150],
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name=data["role"]))
        author.user = user
        return user
