"""Two-factor authentication: required for managers and reviewers, optional for submitters."""

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services
from audit.models import Action, AuditEvent
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory, UserFactory
from tests.accounts.helpers import sign_in, totp_code, totp_device, wrong_totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def log_in(client, username):
    return client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD, "next": "/reviews/"})


@pytest.mark.parametrize("factory", [ManagerFactory, ReviewerFactory])
def test_staff_with_only_a_password_can_reach_nothing_but_enrolment(client, factory):
    factory(username="staff")
    response = log_in(client, "staff")
    assert response.status_code == 302
    for path in ["/reviews/", "/reviews/manage/", "/accounts/account/", "/", "/admin/", "/dashboard/"]:
        refused = client.get(path)
        assert refused.status_code == 302, path
        assert refused.url.startswith(reverse("accounts:two_factor_setup") + "?next="), path
    assert client.get(reverse("accounts:two_factor_setup")).status_code == 200


def test_an_unverified_manager_gets_a_json_403_from_the_api(client):
    client.force_login(ManagerFactory())
    response = client.get("/api/v1/cases/")
    assert response.status_code == 403
    assert response.json()["code"] == "second_factor_required"


def test_a_manager_with_an_app_is_asked_for_the_code_and_then_gets_in(client):
    manager = ManagerFactory(username="boss")
    device = totp_device(manager)
    response = log_in(client, "boss")
    assert client.get("/reviews/manage/").url == reverse("accounts:two_factor_verify") + "?next=%2Freviews%2Fmanage%2F"

    wrong_code = wrong_totp_code(device)
    wrong = client.post(reverse("accounts:two_factor_verify"), {"code": wrong_code, "next": "/reviews/manage/"})
    assert wrong.status_code == 200
    assert "That code is not right." in wrong.content.decode()
    assert client.get("/reviews/manage/").status_code == 302

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)  # the app's code, a second later
    code = totp_code(device)
    response = client.post(reverse("accounts:two_factor_verify"), {"code": code, "next": "/reviews/manage/"})
    assert response.status_code == 302 and response.url == "/reviews/manage/"
    assert client.get("/reviews/manage/").status_code == 200
    assert response.wsgi_request.user.is_verified()


def test_a_code_cannot_be_used_twice(client):
    manager = ManagerFactory(username="boss")
    device = totp_device(manager)
    code = totp_code(device)
    log_in(client, "boss")
    assert client.post(reverse("accounts:two_factor_verify"), {"code": code}).status_code == 302
    client.post(reverse("accounts:logout"))
    log_in(client, "boss")
    replay = client.post(reverse("accounts:two_factor_verify"), {"code": code})
    assert replay.status_code == 200
    assert "That code is not right." in replay.content.decode()


def test_enrolment_shows_a_local_qr_code_then_recovery_codes_once(client):
    ReviewerFactory(username="kim")
    log_in(client, "kim")
    page = client.get(reverse("accounts:two_factor_setup"))
    body = page.content.decode()
    assert "<svg" in body and "<img" not in body.split('id="main-content"')[1]
    device = TOTPDevice.objects.get(user__username="kim", confirmed=False)
    assert client.get(reverse("accounts:two_factor_setup")).context["qr_svg"] == page.context["qr_svg"]  # same secret

    wrong = client.post(reverse("accounts:two_factor_setup"), {"code": wrong_totp_code(device)})
    assert "That code is not right" in wrong.content.decode()
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)

    response = client.post(reverse("accounts:two_factor_setup"), {"code": totp_code(device), "next": "/reviews/"})
    assert response.url == reverse("accounts:recovery_codes") + "?next=%2Freviews%2F"
    codes_page = client.get(response.url)
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    stored = StaticToken.objects.filter(device__user__username="kim").values_list("token", flat=True)
    assert sorted(services.recovery_code_digest(code) for code in codes) == sorted(stored)  # never the codes
    assert client.get(reverse("accounts:recovery_codes")).status_code == 302  # shown once
    assert client.get("/reviews/").status_code == 200
    assert AuditEvent.objects.filter(action=Action.TWO_FACTOR_ENROLLED, target_id=str(device.user_id)).count() == 1


def test_someone_with_an_app_cannot_replace_it_before_confirming_the_sign_in(client):
    manager = ManagerFactory(username="boss")
    totp_device(manager)
    log_in(client, "boss")
    response = client.get(reverse("accounts:two_factor_setup"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:two_factor_verify"))
    assert not TOTPDevice.objects.filter(user=manager, confirmed=False).exists()


def test_a_recovery_code_signs_in_once(client):
    manager = ManagerFactory(username="boss")
    sign_in(client, manager)
    client.post(reverse("accounts:recovery_codes"))
    codes = client.session["accounts.new_recovery_codes"]
    client.post(reverse("accounts:logout"))

    log_in(client, "boss")
    response = client.post(reverse("accounts:two_factor_verify"), {"code": codes[0].upper()})
    assert response.status_code == 302
    assert client.get("/reviews/manage/").status_code == 200
    client.post(reverse("accounts:logout"))
    log_in(client, "boss")
    assert client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]}).status_code == 200


def new_recovery_codes(client, user) -> list[str]:
    sign_in(client, user)
    client.post(reverse("accounts:recovery_codes"))
    codes = client.session["accounts.new_recovery_codes"]
    client.post(reverse("accounts:logout"))
    return codes


def test_recovery_codes_made_under_the_previous_secret_key_work_while_it_is_a_fallback(client, settings):
    manager = ManagerFactory(username="boss")
    settings.SECRET_KEY = "the-old-key-" + "o" * 50
    codes = new_recovery_codes(client, manager)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = "the-new-key-" + "n" * 50, [settings.SECRET_KEY]

    log_in(client, "boss")
    wrong = client.post(reverse("accounts:two_factor_verify"), {"code": "abcdefgh"})
    assert "That code is not right." in wrong.content.decode()
    device = StaticDevice.objects.get(user=manager)
    assert device.throttling_failure_count == 1  # one wrong code, one failure: not one per key
    StaticDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    assert client.post(reverse("accounts:two_factor_verify"), {"code": codes[0]}).status_code == 302
    client.post(reverse("accounts:logout"))

    settings.SECRET_KEY_FALLBACKS = []  # the rotation is over: the old key's codes are gone with it
    log_in(client, "boss")
    assert client.post(reverse("accounts:two_factor_verify"), {"code": codes[1]}).status_code == 200
    assert StaticToken.objects.filter(device__user=manager).count() == len(codes) - 1


def test_submitters_need_no_second_factor_unless_they_set_one_up(client):
    submitter = SubmitterFactory(username="gumi")
    log_in(client, "gumi")
    assert client.get(reverse("cases:my_cases")).status_code == 200
    client.post(reverse("accounts:logout"))

    totp_device(submitter)
    log_in(client, "gumi")
    response = client.get(reverse("cases:my_cases"))
    assert response.url.startswith(reverse("accounts:two_factor_verify"))


def test_superusers_need_a_second_factor_for_the_admin(client):
    UserFactory(username="root", is_staff=True, is_superuser=True)
    log_in(client, "root")
    response = client.get("/admin/")
    assert response.url.startswith(reverse("accounts:two_factor_setup"))


def test_an_unverified_manager_may_still_sign_out_and_switch_language(client):
    client.force_login(ManagerFactory())
    assert client.post(reverse("set_language"), {"language": "ko", "next": "/"}).status_code == 302
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session
