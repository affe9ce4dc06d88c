"""Any member can protect their account with an authenticator app (TOTP), in either language."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from tests.browser.conftest import check_accessibility, click_and_check, visit
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def current_code(secret: str) -> str:
    """The code of the current 30-second window, taken early enough in it that the server
    checks it in the same window: a code read in a window's last seconds could reach the
    server in the next one and be refused, which once failed CI."""
    if time.time() % 30 > 25:
        time.sleep(30 - time.time() % 30 + 0.5)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(page, language: str, email: str) -> None:
    visit(page, f"/{language}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    click_and_check(page, page.locator("form.stack button[type=submit]"))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_member_turns_on_two_factor_authentication_and_needs_the_code_to_log_in(
    page, alice, demo_site, language
):
    alice.language = language  # after logging in, members land in their own language
    alice.save()
    log_in(page, language, "alice@example.org")
    visit(page, f"/{language}/accounts/2fa/")
    click_and_check(page, page.locator(f"a[href='/{language}/accounts/2fa/totp/activate/']"))
    # Turning on 2FA asks for the password once more.
    assert "/accounts/reauthenticate/" in page.url
    page.locator("#id_password").fill(PASSWORD)
    click_and_check(page, page.locator("form.stack button[type=submit]"))
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(current_code(secret))
    click_and_check(page, page.locator("form.stack button[type=submit]"))
    assert Authenticator.objects.filter(user=alice, type=Authenticator.Type.TOTP).exists()

    page.context.clear_cookies()
    log_in(page, language, "alice@example.org")
    assert "/accounts/2fa/authenticate/" in page.url
    page.locator("#id_code").fill(current_code(secret))
    page.locator("form.stack button[type=submit]").first.click()
    page.wait_for_url(f"**/{language}/")
    check_accessibility(page)
    assert page.locator("details.account-menu summary").inner_text().startswith("Alice Martin")
