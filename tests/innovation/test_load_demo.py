import io

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role, User
from governments.models import LocalGovernment

pytestmark = pytest.mark.django_db


def _run(**options):
    out = io.StringIO()
    call_command("load_demo", stdout=out, **options)
    return out.getvalue()


def test_load_demo_creates_registry_and_one_user_per_role_with_the_given_password():
    output = _run(password="demo-password-123")
    assert LocalGovernment.objects.count() == 246
    users = {user.username: user for user in User.objects.select_related("government")}
    assert set(users) == {"manager", "reviewer1", "reviewer2", "reviewer3", "gumi", "seosan"}
    assert users["manager"].role == Role.MANAGER
    assert users["gumi"].role == Role.SUBMITTER and users["gumi"].government.name == "Gumi-si"
    assert users["seosan"].government.name == "Seosan-si"
    assert all(user.check_password("demo-password-123") for user in users.values())
    assert "demo-password-123" in output


def test_load_demo_generates_and_prints_a_password_when_none_is_given():
    output = _run()
    password = output.split("password for all: ")[1].split(")")[0]
    assert len(password) >= 12
    assert User.objects.get(username="gumi").check_password(password)


def test_load_demo_is_idempotent_and_keeps_passwords():
    _run(password="demo-password-123")
    output = _run()
    assert LocalGovernment.objects.count() == 246
    assert User.objects.count() == 6
    assert User.objects.get(username="manager").check_password("demo-password-123")
    assert "passwords unchanged" in output


def test_load_demo_if_empty_skips_a_database_with_data():
    _run(password="demo-password-123")
    assert "not loaded" in _run(if_empty=True)


def test_load_demo_is_refused_where_demo_data_is_not_allowed(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="disabled"):
        _run()
    assert User.objects.count() == 0


def test_load_demo_gives_the_staff_an_authenticator_and_prints_its_key():
    import base64

    from django_otp.plugins.otp_totp.models import TOTPDevice

    output = _run(password="demo-password-123")
    devices = {device.user.username: device for device in TOTPDevice.objects.select_related("user")}
    assert set(devices) == {"manager", "reviewer1", "reviewer2", "reviewer3"}
    for username, device in devices.items():
        key = base64.b32encode(device.bin_key).decode()
        assert f"{username:10} key {key}" in output
        assert device.config_url in output
    again = _run()
    assert all(base64.b32encode(d.bin_key).decode() in again for d in devices.values())  # the same keys again
    assert TOTPDevice.objects.count() == 4
