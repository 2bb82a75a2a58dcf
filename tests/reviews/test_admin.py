"""The reviews admin: criteria are configured there; assignments, reviews and decisions are only
viewed, since they change through the services (conflicts, quotas, audit events, e-mails)."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from reviews.models import AwardDecision, Criterion, Review, ReviewAssignment
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import sign_in
from tests.reviews.factories import AwardDecisionFactory, CriterionFactory, ReviewFactory

pytestmark = pytest.mark.django_db

READ_ONLY = [ReviewAssignment, Review, AwardDecision]


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, superuser):
    sign_in(client, superuser)
    return client


@pytest.mark.parametrize("model", READ_ONLY, ids=lambda model: model.__name__)
def test_even_a_superuser_may_only_view(superuser, model):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    model_admin = admin.site._registry[model]
    assert model_admin.has_view_permission(request)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    for inline in model_admin.get_inline_instances(request):
        assert not inline.has_add_permission(request, None)
        assert not inline.has_change_permission(request)
        assert not inline.has_delete_permission(request)


def _urls(name: str, obj) -> dict[str, str]:
    prefix = f"admin:reviews_{name}"
    return {
        "list": reverse(f"{prefix}_changelist"),
        "view": reverse(f"{prefix}_change", args=[obj.pk]),
        "add": reverse(f"{prefix}_add"),
        "delete": reverse(f"{prefix}_delete", args=[obj.pk]),
    }


def test_reviews_and_decisions_are_shown_but_not_changed(admin_client):
    review = ReviewFactory(comment_to_submitter="As written by the reviewer.")
    review.scores.create(criterion=CriterionFactory(cycle=review.assignment.case.cycle), score=4)
    decision = AwardDecisionFactory(rationale="As decided.")
    for name, obj in (
        ("reviewassignment", review.assignment),
        ("review", review),
        ("awarddecision", decision),
    ):
        urls = _urls(name, obj)
        assert admin_client.get(urls["list"]).status_code == 200, name
        page = admin_client.get(urls["view"])
        assert page.status_code == 200, name
        assert b'type="submit"' not in page.content.split(b'id="content-main"')[1], name
        assert admin_client.post(urls["view"], {}).status_code == 403, name
        assert admin_client.get(urls["add"]).status_code == 403, name
        assert admin_client.post(urls["delete"], {"post": "yes"}).status_code == 403, name
    review.refresh_from_db()
    assert review.comment_to_submitter == "As written by the reviewer."
    assert review.scores.get().score == 4
    assert AwardDecision.objects.get(pk=decision.pk).rationale == "As decided."
    assert ReviewAssignment.objects.filter(pk=review.assignment.pk).exists()


def test_criteria_stay_editable(admin_client):
    criterion = CriterionFactory(name="Novelty")
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    assert admin.site._registry[Criterion].has_change_permission(request, criterion)
    assert admin_client.get(reverse("admin:reviews_criterion_change", args=[criterion.pk])).status_code == 200
