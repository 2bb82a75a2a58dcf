import pytest
from django.db import IntegrityError, transaction

from accounts import permissions
from accounts.models import Role, User
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_submitter_without_a_government_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="orphan", role=Role.SUBMITTER)


def test_an_unknown_role_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="odd", role="mayor")


def test_reviewers_may_have_a_government_or_none():
    assert ReviewerFactory().government is None
    assert ReviewerFactory(government=SubmitterFactory().government).government is not None


@pytest.mark.parametrize(
    ("factory", "expected"),
    [
        (SubmitterFactory, (True, False, False)),
        (ReviewerFactory, (False, True, False)),
        (ManagerFactory, (False, False, True)),
        (UserFactory, (False, False, False)),
    ],
)
def test_role_predicates(factory, expected):
    user = factory()
    assert (permissions.is_submitter(user), permissions.is_reviewer(user), permissions.is_manager(user)) == expected


def test_role_predicates_are_false_for_anonymous_visitors():
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert not any(
        rule(anonymous)
        for rule in (
            permissions.is_submitter,
            permissions.is_reviewer,
            permissions.is_manager,
            permissions.is_staff_role,
        )
    )
