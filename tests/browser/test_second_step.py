"""The second sign-in step in a real browser, with JavaScript switched off: enrolment by the
typed key, the recovery codes, then a sign-in with a code. Both pages pass axe-core."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.browser.test_accessibility import axe_violations
from tests.factories import make_editor, totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def type_password(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-for-tests-1")
    page.click("input[type=submit]")


def test_an_editor_enrols_and_signs_in_without_javascript(browser, live_server):
    make_editor("newbie")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    type_password(page, live_server, "newbie")
    page.wait_for_url(f"{live_server.url}/admin/second-step/set-up/**")
    assert page.locator(".qr-code svg").is_visible()
    secret = page.locator(".totp-secret code").inner_text().replace(" ", "")
    device = TOTPDevice.objects.get(user__username="newbie")
    assert secret == device.config_url.split("secret=")[1].split("&")[0]
    page.fill("#id_code", totp_code(device))
    page.click("#enrol-form input[type=submit]")

    codes = page.locator(".recovery-code-list code").all_inner_texts()
    assert len(codes) == 10
    page.click("text=I have saved them, continue")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.click("#logout-form button")
    type_password(page, live_server, "newbie")
    page.wait_for_url(f"{live_server.url}/admin/second-step/**")
    page.fill("#id_code", codes[0])
    page.click("#second-step-form input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    context.close()


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (390, "dark")])
def test_the_second_step_pages_are_accessible(browser, live_server, width, scheme):
    make_editor("newbie")
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    type_password(page, live_server, "newbie")
    page.wait_for_url(f"{live_server.url}/admin/second-step/set-up/**")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0

    page.fill("#id_code", totp_code(TOTPDevice.objects.get(user__username="newbie")))
    page.click("#enrol-form input[type=submit]")
    page.click("text=I have saved them, continue")
    page.click("#logout-form button")
    type_password(page, live_server, "newbie")
    page.wait_for_url(f"{live_server.url}/admin/second-step/**")
    assert axe_violations(page) == []
    page.fill("#id_code", "000000")
    page.click("#second-step-form input[type=submit]")
    assert page.locator(".errornote").is_visible()
    assert axe_violations(page) == []
    context.close()


def test_an_editor_adds_a_passkey_and_signs_in_with_it(page, live_server):
    """Chromium's virtual authenticator stands in for a phone or security key."""
    from django_otp_webauthn.models import WebAuthnCredential

    from tests.browser.conftest import sign_in

    assert live_server.url.startswith("http://localhost:")  # passkeys need localhost or https
    make_editor("desk")
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    sign_in(page, live_server, "desk")
    page.goto(f"{live_server.url}/admin/two-step-sign-in/")
    page.click("#passkey-register-button")
    made = WebAuthnCredential.objects.filter(user__username="desk", confirmed=True)
    for _ in range(50):  # the ceremony is two requests from the page's script
        if made.exists():
            break
        page.wait_for_timeout(100)
    assert made.count() == 1
    page.reload()
    assert page.locator(".passkey-list li").count() == 1

    page.click("#logout-form button")
    type_password(page, live_server, "desk")
    page.wait_for_url(f"{live_server.url}/admin/second-step/**")
    page.click("#passkey-verification-button")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.console_errors == []
