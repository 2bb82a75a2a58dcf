import factory

from accounts.models import Role, User
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
