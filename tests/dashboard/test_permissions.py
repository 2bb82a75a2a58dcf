import pytest
from django.contrib.auth.models import AnonymousUser

from dashboard.permissions import can_choose_submitted_scope, can_view_award_rate
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("make_user", "submitted_scope", "award_rate"),
    [
        (AnonymousUser, False, False),
        (UserFactory, False, False),
        (SubmitterFactory, False, False),
        (ReviewerFactory, True, False),
        (ManagerFactory, True, True),
    ],
)
def test_who_may_widen_the_scope_and_see_award_rates(make_user, submitted_scope, award_rate):
    user = make_user()
    assert can_choose_submitted_scope(user) is submitted_scope
    assert can_view_award_rate(user) is award_rate
