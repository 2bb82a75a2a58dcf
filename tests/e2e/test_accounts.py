"""Accounts in the browser: a new municipal officer's whole onboarding in both languages (invited
by a manager, e-mail link, password, sign-in, forgotten password, reset, sign-in), a manager's
first sign-in with enrolment of an authenticator app on a phone, and the idle-timeout warning."""

import base64
import re

import pytest
from django.core import mail
from django_otp.oath import TOTP
from playwright.sync_api import expect

from accounts.models import Role, User
from tests.accounts.factories import ManagerFactory, SubmitterFactory
from tests.accounts.helpers import totp_code
from tests.e2e.helpers import fresh_browser, log_in_with_password, submit_password
from tests.governments.factories import CityFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
HEADINGS = {
    "en": {
        "accept": "Create your account",
        "login": "Log in",
        "reset": "Reset your password",
        "sent": "Check your e-mail",
        "new": "Choose a new password",
        "done": "Your password was changed",
    },
    "ko": {
        "accept": "계정 만들기",
        "login": "로그인",
        "reset": "비밀번호 재설정",
        "sent": "이메일을 확인하십시오",
        "new": "새 비밀번호 정하기",
        "done": "비밀번호가 변경되었습니다",
    },
}


def last_link(pattern: str) -> str:
    return re.search(pattern, mail.outbox[-1].body).group(0)


def heading(page):
    return page.locator("main h1")


def log_out(page):
    """With the header's button, or on a phone from the menu (KRDS mobile menu), as a person does."""
    menu = page.locator('button[aria-controls="mobile-nav"]')
    if menu.is_visible():
        menu.click()
        page.locator("#mobile-nav form[action='/accounts/logout/'] button").click()
    else:
        page.locator(".header-tools form[action='/accounts/logout/'] button").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_invited_officer_sets_a_password_signs_in_and_resets_a_forgotten_password(page, live_server, language):
    words = HEADINGS[language]
    city = CityFactory(name="Gumi-si", name_local="구미시")
    ManagerFactory(username="boss")

    # The manager invites the officer.
    log_in_with_password(page, live_server, "boss", PASSWORD, language=language)
    page.goto(live_server.url + "/accounts/manage/invitations/")
    page.locator("#id_email").fill("officer@gumi.go.kr")
    page.locator("#id_role").select_option(Role.SUBMITTER.value)
    page.locator("#id_government").select_option(str(city.pk))
    page.locator("#id_email").press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("officer@gumi.go.kr")
    expect(page.locator("table.invitations")).to_contain_text("officer@gumi.go.kr")
    invitation_link = last_link(r"http://[^/\s]+/accounts/invitation/[^/\s]+/")

    # The officer opens the e-mail's link at another computer and chooses a password.
    fresh_browser(page, live_server, language)
    page.goto(invitation_link)
    expect(heading(page)).to_have_text(words["accept"])
    expect(page.locator("main")).to_contain_text("구미시" if language == "ko" else "Gumi-si")
    page.locator("#id_username").fill("gumi.officer")
    page.locator("#id_first_name").fill("Ji-woo")
    page.locator("#id_password1").fill("first-long-passphrase")
    page.locator("#id_password2").fill("first-long-passphrase")
    page.locator("#id_password2").press("Enter")
    page.wait_for_load_state()
    expect(heading(page)).to_have_text(words["login"])
    expect(page.locator(".messages")).to_contain_text("gumi.officer")

    submit_password(page, live_server, "gumi.officer", "first-long-passphrase")
    expect(page.locator("header .user-name")).to_contain_text("Ji-woo")
    log_out(page)

    # Weeks later: the password is forgotten.
    page.goto(live_server.url + "/accounts/login/")
    page.locator("main a[href='/accounts/password/reset/']").click()
    expect(heading(page)).to_have_text(words["reset"])
    page.locator("#id_email").fill("officer@gumi.go.kr")
    page.locator("#id_email").press("Enter")
    expect(heading(page)).to_have_text(words["sent"])
    reset_link = last_link(r"http://[^/\s]+/accounts/password/reset/[^\s]+/")

    page.goto(reset_link)
    expect(heading(page)).to_have_text(words["new"])
    page.locator("#id_new_password1").fill("second-long-passphrase")
    page.locator("#id_new_password2").fill("second-long-passphrase")
    page.locator("#id_new_password2").press("Enter")
    expect(heading(page)).to_have_text(words["done"])

    submit_password(page, live_server, "gumi.officer", "first-long-passphrase")
    expect(page.locator("header .user-name")).to_have_count(0)  # the old password is gone
    submit_password(page, live_server, "gumi.officer", "second-long-passphrase")
    expect(page.locator("header .user-name")).to_contain_text("Ji-woo")
    officer = User.objects.get(username="gumi.officer")
    assert (officer.role, officer.government, officer.email) == (Role.SUBMITTER, city, "officer@gumi.go.kr")


def test_a_manager_enrols_an_authenticator_on_a_phone_and_then_needs_its_code(page, live_server):
    ManagerFactory(username="newboss")
    page.set_viewport_size({"width": 390, "height": 844})
    fresh_browser(page, live_server)
    submit_password(page, live_server, "newboss", PASSWORD)
    expect(heading(page)).to_have_text("Set up two-factor authentication")
    page.goto(live_server.url + "/reviews/manage/")
    expect(heading(page)).to_have_text("Set up two-factor authentication")  # nothing else until enrolled
    expect(page.locator(".qr-code svg")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    app = TOTP(base64.b32decode(secret))
    page.locator("#id_code").fill(f"{app.token():06d}")
    page.locator("#id_code").press("Enter")
    expect(heading(page)).to_have_text("Your recovery codes")
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="I have saved them: continue").click()
    expect(heading(page)).to_have_text("Manage awards")

    # Next time: password, then the app's code; without the code nothing opens.
    log_out(page)
    submit_password(page, live_server, "newboss", PASSWORD)
    expect(heading(page)).to_have_text("Confirm your sign-in")
    page.goto(live_server.url + "/reviews/manage/")
    expect(heading(page)).to_have_text("Confirm your sign-in")
    device = User.objects.get(username="newboss").totpdevice_set.get(confirmed=True)
    page.locator("#id_code").fill(totp_code(device))
    page.locator("#id_code").press("Enter")
    expect(heading(page)).to_have_text("Manage awards")


def test_the_idle_warning_extends_the_session_and_then_signs_out_with_a_message(page, live_server, settings):
    settings.SESSION_IDLE_TIMEOUT = 8
    settings.SESSION_WARNING_BEFORE = 6
    SubmitterFactory(username="gumi")
    log_in_with_password(page, live_server, "gumi", PASSWORD)
    page.goto(live_server.url + "/accounts/account/")
    dialog = page.locator("#session-timeout")
    expect(dialog).to_be_visible(timeout=6000)
    expect(page.get_by_role("alertdialog")).to_be_visible()
    expect(page.get_by_role("button", name="Stay signed in")).to_be_focused()
    page.get_by_role("button", name="Stay signed in").click()
    expect(dialog).to_be_hidden()

    expect(dialog).to_be_visible(timeout=6000)  # warned again; this time nobody answers
    expect(page.locator("#session-expired")).to_be_visible(timeout=15000)
    assert "/accounts/login/?expired=idle&next=%2Faccounts%2Faccount%2F" in page.url
    page.locator("#id_username").fill("gumi")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(heading(page)).to_have_text("My account")
