"""Demo users, one per role. Only ``load_demo`` calls this; migrations never create users."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.db import transaction

from governments.models import LocalGovernment

from .models import Role, User

# username, role, government code (KOSTAT), first name, last name
DEMO_USERS = [
    ("manager", Role.MANAGER, None, "Award", "Manager"),
    ("reviewer1", Role.REVIEWER, None, "Min-jun", "Kim"),
    ("reviewer2", Role.REVIEWER, "37", "Seo-yeon", "Lee"),  # Gyeongsangbuk-do: conflicts with Gumi
    ("reviewer3", Role.REVIEWER, "11", "Ji-ho", "Park"),  # Seoul: conflicts with its districts
    ("gumi", Role.SUBMITTER, "37050", "Gumi", "Staff"),
    ("seosan", Role.SUBMITTER, "34050", "Seosan", "Staff"),
]


@dataclass(frozen=True)
class DemoUsersResult:
    created: list[str]
    password: str | None  # the password set on this run, None if none was set


@transaction.atomic
def load_demo_users(*, password: str | None = None) -> DemoUsersResult:
    """Create the demo users that are missing. New users get ``password`` (generated when None);
    existing users keep theirs unless ``password`` is given."""
    governments = {g.code: g for g in LocalGovernment.objects.filter(code__in=[u[2] for u in DEMO_USERS if u[2]])}
    existing = set(User.objects.filter(username__in=[u[0] for u in DEMO_USERS]).values_list("username", flat=True))
    new_password = password or (secrets.token_urlsafe(12) if len(existing) < len(DEMO_USERS) else None)
    created = []
    for username, role, government_code, first_name, last_name in DEMO_USERS:
        user, was_created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "government": governments[government_code] if government_code else None,
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.go.kr",
            },
        )
        if was_created or password:
            user.set_password(new_password)
            user.save(update_fields=["password"])
        if was_created:
            created.append(username)
    return DemoUsersResult(created=created, password=new_password if (created or password) else None)
