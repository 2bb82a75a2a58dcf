"""Query budgets of the Django admin: the change list of every registered model runs the same,
exact number of queries with n and 10 n rows (tests/querycount.py). A model registered without a
budget here fails ``test_every_registered_model_has_a_budget``."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from afterward.models import FollowUpPoint
from cases.models import (
    CycleState,
    JargonTerm,
    ObstacleType,
    OutcomeKind,
    ParticipantKind,
    Purpose,
    RemedyType,
    ServiceArea,
)
from outbox.models import MessageState
from tests.accounts.factories import (
    ApiTokenFactory,
    InvitationFactory,
    StaticDeviceFactory,
    SubmitterFactory,
    TOTPDeviceFactory,
    UserFactory,
)
from tests.accounts.helpers import sign_in
from tests.afterward.factories import AdoptionFactory, FollowUpReportFactory
from tests.audit.factories import AuditEventFactory
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory
from tests.governments.factories import CityFactory
from tests.outbox.factories import OutboxMessageFactory
from tests.querycount import assert_database_query_count
from tests.reviews.factories import (
    AwardDecisionFactory,
    CriterionFactory,
    ReviewAssignmentFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db

N = 3


def _taxonomy(model):
    def make(n: int) -> list:
        return [model.objects.create(code=f"code_{i}", name=f"Entry {i}", name_local=f"항목 {i}") for i in range(n)]

    return make


def _decisions(n: int) -> list:
    """Half of them award a level (a nullable key, which the admin's default joins leave out)."""
    cycle = AwardCycleFactory(state=CycleState.DECIDING)
    level = AwardLevelFactory(cycle=cycle, quota=10 * n)
    return [AwardDecisionFactory(case__cycle=cycle, level=level if i % 2 else None) for i in range(n)]


# model label -> (how to make n rows of it, the change list's exact number of queries). Six for a
# plain list: the session, the user, the second factor, the filtered and the total count, the rows;
# one more per list filter that reads its choices (cycles, levels, governments).
BUDGETS = {
    "auth.Group": (lambda n: [Group.objects.create(name=f"Group {i}") for i in range(n)], 6),
    "otp_totp.TOTPDevice": (lambda n: TOTPDeviceFactory.create_batch(n), 6),
    "otp_static.StaticDevice": (lambda n: StaticDeviceFactory.create_batch(n), 6),
    "audit.AuditEvent": (lambda n: AuditEventFactory.create_batch(n), 6),
    "outbox.OutboxMessage": (
        lambda n: OutboxMessageFactory.create_batch(n, state=MessageState.FAILED, recipient=SubmitterFactory()),
        7,
    ),
    "governments.LocalGovernment": (lambda n: CityFactory.create_batch(n), 7),
    "accounts.User": (lambda n: SubmitterFactory.create_batch(n), 6),
    "accounts.Invitation": (lambda n: InvitationFactory.create_batch(n), 6),
    "accounts.ApiToken": (lambda n: ApiTokenFactory.create_batch(n), 6),
    "cases.Purpose": (_taxonomy(Purpose), 6),
    "cases.ObstacleType": (_taxonomy(ObstacleType), 6),
    "cases.RemedyType": (_taxonomy(RemedyType), 6),
    "cases.ParticipantKind": (_taxonomy(ParticipantKind), 6),
    "cases.ServiceArea": (_taxonomy(ServiceArea), 6),
    "cases.OutcomeKind": (_taxonomy(OutcomeKind), 6),
    "cases.JargonTerm": (_taxonomy(JargonTerm), 6),
    "afterward.FollowUpPoint": (
        lambda n: [FollowUpPoint.objects.create(cycle=AwardCycleFactory(), years_after=1) for _ in range(n)],
        7,
    ),
    "afterward.FollowUpReport": (lambda n: FollowUpReportFactory.create_batch(n), 7),
    "afterward.Adoption": (lambda n: AdoptionFactory.create_batch(n), 6),
    "cases.AwardCycle": (lambda n: AwardCycleFactory.create_batch(n), 6),
    "cases.InnovationCase": (lambda n: CaseFactory.create_batch(n, submitted=True), 9),
    "reviews.Criterion": (lambda n: CriterionFactory.create_batch(n), 7),
    "reviews.ReviewAssignment": (lambda n: ReviewAssignmentFactory.create_batch(n), 7),
    "reviews.Review": (lambda n: ReviewFactory.create_batch(n), 7),
    "reviews.AwardDecision": (_decisions, 8),
}


def _registered() -> dict[str, type]:
    return {model._meta.label: model for model in admin.site._registry}


def test_every_registered_model_has_a_budget():
    assert set(_registered()) == set(BUDGETS)


@pytest.mark.parametrize("n", [N, 10 * N])
@pytest.mark.parametrize("label", sorted(BUDGETS))
def test_change_list_in_a_fixed_number_of_queries(client, label, n):
    model = _registered()[label]
    make, budget = BUDGETS[label]
    make(n)
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    sign_in(client, superuser)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    with assert_database_query_count(budget):
        response = client.get(url)
    assert response.status_code == 200
    shown = response.context["cl"].result_count
    assert shown == model.objects.count() >= n
