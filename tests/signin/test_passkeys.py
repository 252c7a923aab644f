"""Passkeys pass the second step too, but only an account that finished signing in (with
an authenticator app set up) may add one; the ceremony itself is in the browser tests."""

import json

import pytest
from django.urls import reverse
from django_otp_webauthn.models import WebAuthnCredential

from signin import passkeys, second_factor
from tests.conftest import password_only_login
from tests.factories import give_authenticator, make_columnist, make_editor

pytestmark = pytest.mark.django_db

SECOND_STEP = reverse("admin:second_step")
REGISTER_BEGIN = reverse("otp_webauthn:credential-registration-begin")
AUTH_BEGIN = reverse("otp_webauthn:credential-authentication-begin")
SETTINGS = reverse("admin:second_step_settings")


def passkey_for(user, name="Laptop"):
    return WebAuthnCredential.objects.create(
        user=user,
        name=name,
        confirmed=True,
        credential_id=f"id-{user.pk}-{name}".encode(),
        public_key=b"not-a-real-key",
        sign_count=0,
    )


def post_json(client, url, **extra):
    return client.post(url, data=json.dumps({}), content_type="application/json", **extra)


@pytest.fixture
def editor():
    user = make_editor("desk")
    give_authenticator(user)
    return user


def test_a_password_alone_cannot_add_a_passkey(client, editor):
    password_only_login(client, editor)

    response = post_json(client, REGISTER_BEGIN, HTTP_HOST="localhost")

    assert response.status_code == 302 and response.url.startswith(SECOND_STEP)
    assert "otp_webauthn_register_state" not in client.session


def test_a_password_alone_may_start_a_passkey_check(client, editor):
    passkey_for(editor)
    password_only_login(client, editor)

    response = post_json(client, AUTH_BEGIN, HTTP_HOST="localhost")

    assert response.status_code == 200
    options = response.json()
    assert options["rpId"] == "localhost"
    assert len(options["allowCredentials"]) == 1


def test_no_passwordless_sign_in(client):
    response = post_json(client, AUTH_BEGIN, HTTP_HOST="localhost")

    assert response.status_code == 403


def test_a_fully_signed_in_editor_may_start_adding_a_passkey(client, editor):
    client.force_login(editor)

    response = post_json(client, REGISTER_BEGIN, HTTP_HOST="localhost")

    assert response.status_code == 200
    assert response.json()["rp"]["id"] == "localhost"


def test_a_columnist_needs_an_authenticator_app_before_a_passkey(client):
    columnist = make_columnist("writer")
    client.force_login(columnist)

    response = post_json(client, REGISTER_BEGIN, HTTP_HOST="localhost")

    assert response.status_code == 403
    assert response.json()["code"] == "authenticator_first"


def test_the_second_step_offers_a_passkey_only_to_those_with_one(client, editor):
    password_only_login(client, editor)
    assert (
        "passkey-verification-button"
        not in client.get(SECOND_STEP, HTTP_HOST="localhost").content.decode()
    )

    passkey_for(editor)
    page = client.get(SECOND_STEP, HTTP_HOST="localhost").content.decode()

    assert "passkey-verification-button" in page
    assert 'name="code"' in page  # the code field stays, for browsers without scripts


def test_passkeys_are_not_offered_where_browsers_refuse_them(client, editor):
    passkey_for(editor)
    password_only_login(client, editor)

    page = client.get(SECOND_STEP, HTTP_HOST="127.0.0.1").content.decode()

    assert "passkey-verification-button" not in page


def test_one_removes_only_ones_own_passkeys(client, editor):
    mine = passkey_for(editor)
    theirs = passkey_for(make_editor("other"))
    client.force_login(editor)

    for malformed in ("abc", "", "1 OR 1=1", str(theirs.pk)):
        response = client.post(SETTINGS, {"remove_passkey": malformed})
        assert response.status_code == 302
    assert WebAuthnCredential.objects.count() == 2

    client.post(SETTINGS, {"remove_passkey": mine.pk})
    assert list(WebAuthnCredential.objects.all()) == [theirs]


def test_the_administrators_reset_removes_passkeys_too(editor):
    passkey_for(editor)

    second_factor.reset(editor)

    assert not passkeys.passkeys_of(editor).exists()
