"""The permission matrix of DESIGN.md §4 for cases, endpoint by endpoint: the predicate, the
selector, the submitter pages, the attachment download and the API must all agree."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from rest_framework.test import APIClient

from cases.models import CaseState, CycleState, InnovationCase
from cases.permissions import can_edit_case, can_view_case, can_withdraw_case
from cases.selectors import visible_cases
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AttachmentFactory, AwardCycleFactory, CaseFactory
from tests.reviews.factories import ReviewAssignmentFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "own_submitter", "other_submitter", "assigned_reviewer", "other_reviewer", "manager"]


@pytest.fixture
def world():
    cycle = AwardCycleFactory(published=True)
    case = CaseFactory(cycle=cycle, submitted=True)
    assignment = ReviewAssignmentFactory(case=case)
    attachment = AttachmentFactory(
        case=case, file="attachments/x/none.pdf", original_name="a.pdf", uploaded_by=assignment.assigned_by
    )
    users = {
        "anonymous": None,
        "own_submitter": SubmitterFactory(government=case.government),
        "other_submitter": SubmitterFactory(),
        "assigned_reviewer": assignment.reviewer,
        "other_reviewer": ReviewerFactory(),
        "manager": ManagerFactory(),
    }
    return case, users, attachment


def expected_visible(role, state, cycle_state):
    if state == CaseState.AWARDED and cycle_state == CycleState.PUBLISHED:
        return True
    return role in ("own_submitter", "assigned_reviewer", "manager")


def set_state(case, state, cycle_state=CycleState.PUBLISHED):
    InnovationCase.objects.filter(pk=case.pk).update(state=state)
    type(case.cycle).objects.filter(pk=case.cycle_id).update(state=cycle_state)
    case.refresh_from_db()
    case.cycle.refresh_from_db()


STATES = [(state, CycleState.PUBLISHED) for state in CaseState.values] + [(CaseState.AWARDED, CycleState.DECIDING)]


@pytest.mark.parametrize(("state", "cycle_state"), STATES)
@pytest.mark.parametrize("role", ROLES)
def test_view_matrix_predicate_selector_and_api_agree(world, role, state, cycle_state):
    case, users, _attachment = world
    set_state(case, state, cycle_state)
    user = users[role]
    expected = expected_visible(role, state, cycle_state)
    subject = user or AnonymousUser()
    assert can_view_case(subject, case) is expected
    assert visible_cases(subject).filter(pk=case.pk).exists() is expected
    api = APIClient()
    if user:
        api.force_authenticate(user)
    assert api.get(f"/api/v1/cases/{case.pk}/").status_code == (200 if expected else 404)
    listed = [row["id"] for row in api.get("/api/v1/cases/").json()["results"]]
    assert (case.pk in listed) is expected


@pytest.mark.parametrize("state", CaseState.values)
@pytest.mark.parametrize("role", ROLES)
def test_submitter_pages_only_for_own_government(client, world, role, state):
    case, users, _attachment = world
    set_state(case, state)
    if users[role]:
        sign_in(client, users[role])
    own = role == "own_submitter"
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == (200 if own else 404)
    edit = client.get(reverse("cases:case_edit", args=[case.pk, "basics"]))
    if own:
        # Own cases: the form when editable, otherwise back to the read-only page.
        editable = can_edit_case(users[role], case)
        assert edit.status_code == (200 if editable else 302)
    else:
        assert edit.status_code in ((302,) if role == "anonymous" else (404,))
    for name in ("case_submit", "case_withdraw"):
        response = client.post(reverse(f"cases:{name}", args=[case.pk]))
        if not own:
            assert response.status_code in ((302,) if role == "anonymous" else (404,))
    if not own:
        assert InnovationCase.objects.get(pk=case.pk).state == state


@pytest.mark.parametrize(("state", "cycle_state"), STATES)
@pytest.mark.parametrize("role", ROLES)
def test_attachment_download_matrix(client, world, settings, tmp_path, role, state, cycle_state):
    settings.MEDIA_ROOT = tmp_path
    case, users, attachment = world
    (tmp_path / "attachments" / "x").mkdir(parents=True)
    (tmp_path / "attachments" / "x" / "none.pdf").write_bytes(b"%PDF-1.4")
    set_state(case, state, cycle_state)
    if users[role]:
        sign_in(client, users[role])
    response = client.get(reverse("cases:attachment_download", args=[case.pk, attachment.pk]))
    assert response.status_code == (200 if expected_visible(role, state, cycle_state) else 404)


@pytest.mark.parametrize("state", CaseState.values)
@pytest.mark.parametrize("role", ROLES)
def test_api_write_matrix(world, role, state):
    """Only the own government's submitter may write, and only in the states the workflow allows."""
    case, users, _attachment = world
    set_state(case, state, CycleState.OPEN)
    user = users[role]
    api = APIClient()
    if user:
        api.force_authenticate(user)
    visible = role in ("own_submitter", "assigned_reviewer", "manager")
    response = api.patch(f"/api/v1/cases/{case.pk}/", {"champion": "Mayor"}, format="json")
    if role == "anonymous":
        assert response.status_code in (401, 403)
    elif not visible:
        assert response.status_code == 404
    elif role != "own_submitter":
        assert response.status_code == 403
    else:
        assert response.status_code == (200 if can_edit_case(user, case) else 409)
    response = api.post(f"/api/v1/cases/{case.pk}/withdraw/")
    if role == "own_submitter":
        assert response.status_code == (200 if can_withdraw_case(user, case) else 409)
    elif role == "anonymous":
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == (404 if not visible else 403)


def test_drafts_in_open_cycle_editable_only_by_own_government():
    cycle = AwardCycleFactory()
    case = CaseFactory(cycle=cycle)
    own = SubmitterFactory(government=case.government)
    assert can_edit_case(own, case)
    assert not can_edit_case(SubmitterFactory(), case)
    assert not can_edit_case(ManagerFactory(), case)
    assert not can_edit_case(ReviewerFactory(), case)
