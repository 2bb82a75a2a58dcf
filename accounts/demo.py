"""Demo users, one per role. Only ``load_demo`` calls this; migrations never create users."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass, field

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from governments.models import LocalGovernment

from .models import Role, User
from .permissions import requires_second_factor

# username, role, government code (KOSTAT), first name, last name, name in Korean
DEMO_USERS = [
    ("manager", Role.MANAGER, None, "Su-jin", "Choi", "최수진"),
    ("reviewer1", Role.REVIEWER, None, "Min-jun", "Kim", "김민준"),
    ("reviewer2", Role.REVIEWER, "37", "Seo-yeon", "Lee", "이서연"),  # Gyeongsangbuk-do: conflicts with Gumi
    ("reviewer3", Role.REVIEWER, "11", "Ji-ho", "Park", "박지호"),  # Seoul: conflicts with its districts
    ("gumi", Role.SUBMITTER, "37050", "Hyun-woo", "Jung", "정현우"),
    ("seosan", Role.SUBMITTER, "34050", "Ye-eun", "Kang", "강예은"),
]


@dataclass(frozen=True)
class DemoAuthenticator:
    username: str
    secret: str  # base32, what an authenticator app asks for when typed in
    uri: str  # otpauth:// URI (what the enrolment QR code holds)


@dataclass(frozen=True)
class DemoUsersResult:
    created: list[str]
    password: str | None  # the password set on this run, None if none was set
    authenticators: list[DemoAuthenticator] = field(default_factory=list)


@transaction.atomic
def load_demo_users(*, password: str | None = None) -> DemoUsersResult:
    """Create the demo users that are missing. New users get ``password`` (generated when None);
    existing users keep theirs unless ``password`` is given."""
    governments = {g.code: g for g in LocalGovernment.objects.filter(code__in=[u[2] for u in DEMO_USERS if u[2]])}
    existing = set(User.objects.filter(username__in=[u[0] for u in DEMO_USERS]).values_list("username", flat=True))
    new_password = password or (secrets.token_urlsafe(12) if len(existing) < len(DEMO_USERS) else None)
    created = []
    for username, role, government_code, first_name, last_name, name_local in DEMO_USERS:
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "government": governments[government_code] if government_code else None,
                "first_name": first_name,
                "last_name": last_name,
                "name_local": name_local,
                "email": f"{username}@example.go.kr",
            },
        )
        if was_created or password:
            user.set_password(new_password)
            user.save(update_fields=["password"])
        if was_created:
            created.append(username)
    authenticators = [
        _demo_authenticator(user) for user in User.objects.filter(username__in=[u[0] for u in DEMO_USERS])
    ]
    return DemoUsersResult(
        created=created,
        password=new_password if (created or password) else None,
        authenticators=sorted((a for a in authenticators if a), key=lambda a: a.username),
    )


def _demo_authenticator(user: User) -> DemoAuthenticator | None:
    """Managers and reviewers need a second factor: the demo gives each one an authenticator
    secret to add to an app (or to compute codes with ``oathtool --totp -b SECRET``)."""
    if not requires_second_factor(user):
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
    secret = base64.b32encode(device.bin_key).decode()
    return DemoAuthenticator(username=user.username, secret=secret, uri=device.config_url)
