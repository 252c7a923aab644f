"""Password guessing on the admin login is throttled per account and address together,
with a looser limit per address; a stranger's guesses never lock the owner out elsewhere."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.urls import reverse

from opinion_blog.client_ip import client_ip, header_meta_key
from tests.factories import make_admin, make_editor

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "pw-for-tests-1"


def sign_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        **headers,
    )


def is_signed_in(response):
    """The password was accepted: on to the dashboard, or first to the second step."""
    second_step = f"{reverse('admin:second_step')}?next="
    return response.status_code == 302 and (
        response.url == reverse("admin:index") or response.url.startswith(second_step)
    )


@pytest.fixture
def editor():
    return make_editor("desk")


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, editor):
    for _ in range(4):
        assert sign_in(client, "desk", "guess").status_code == 200
    assert sign_in(client, "desk", "guess").status_code == 429

    response = sign_in(client, "desk", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_says_what_happened_and_when_to_try_again(client, editor):
    for _ in range(5):
        sign_in(client, "desk", "guess")

    response = sign_in(client, "desk", "another guess")

    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    assert "Sign-in paused" in html
    assert "try again in 15 minutes" in html
    assert "administrator" in html
    assert "site.css" in html


def test_a_stranger_cannot_lock_an_editor_out_at_their_own_address(client, editor):
    """Five wrong passwords from a stranger's address used to lock the account everywhere."""
    for _ in range(6):
        sign_in(client, "desk", "guess", address="198.51.100.66")
    assert sign_in(client, "desk", PASSWORD, address="198.51.100.66").status_code == 429

    assert is_signed_in(sign_in(client, "desk", PASSWORD, address="192.0.2.99"))


def test_each_address_guessing_one_account_is_stopped_after_five(client, editor):
    for number in range(3):
        address = f"198.51.100.{number}"
        for _ in range(5):
            sign_in(client, "desk", "guess", address=address)

        assert sign_in(client, "desk", PASSWORD, address=address).status_code == 429


def test_one_address_trying_many_accounts_is_locked_out(client, editor, settings):
    for number in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT - 1):
        sign_in(client, f"someone{number}", "password1")
    assert is_signed_in(sign_in(client, "desk", PASSWORD))
    client.logout()
    sign_in(client, "someone-else", "password1")

    response = sign_in(client, "desk", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert is_signed_in(sign_in(client, "desk", PASSWORD, address="192.0.2.99"))


def test_someone_else_at_another_address_can_still_sign_in(client, editor):
    make_editor("other")
    for _ in range(5):
        sign_in(client, "desk", "guess")

    assert is_signed_in(sign_in(client, "other", PASSWORD, address="192.0.2.99"))


def test_a_few_typos_do_not_lock_anyone_out(client, editor):
    for _ in range(4):
        sign_in(client, "desk", "typo")

    assert is_signed_in(sign_in(client, "desk", PASSWORD))


def test_the_lockout_ends_by_itself_after_the_cool_off(client, editor):
    with time_machine.travel("2026-03-02 09:00 +0000", tick=False) as clock:
        for _ in range(5):
            sign_in(client, "desk", "guess")
        assert sign_in(client, "desk", PASSWORD).status_code == 429

        clock.shift(timedelta(minutes=16))

        assert is_signed_in(sign_in(client, "desk", PASSWORD))


def test_an_administrator_unlocks_an_account_in_the_admin(client, editor):
    for _ in range(5):
        sign_in(client, "desk", "guess")
    admin_client = type(client)()
    admin_client.force_login(make_admin())
    locked = list(AccessAttempt.objects.filter(username="desk").values_list("pk", flat=True))
    changelist = reverse("admin:axes_accessattempt_changelist")

    assert "desk" in admin_client.get(changelist, {"locked_out": "yes"}).content.decode()
    admin_client.post(
        changelist,
        {"action": "delete_selected", "_selected_action": locked, "post": "yes"},
    )

    assert not AccessAttempt.objects.filter(username="desk").exists()
    assert is_signed_in(sign_in(client, "desk", PASSWORD))


def test_editors_cannot_unlock_accounts(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:axes_accessattempt_changelist"))

    assert response.status_code == 403


def test_a_forwarded_address_is_ignored_unless_a_proxy_is_trusted(client, editor):
    for number in range(5):
        sign_in(client, "desk", "guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")

    assert sign_in(client, "desk", PASSWORD).status_code == 429


def test_behind_a_trusted_proxy_the_client_address_comes_from_its_header(client, editor, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.CLIENT_IP_PROXY_COUNT = 1
    for number in range(5):
        # The client forges the left part; the proxy appends the real address.
        sign_in(
            client,
            f"someone{number}",
            "guess",
            address="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.7",
        )

    assert AccessAttempt.objects.filter(ip_address="203.0.113.7").count() == 5
    from_colleague = sign_in(
        client, "desk", PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.20"
    )
    assert is_signed_in(from_colleague)


@pytest.mark.parametrize(
    ("header", "proxies", "forwarded", "expected"),
    [
        ("", 1, "192.0.2.1", "10.0.0.2"),
        ("X-Forwarded-For", 1, None, "10.0.0.2"),
        ("X-Forwarded-For", 1, "not-an-address", "10.0.0.2"),
        ("X-Forwarded-For", 1, "192.0.2.1", "192.0.2.1"),
        ("X-Forwarded-For", 1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),
        ("X-Forwarded-For", 2, "6.6.6.6, 192.0.2.1, 198.51.100.5", "192.0.2.1"),
        ("X-Forwarded-For", 2, "192.0.2.1", "10.0.0.2"),
        ("X-Real-IP", 1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_is_read_only_from_what_trusted_proxies_wrote(
    rf, settings, header, proxies, forwarded, expected
):
    settings.CLIENT_IP_HEADER = header
    settings.CLIENT_IP_PROXY_COUNT = proxies
    meta = {} if forwarded is None else {header_meta_key(header or "X-Forwarded-For"): forwarded}

    assert client_ip(rf.get("/", REMOTE_ADDR="10.0.0.2", **meta)) == expected
