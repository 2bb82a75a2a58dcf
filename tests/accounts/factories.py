import datetime as dt

import factory
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApiToken, Invitation, Role, User
from tests.governments.factories import CityFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.go.kr")
    password = factory.django.Password("correct-horse-battery")
    role = ""


class SubmitterFactory(UserFactory):
    role = Role.SUBMITTER
    government = factory.SubFactory(CityFactory)


class ReviewerFactory(UserFactory):
    role = Role.REVIEWER
    government = None


class ManagerFactory(UserFactory):
    role = Role.MANAGER


class InvitationFactory(factory.django.DjangoModelFactory):
    """A pending invitation of a submitter (only the hash of its secret is stored)."""

    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.go.kr")
    role = Role.SUBMITTER
    government = factory.SubFactory(CityFactory)
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    invited_by = factory.SubFactory(ManagerFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))


class ApiTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApiToken

    user = factory.SubFactory(ReviewerFactory)
    name = factory.Sequence(lambda n: f"Token {n}")
    prefix = factory.Sequence(lambda n: f"tok{n:05d}")
    key_hash = factory.Sequence(lambda n: f"{n:064x}")
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=90))


class TOTPDeviceFactory(factory.django.DjangoModelFactory):
    """A confirmed authenticator app."""

    class Meta:
        model = TOTPDevice

    user = factory.SubFactory(ReviewerFactory)
    name = "Authenticator"
    confirmed = True


class StaticDeviceFactory(factory.django.DjangoModelFactory):
    """Backup codes."""

    class Meta:
        model = StaticDevice

    user = factory.SubFactory(ReviewerFactory)
    name = "Backup codes"
    confirmed = True
