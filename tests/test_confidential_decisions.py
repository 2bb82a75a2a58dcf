"""Issue 10, "Done when": before its cycle is published, no role but the managers can see a decision
by any URL of the HTML site or the API.

A cycle is "deciding" with two reviewed cases, one to be awarded and one not. Every case URL of the
site and the API is read by every role before the decisions and again after them: for everyone but
the managers each answer is byte for byte the same (after taking out the per-request CSRF tokens
and CSP nonces) and never names the level, the rationale or a final state; the managers see them.
Nothing is e-mailed until the publication, which then shows the result to the case's submitters."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from rest_framework.test import APIClient

from cases.models import CaseState, CycleState
from outbox.models import OutboxMessage
from reviews import services
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory, OutcomeFactory
from tests.governments.factories import CityFactory
from tests.reviews.factories import CriterionFactory, ReviewAssignmentFactory, scored_review, submitted_review

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "own_submitter", "other_submitter", "assigned_reviewer", "other_reviewer", "manager"]
YEAR = 2201
# What a decision consists of: the level (both languages) and the two rationales.
SECRETS = ["Zircon Prize", "지르콘상", "Rationale-ZQX-award", "Rationale-ZQX-none"]
VOLATILE = [
    re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'),
    re.compile(r'(nonce=")[^"]+'),
    re.compile(r'(name="csrf-token" content=")[^"]+'),
    re.compile(r'(name="visitor_token" value=")[^"]+'),  # a fresh signed token per page view
    re.compile(r'("generated_at": ")[^"]+'),  # the open data's time of export
    re.compile(r'(data-seconds-left=")[^"]+'),  # the session's remaining time
]


@pytest.fixture
def world():
    cycle = AwardCycleFactory(year=YEAR, state=CycleState.DECIDING, closed=True)
    CriterionFactory(cycle=cycle, code="overall", weight=Decimal("1.00"))
    level = AwardLevelFactory(cycle=cycle, code="zircon", name="Zircon Prize", name_local="지르콘상", rank=1, quota=3)
    government = CityFactory()
    own = SubmitterFactory(government=government)
    assigned = ReviewerFactory()
    awarded = CaseFactory(cycle=cycle, government=government, in_review=True, title="To be awarded")
    refused = CaseFactory(cycle=cycle, government=government, in_review=True, title="Not to be awarded")
    assignments = {}
    for case in (awarded, refused):
        outcome = OutcomeFactory(case=case)
        assignments[case.pk] = ReviewAssignmentFactory(case=case, reviewer=assigned)
        submitted_review(assignments[case.pk], {}, verifications={outcome: "verified"}, comment="Well documented.")
        scored_review(case, ReviewerFactory(), 4, verifications={outcome: "verified"})
    public = CaseFactory(awarded=True, title="Published practice")  # so that the public lists have a row
    users = {
        "anonymous": None,
        "own_submitter": own,
        "other_submitter": SubmitterFactory(),
        "assigned_reviewer": assigned,
        "other_reviewer": ReviewerFactory(),
        "manager": ManagerFactory(),
    }
    return {
        "cycle": cycle,
        "level": level,
        "awarded": awarded,
        "refused": refused,
        "public": public,
        "assignments": assignments,
        "users": users,
    }


def _urls(world) -> list[str]:
    """Every URL that shows a case, its reviews, its decision or statistics over it."""
    cases = [world["awarded"], world["refused"]]
    urls = [
        "/",
        "/practices/",
        f"/practices/?cycle={YEAR}",
        f"/practices/{world['public'].pk}/",
        "/open-data/",
        "/open-data/cases.csv",
        "/open-data/cases.json",
        "/dashboard/",
        f"/dashboard/?scope=submitted&cycle={YEAR}",
        "/my/cases/",
        "/reviews/",
        "/reviews/manage/",
        f"/reviews/manage/{YEAR}/",
        f"/reviews/manage/{YEAR}/ranking/",
        f"/reviews/manage/{YEAR}/decisions/",
        f"/reviews/manage/{YEAR}/assignments/",
        f"/reviews/manage/{YEAR}/publish/",
        "/reviews/manage/notifications/",
        "/manage/audit/",
        "/api/v1/cases/",
        f"/api/v1/cases/?cycle={YEAR}",
        "/api/v1/cases/?state=awarded",
        "/api/v1/cases/?state=not_awarded",
        "/api/v1/cases/?state=in_review",
        "/api/v1/reviews/",
        "/api/v1/review-assignments/",
        "/api/v1/award-decisions/",
        f"/api/v1/review-cycles/{YEAR}/",
        "/api/v1/stats/",
        f"/api/v1/stats/?scope=submitted&cycle={YEAR}",
        f"/api/v1/stats/award_rate_by_tier/?scope=submitted&cycle={YEAR}",
        f"/api/v1/stats/tier_representation/?scope=submitted&cycle={YEAR}&format=csv",
    ]
    for case in cases:
        urls += [
            f"/practices/{case.pk}/",
            f"/my/cases/{case.pk}/",
            f"/my/cases/{case.pk}/edit/review/",
            f"/my/cases/{case.pk}/withdraw/",
            f"/reviews/cases/{case.pk}/comments/",
            f"/reviews/assignments/{world['assignments'][case.pk].pk}/",
            f"/reviews/manage/cases/{case.pk}/",
            f"/api/v1/cases/{case.pk}/",
        ]
    return urls


def _clients(world) -> dict:
    clients = {}
    for role, user in world["users"].items():
        client = Client()
        if user is not None:
            sign_in(client, user)
        clients[role] = client
    return clients


def _read(client, url: str) -> tuple[int, str]:
    response = client.get(url, HTTP_ACCEPT="application/json" if url.startswith("/api/") else "text/html")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    for pattern in VOLATILE:
        text = pattern.sub(r"\1-", text)
    return response.status_code, text


def _walk(world, clients) -> dict:
    return {(role, url): _read(clients[role], url) for role in ROLES for url in _urls(world)}


def _decide(world) -> None:
    manager = world["users"]["manager"]
    services.decide_case(actor=manager, case=world["awarded"], level=world["level"], rationale="Rationale-ZQX-award")
    services.decide_case(actor=manager, case=world["refused"], level=None, rationale="Rationale-ZQX-none")


def test_before_publication_only_managers_can_see_a_decision_by_any_url(world, django_capture_on_commit_callbacks):
    clients = _clients(world)
    before = _walk(world, clients)
    with django_capture_on_commit_callbacks(execute=True):
        _decide(world)
    after = _walk(world, clients)

    for (role, url), (status, body) in after.items():
        if role == "manager":
            continue
        assert [secret for secret in SECRETS if secret in body] == [], (role, url)
        assert (status, body) == before[role, url], (role, url)
    # The walk reached the pages where a leak would show: each non-manager role reads some case URLs.
    readable = {role: sum(status == 200 for (r, _url), (status, _b) in after.items() if r == role) for role in ROLES}
    assert readable["own_submitter"] > readable["other_submitter"] > 0
    assert readable["assigned_reviewer"] > readable["other_reviewer"] > 0
    # The case API answers "in review" to the submitter and to the assigned reviewer.
    for role in ("own_submitter", "assigned_reviewer"):
        api = APIClient()
        api.force_authenticate(world["users"][role])
        for case in (world["awarded"], world["refused"]):
            assert api.get(f"/api/v1/cases/{case.pk}/").json()["state"] == CaseState.IN_REVIEW

    # Managers see the decisions, on their pages and in the API.
    awarded, refused = world["awarded"], world["refused"]
    assert "Zircon Prize" in after["manager", f"/reviews/manage/cases/{awarded.pk}/"][1]
    assert "Rationale-ZQX-none" in after["manager", f"/reviews/manage/cases/{refused.pk}/"][1]
    assert "Zircon Prize" in after["manager", f"/reviews/manage/{YEAR}/decisions/"][1]
    assert "Rationale-ZQX-award" in after["manager", "/api/v1/award-decisions/"][1]
    assert '"decision":"zircon"' in after["manager", f"/api/v1/review-cycles/{YEAR}/"][1].replace(" ", "")
    # No decision is e-mailed or queued before the publication.
    assert mail.outbox == []
    assert not OutboxMessage.objects.exists()


def test_the_publication_shows_the_result_to_the_submitters(world, django_capture_on_commit_callbacks):
    _decide(world)
    own = world["users"]["own_submitter"]
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_cycle(actor=world["users"]["manager"], cycle=world["cycle"], from_state=CycleState.DECIDING)
    client = Client()
    sign_in(client, own)
    awarded, refused = world["awarded"], world["refused"]
    assert client.get(f"/api/v1/cases/{awarded.pk}/").json()["state"] == CaseState.AWARDED
    assert client.get(f"/api/v1/cases/{refused.pk}/").json()["state"] == CaseState.NOT_AWARDED
    page = client.get(f"/my/cases/{awarded.pk}/").content.decode()
    assert "In review → Awarded" in page
    assert "Rationale-ZQX-award" in page
    assert "Zircon Prize" in client.get(f"/reviews/cases/{awarded.pk}/comments/").content.decode()
    assert "Zircon Prize" in Client().get(f"/practices/{awarded.pk}/").content.decode()
    assert Client().get(f"/practices/{refused.pk}/").status_code == 404
    bodies = {m.subject: m.body for m in mail.outbox if m.to == [own.email] and "“To be awarded”" in m.body}
    assert list(bodies) == [f"Results published: {world['cycle'].title}"]
    assert "the Zircon Prize" in next(iter(bodies.values()))
