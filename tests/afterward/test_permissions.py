"""Who may do what after the award, role by role, through the services and the endpoints (pages
and API): a refused role changes nothing and gets NotAllowed from the service and 404/403/401 or a
sign-in redirect from the endpoint."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from afterward import services
from afterward.models import Adoption, AdoptionState, FollowUpReport, ProgramStatus, ReportState
from cases.models import Outcome, Verification
from core.errors import ApplicationError
from core.rules import allowed
from tests.accounts.helpers import sign_in

from .factories import AdoptionFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "own_submitter", "other_submitter", "reviewer", "conflicted_reviewer", "manager"]


@pytest.fixture
def users(submitter, other_submitter, reviewer, conflicted_reviewer, manager):
    return {
        "anonymous": AnonymousUser(),
        "own_submitter": submitter,
        "other_submitter": other_submitter,
        "reviewer": reviewer,
        "conflicted_reviewer": conflicted_reviewer,
        "manager": manager,
    }


def _client(users, role, api=False):
    client = APIClient() if api else Client()
    if role != "anonymous":
        sign_in(client, users[role])
    return client


def _values(practice):
    return {o.pk: {"value": "1", "evidence_local": "대장"} for o in Outcome.objects.filter(case=practice)}


@pytest.fixture
def due(practice):
    return services.create_due_reports()[0]


@pytest.fixture
def submitted(due, practice, submitter):
    return services.submit_report(
        actor=submitter, report=due, status=ProgramStatus.RUNNING, running_cost=1, values=_values(practice)
    )


@pytest.mark.parametrize("role", ROLES)
def test_only_the_practices_government_files_its_report(users, role, due, practice):
    user = users[role]
    may = role == "own_submitter"
    assert allowed(user, "afterward.file_report", due) is may
    if not may:
        with pytest.raises(ApplicationError):
            services.submit_report(actor=user, report=due, status="running", running_cost=1, values=_values(practice))
    response = _client(users, role).post(reverse("afterward:report", args=[due.pk]), {"status": "running"})
    expected = {"anonymous": 302, "other_submitter": 404, "own_submitter": 400}.get(role, 400)
    assert response.status_code == expected  # staff see the page, and the service refuses them
    assert FollowUpReport.objects.get().state == ReportState.DUE


@pytest.mark.parametrize("role", ROLES)
def test_only_a_reviewer_without_conflict_verifies(users, role, submitted, practice):
    user = users[role]
    may = role == "reviewer"
    assert allowed(user, "afterward.verify_report", submitted) is may
    every = {o.pk: Verification.VERIFIED for o in Outcome.objects.filter(case=practice)}
    response = _client(users, role, api=True).post(
        f"/api/v1/follow-up-reports/{submitted.pk}/verify/",
        {"verifications": [{"outcome": pk, "status": status} for pk, status in every.items()]},
        format="json",
    )
    expected = {"anonymous": 401, "reviewer": 200, "conflicted_reviewer": 409}.get(role, 403)
    assert response.status_code == expected
    assert FollowUpReport.objects.get().state == (ReportState.VERIFIED if may else ReportState.SUBMITTED)


@pytest.mark.parametrize("role", ROLES)
def test_only_another_governments_submitter_records_an_adoption(users, role, practice):
    user = users[role]
    may = role == "other_submitter"
    assert allowed(user, "afterward.record_adoption", practice) is may
    response = _client(users, role).post(
        reverse("afterward:record_adoption", args=[practice.pk]),
        {"kind": "adopted", "adopted_on": str(timezone.localdate())},
    )
    expected = {"anonymous": 302, "other_submitter": 302, "own_submitter": 302}.get(role, 404)
    assert response.status_code == expected
    assert Adoption.objects.count() == (1 if may else 0)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_origin_answers_an_adoption(users, role, practice, other_submitter):
    adoption = AdoptionFactory(source=practice, adopter=other_submitter.government, recorded_by=other_submitter)
    may = role == "own_submitter"
    assert allowed(users[role], "afterward.answer_adoption", adoption) is may
    response = _client(users, role, api=True).post(
        f"/api/v1/adoptions/{adoption.pk}/answer/", {"confirm": True}, format="json"
    )
    expected = {"anonymous": 401, "own_submitter": 200, "other_submitter": 403, "manager": 403}.get(role, 404)
    assert response.status_code == expected
    assert Adoption.objects.get().state == (AdoptionState.CONFIRMED if may else AdoptionState.PENDING)


@pytest.mark.parametrize("role", ROLES)
def test_only_managers_see_overdue_reports_and_set_follow_up_points(users, role, practice):
    may = role == "manager"
    assert allowed(users[role], "afterward.manage_follow_ups") is may
    response = _client(users, role).post(reverse("afterward:set_points", args=[practice.cycle.year]), {"years": "2"})
    assert response.status_code == (302 if may or role == "anonymous" else 404)
    assert services.follow_up_years(practice.cycle) == ([2] if may else [1, 3])
    page = _client(users, role).get(reverse("afterward:index"))
    if role == "anonymous":
        assert page.status_code == 302
    else:
        assert ('id="overdue-heading"' in page.content.decode()) is may
