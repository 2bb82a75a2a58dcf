import io

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from tests.accounts.factories import ManagerFactory, ReviewerFactory
from tests.accounts.helpers import totp_device

pytestmark = pytest.mark.django_db


def test_create_api_token_prints_a_working_token_once():
    ReviewerFactory(username="kim")
    out = io.StringIO()
    call_command("create_api_token", "kim", "--name", "nightly export", "--days", "10", stdout=out)
    key = out.getvalue().split("\n")[0]
    response = APIClient().get("/api/v1/review-assignments/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    with pytest.raises(CommandError, match="No active user"):
        call_command("create_api_token", "nobody", "--name", "x")


def test_reset_two_factor_removes_the_devices():
    manager = ManagerFactory(username="boss")
    totp_device(manager)
    call_command("reset_two_factor", "boss", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=manager).exists()
