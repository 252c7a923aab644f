"""Editors and administrators pass a second step (an authenticator or recovery code)
before any admin page, admin POST or preview; columnists may choose to."""

import re
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article, Status
from signin import second_factor
from tests.conftest import password_only_login
from tests.factories import (
    give_authenticator,
    make_admin,
    make_article,
    make_author,
    make_columnist,
    make_editor,
    totp_code,
)

pytestmark = pytest.mark.django_db

PASSWORD = "pw-for-tests-1"
LOGIN = reverse("admin:login")
SECOND_STEP = reverse("admin:second_step")
ENROL = reverse("admin:second_step_enrol")
INDEX = reverse("admin:index")


def sign_in(client, username, password=PASSWORD, address="203.0.113.7", next_url=INDEX):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": next_url},
        REMOTE_ADDR=address,
    )


def give_code(client, code, address="203.0.113.7", next_url=INDEX):
    return client.post(SECOND_STEP, {"code": code, "next": next_url}, REMOTE_ADDR=address)


def goes_to_second_step(response):
    return response.status_code == 302 and response.url.startswith(f"{SECOND_STEP}?next=")


def no_throttle(settings):
    """django-otp doubles a wait after each wrong code; these tests type faster than people."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def editor():
    user = make_editor("desk")
    give_authenticator(user)
    return user


@pytest.fixture
def half_signed_in(client, editor):
    """An editor's session that has given the password and nothing else."""
    password_only_login(client, editor)
    return client


# Every admin route, as a path with a placeholder for each argument.


def admin_paths(patterns=None, prefix="/admin/"):
    for pattern in admin.site.get_urls() if patterns is None else patterns:
        route = str(pattern.pattern)
        if "(?P<app_label>" in route:
            yield f"{prefix}articles/"
            continue
        route = re.sub(r"<[^>]+>", "1", route).lstrip("^").rstrip("$")
        if "(" in route or "\\" in route:  # the catch-all and other regexes
            continue
        if isinstance(pattern, URLResolver):
            yield from admin_paths(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield prefix + route


OPEN_BEFORE_THE_SECOND_STEP = {SECOND_STEP, ENROL, reverse("admin:second_step_cancel")}
GUARDED_PATHS = sorted(set(admin_paths()) - OPEN_BEFORE_THE_SECOND_STEP)


def test_the_route_walk_covers_the_newsroom_admin():
    for path in [
        INDEX,
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[1]),
        reverse("admin:articles_article_workflow", args=[1]),
        reverse("admin:articles_article_review_desk"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:notification_settings"),
        reverse("admin:second_step_settings"),
    ]:
        assert path in GUARDED_PATHS
    assert len(GUARDED_PATHS) > 80


@pytest.mark.parametrize("path", GUARDED_PATHS)
def test_a_password_alone_reaches_no_admin_page(half_signed_in, path):
    for response in (half_signed_in.get(path), half_signed_in.post(path, {"x": "1"})):
        assert goes_to_second_step(response), (path, response.status_code)


def test_a_password_alone_cannot_publish(half_signed_in):
    article = make_article(status=Status.SUBMITTED)
    workflow = reverse("admin:articles_article_workflow", args=[article.pk])

    response = half_signed_in.post(workflow, {"_transition": "publish"})

    assert goes_to_second_step(response)
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED
    assert not Article.objects.published().exists()


def test_a_password_alone_cannot_bulk_publish_or_trash(half_signed_in):
    article = make_article(status=Status.SUBMITTED)
    changelist = reverse("admin:articles_article_changelist")

    for action in ("restore_selected", "trash_selected", "delete_selected"):
        response = half_signed_in.post(
            changelist, {"action": action, "_selected_action": [article.pk], "post": "yes"}
        )
        assert goes_to_second_step(response)
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED


def test_a_password_alone_sees_no_preview_and_is_anonymous_on_the_site(half_signed_in, editor):
    article = make_article(status=Status.SUBMITTED, title="Unseen draft")
    preview = reverse("articles:preview", args=[article.pk])

    assert half_signed_in.get(preview).status_code == 404

    half_signed_in.force_login(editor)  # now past the second step
    assert half_signed_in.get(preview).status_code == 200


def test_the_admin_login_sends_an_editor_on_to_the_second_step(client, editor):
    target = reverse("admin:articles_article_changelist")

    response = sign_in(client, "desk", next_url=target)

    assert response.status_code == 302
    assert response.url == f"{SECOND_STEP}?next={target}"
    page = client.get(response.url)
    assert page.status_code == 200
    assert 'name="code"' in page.content.decode()
    assert "<script" not in page.content.decode().split("<body")[1]  # works without JavaScript


def test_the_right_code_finishes_the_sign_in_with_a_new_session_key(client, editor):
    sign_in(client, "desk")
    before = client.session.session_key
    target = reverse("admin:articles_article_changelist")

    response = give_code(client, totp_code(give_authenticator(editor)), next_url=target)

    assert response.status_code == 302 and response.url == target
    assert client.session.session_key != before
    assert client.session[DEVICE_ID_SESSION_KEY]
    assert client.get(target).status_code == 200


def test_the_second_step_never_sends_people_off_the_site(client, editor):
    sign_in(client, "desk")

    response = give_code(
        client, totp_code(give_authenticator(editor)), next_url="https://evil.example/"
    )

    assert response.url == INDEX


def test_a_wrong_code_is_refused(client, editor):
    sign_in(client, "desk")

    response = give_code(
        client, "000000" if totp_code(editor.totpdevice_set.get()) != "000000" else "111111"
    )

    assert response.status_code == 200
    assert "wrong or was already used" in response.content.decode()
    assert goes_to_second_step(client.get(INDEX))


def test_a_code_is_accepted_only_once(client, editor, settings):
    no_throttle(settings)
    device = give_authenticator(editor)
    with time_machine.travel("2026-03-02 09:00:05 +0000", tick=False):
        code = totp_code(device)
        sign_in(client, "desk")
        assert give_code(client, code).status_code == 302
        client.logout()
        sign_in(client, "desk")

        response = give_code(client, code)

    assert response.status_code == 200
    assert "wrong or was already used" in response.content.decode()


def test_a_recovery_code_works_once(client, editor, settings):
    no_throttle(settings)
    codes = second_factor.new_recovery_codes(editor)
    sign_in(client, "desk")

    assert give_code(client, codes[0].upper()).status_code == 302
    client.logout()
    sign_in(client, "desk")
    assert give_code(client, codes[0]).status_code == 200
    assert give_code(client, codes[1]).status_code == 302
    assert second_factor.recovery_codes_left(editor) == 8


def test_wrong_codes_slow_down_the_next_try(client, editor):
    device = give_authenticator(editor)
    with time_machine.travel("2026-03-02 09:00:05 +0000", tick=False) as clock:
        sign_in(client, "desk")
        give_code(client, "12345x")  # a recovery-code guess: the recovery device waits now
        give_code(client, "000000" if totp_code(device) != "000000" else "111111")

        refused = give_code(client, totp_code(device))
        assert refused.status_code == 200
        assert "Too many wrong codes" in refused.content.decode()

        clock.shift(timedelta(seconds=2))
        assert give_code(client, totp_code(device)).status_code == 302


def test_five_wrong_codes_pause_the_account_at_that_address_like_passwords(
    client, editor, settings
):
    no_throttle(settings)
    device = give_authenticator(editor)
    sign_in(client, "desk")
    for _ in range(4):
        assert give_code(client, "aaaaaaaa").status_code == 200
    assert give_code(client, "aaaaaaaa").status_code == 429

    response = give_code(client, totp_code(device))

    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    assert AccessAttempt.objects.get(username="desk").failures_since_start == 5
    # The editor at their own address is not locked out by it.
    other = type(client)()
    assert goes_to_second_step(sign_in(other, "desk", address="192.0.2.99"))
    assert give_code(other, totp_code(device), address="192.0.2.99").status_code == 302


def test_signing_out_from_the_second_step(half_signed_in):
    response = half_signed_in.post(reverse("admin:second_step_cancel"))

    assert response.status_code == 302 and response.url == LOGIN
    assert "_auth_user_id" not in half_signed_in.session


# Enrolment.


def test_an_editor_without_an_authenticator_sets_one_up_on_first_sign_in(client, settings):
    no_throttle(settings)
    make_editor("newbie")
    response = sign_in(client, "newbie")
    response = client.get(response.url)
    assert response.status_code == 302 and response.url.startswith(f"{ENROL}?next=")

    page = client.get(response.url)

    html = page.content.decode()
    device = TOTPDevice.objects.get(user__username="newbie", confirmed=False)
    secret = second_factor.base32_secret(device)
    assert "<svg" in html and 'aria-label="QR code' in html
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in html
    assert client.get(ENROL).content.decode().count(secret[:4]) >= 1  # same secret on reload
    assert TOTPDevice.objects.filter(user__username="newbie").count() == 1

    wrong = client.post(ENROL, {"code": "000000" if totp_code(device) != "000000" else "1"})
    assert "does not match" in wrong.content.decode()
    assert goes_to_second_step(client.get(INDEX))

    done = client.post(ENROL, {"code": totp_code(device), "next": INDEX})

    assert done.status_code == 200
    assert "no-store" in done["Cache-Control"]
    codes = StaticToken.objects.filter(device__user__username="newbie")
    assert codes.count() == 10
    for token in codes:
        assert token.token in done.content.decode()
    assert client.get(INDEX).status_code == 200


def test_a_password_alone_cannot_replace_an_existing_authenticator(half_signed_in, editor):
    response = half_signed_in.get(ENROL)

    assert goes_to_second_step(response)
    response = half_signed_in.post(ENROL, {"code": "123456"})
    assert goes_to_second_step(response)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_recovery_codes_are_never_shown_again_but_can_be_replaced(client, editor):
    old = second_factor.new_recovery_codes(editor)
    client.force_login(editor)
    settings_page = reverse("admin:second_step_settings")

    page = client.get(settings_page).content.decode()
    assert "10</strong> unused recovery codes" in page
    assert old[0] not in page

    response = client.post(settings_page)

    new = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(new) == 10 and not set(new) & set(old)
    assert all(code in response.content.decode() for code in new)


# Columnists.


def test_columnists_are_not_asked_for_a_code(client):
    make_columnist("writer")

    response = sign_in(client, "writer")

    assert response.status_code == 302 and response.url == INDEX
    assert client.get(INDEX).status_code == 200


def test_a_columnist_may_turn_it_on_and_is_then_asked_every_time(client):
    columnist = make_columnist("writer")
    sign_in(client, "writer")
    assert (
        "is <strong>off</strong>"
        in client.get(reverse("admin:second_step_settings")).content.decode()
    )
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=columnist)
    assert client.post(ENROL, {"code": totp_code(device)}).status_code == 200
    client.logout()

    assert goes_to_second_step(sign_in(client, "writer"))
    assert give_code(client, totp_code(device)).status_code == 302


# The administrator's reset.


def test_an_administrator_resets_an_editors_second_step(client, editor, settings):
    no_throttle(settings)
    second_factor.new_recovery_codes(editor)
    signed_in_editor = type(client)()
    signed_in_editor.force_login(editor)
    client.force_login(make_admin())

    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [editor.pk]},
    )

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    # The editor's open session no longer counts as verified; the next sign-in enrols.
    assert goes_to_second_step(signed_in_editor.get(INDEX))
    fresh = type(client)()
    sign_in(fresh, "desk")
    assert fresh.get(SECOND_STEP)["Location"].startswith(ENROL)


def test_only_administrators_may_reset(client, editor):
    other = make_editor("other-desk")
    client.force_login(other)

    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [editor.pk]},
    )

    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_staff_with_user_rights_but_not_administrators_see_no_reset_action(client):
    from django.contrib.auth.models import Permission

    manager = make_columnist("manager")
    manager.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_user", "view_user"])
    )
    client.force_login(User.objects.get(pk=manager.pk))

    page = client.get(reverse("admin:auth_user_changelist")).content.decode()

    assert "reset_second_factor" not in page


# Where a sign-in lands.


def test_a_sign_in_without_next_lands_on_the_admin_not_a_missing_profile(client):
    make_columnist("writer")
    make_author("Writer")

    response = client.post(LOGIN, {"username": "writer", "password": PASSWORD})

    assert response.url == INDEX
    assert client.get("/accounts/profile/").url == INDEX


def test_force_login_in_tests_passes_the_second_step_for_editors(client, editor):
    client.force_login(editor)

    assert client.get(INDEX).status_code == 200
