"""Cycle steps and Publish cannot happen on one click (issue 10, item 4): each goes through a
confirmation page showing its summary and warning when it is early; the POST that follows carries
the state it expects to move from and the page's signed token, so a repeated or stale POST (double
click, back button, two managers) changes nothing and says what happened. The API's state and
publish endpoints take ``from_state`` for the same reason."""

import re
import threading

import pytest
from django.contrib.messages import get_messages
from django.db import connection, connections
from django.urls import reverse
from rest_framework.test import APIClient

from cases.models import AwardCycle, CaseState, CycleState
from core.errors import Conflict, NotAllowed
from reviews import cycle_views, services
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.cases.factories import CaseFactory
from tests.reviews.confirmations import confirmation_data, step_url
from tests.reviews.factories import AwardDecisionFactory, scored_review
from tests.tampering import altered

pytestmark = pytest.mark.django_db


def state_of(cycle) -> str:
    return AwardCycle.objects.get(pk=cycle.pk).state


def set_state(cycle, state):
    AwardCycle.objects.filter(pk=cycle.pk).update(state=state)
    cycle.refresh_from_db()


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def open_cycle(cycle):
    """The reviews conftest's cycle (2099), open, with two drafts and one submitted case."""
    set_state(cycle, CycleState.OPEN)
    CaseFactory.create_batch(2, cycle=cycle)
    CaseFactory(cycle=cycle, submitted=True)
    return cycle


# --- no step on one click -------------------------------------------------------------------


def test_the_overview_links_to_the_confirmation_instead_of_posting(client, manager, open_cycle):
    sign_in(client, manager)
    body = client.get(reverse("reviews:cycle", args=[open_cycle.year])).content.decode()
    assert (
        '<a class="krds-btn secondary" id="cycle-next-step" href="/reviews/manage/2099/state/?to_state=reviewing">'
        "Move to “Reviewing”</a>"
    ) in body
    assert 'action="/reviews/manage/2099/state/"' not in body
    set_state(open_cycle, CycleState.DECIDING)
    body = client.get(reverse("reviews:cycle", args=[open_cycle.year])).content.decode()
    assert 'id="cycle-publish" href="/reviews/manage/2099/publish/"' in body
    assert 'action="/reviews/manage/2099/publish/"' not in body


@pytest.mark.parametrize("url_name", ["reviews:cycle_state", "reviews:publish"])
def test_a_post_that_did_not_come_from_the_confirmation_page_changes_nothing(client, manager, open_cycle, url_name):
    """What the old one-click buttons sent (and any forged or replayed form) leads to the page first."""
    sign_in(client, manager)
    set_state(open_cycle, CycleState.DECIDING if url_name == "reviews:publish" else CycleState.OPEN)
    before = state_of(open_cycle)
    to_state = "published" if url_name == "reviews:publish" else "reviewing"
    response = client.post(reverse(url_name, args=[open_cycle.year]), {"to_state": to_state, "from_state": before})
    assert response.status_code == 302
    assert response.url == step_url(open_cycle.year, to_state)
    assert messages_of(response) == ["Check what this step will do, then confirm it on this page."]
    assert state_of(open_cycle) == before


def test_a_token_of_another_manager_another_step_or_tampered_is_refused(client, manager, open_cycle):
    sign_in(client, manager)
    data = confirmation_data(client.get(step_url(open_cycle.year, "reviewing")))
    other_manager = ManagerFactory()
    forged = [
        {**data, "token": cycle_views._token(other_manager, open_cycle, "open", "reviewing")},
        {**data, "token": cycle_views._token(manager, open_cycle, "draft", "open")},
        {**data, "token": altered(data["token"], -1)},
        {key: value for key, value in data.items() if key != "token"},
    ]
    for attempt in forged:
        response = client.post(reverse("reviews:cycle_state", args=[open_cycle.year]), attempt)
        assert response.url == step_url(open_cycle.year, "reviewing")
    assert state_of(open_cycle) == CycleState.OPEN


def test_an_old_confirmation_page_must_be_opened_again(client, manager, open_cycle, settings, monkeypatch):
    sign_in(client, manager)
    data = confirmation_data(client.get(step_url(open_cycle.year, "reviewing")))
    monkeypatch.setattr(cycle_views, "TOKEN_MAX_AGE", -1)
    response = client.post(reverse("reviews:cycle_state", args=[open_cycle.year]), data)
    assert response.url == step_url(open_cycle.year, "reviewing")
    assert state_of(open_cycle) == CycleState.OPEN


# --- each confirmation page shows its summary -----------------------------------------------


def figure(body: str, name: str) -> str:
    return re.search(rf'data-figure="{name}">([^<]*)<', body)[1]


def test_closing_submissions_page_shows_the_drafts_and_warns_before_the_deadline(client, manager, open_cycle):
    sign_in(client, manager)
    page = client.get(step_url(open_cycle.year, "reviewing"))
    assert page.status_code == 200
    body = page.content.decode()
    assert '<h1 id="cycle-step-title">Move 2099 Awards to “Reviewing”?</h1>' in body
    assert 'id="cycle-step-summary" aria-labelledby="cycle-step-summary-heading" data-from-state="open"' in body
    assert "2 drafts can no longer be changed or submitted." in body
    assert figure(body, "drafts_closing") == "2" and figure(body, "total_cases") == "3"
    assert '<tr data-state="draft"><td>Draft</td><td>2</td></tr>' in body
    assert '<tr data-state="submitted"><td>Submitted</td><td>1</td></tr>' in body
    assert "No e-mails are sent by this step." in body
    warnings = re.search(r'id="cycle-step-warnings".*?</section>', body, re.S)[0]
    assert "The submission deadline is" in warnings and "30 days from now" in warnings
    assert 'name="acknowledge"' in body
    assert (
        '<button type="submit" class="krds-btn primary" id="confirm-cycle-step">Yes, move to “Reviewing”</button>'
        in body
    )
    assert 'id="cancel-cycle-step" href="/reviews/manage/2099/"' in body


def test_deciding_page_shows_the_missing_reviews(client, manager, cycle, case, reviewer):
    set_state(cycle, CycleState.REVIEWING)
    services.assign_reviewer(actor=manager, case=case, reviewer=reviewer)
    sign_in(client, manager)
    body = client.get(step_url(cycle.year, "deciding")).content.decode()
    assert (figure(body, "reviews_missing"), figure(body, "open_assignments")) == ("2", "1")
    assert (figure(body, "cases_without_review"), figure(body, "decisions_missing")) == ("1", "1")
    assert "2 reviews are still missing." in body
    assert "1 case has no submitted review yet: it cannot be decided until one is in." in body


def test_publish_page_shows_decisions_and_emails_and_needs_no_acknowledgement_when_on_time(
    client, manager, cycle, case, reviewer, submitter
):
    set_state(cycle, CycleState.DECIDING)
    AwardCycle.objects.filter(pk=cycle.pk).update(review_deadline=cycle.submission_opens.date())
    scored_review(case, reviewer, 5)
    scored_review(case, ReviewerFactory(), 4)
    AwardDecisionFactory(case=case, level=cycle.award_levels.get(code="grand"))
    CaseFactory._meta.model.objects.filter(pk=case.pk).update(state=CaseState.AWARDED)
    sign_in(client, manager)
    page = client.get(step_url(cycle.year, "published"))
    body = page.content.decode()
    assert '<h1 id="cycle-step-title">Publish the results of 2099 Awards?</h1>' in body
    assert "<tr><td>Grand Prize</td><td>1</td></tr>" in body
    assert "1 e-mail will be sent to 1 person (Submitter (municipal staff))." in body
    assert 'id="cycle-step-warnings"' not in body and 'name="acknowledge"' not in body
    response = client.post(page.context["action"], confirmation_data(page), follow=True)
    assert "The results are published." in response.content.decode()
    assert state_of(cycle) == CycleState.PUBLISHED


def test_publish_page_says_why_it_cannot_publish_and_offers_no_button(client, manager, cycle, case):
    set_state(cycle, CycleState.DECIDING)
    sign_in(client, manager)
    body = client.get(step_url(cycle.year, "published")).content.decode()
    assert 'id="cycle-step-refusal" role="alert"' in body
    assert "1 case(s) still await a decision; decide them before publishing." in body
    assert 'id="confirm-cycle-step"' not in body
    token = cycle_views._token(manager, cycle, "deciding", "published")
    response = client.post(
        reverse("reviews:publish", args=[cycle.year]),
        {"from_state": "deciding", "to_state": "published", "token": token, "acknowledge": "on"},
    )
    assert messages_of(response) == ["1 case(s) still await a decision; decide them before publishing."]
    assert state_of(cycle) == CycleState.DECIDING


def test_the_confirmation_page_in_korean(client, manager, open_cycle):
    sign_in(client, manager)
    body = client.get(step_url(open_cycle.year, "reviewing"), HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert '<html lang="ko">' in body
    assert "2099년 혁신상" in body
    assert "임시 저장 사례 2건은 더 이상 수정하거나 제출할 수 없습니다." in body
    assert "이 단계에서는 이메일을 보내지 않습니다." in body
    assert "이른 단계입니다" in body


def test_a_stale_link_to_a_confirmation_page_leads_back_to_the_overview(client, manager, open_cycle):
    sign_in(client, manager)
    response = client.get(step_url(open_cycle.year, "deciding"))
    assert response.url == reverse("reviews:cycle", args=[open_cycle.year])
    assert messages_of(response) == ["The cycle is “Open for submissions”: there is nothing to confirm here."]
    assert client.get(reverse("reviews:cycle_state", args=[open_cycle.year]) + "?to_state=nonsense").status_code == 302


def test_only_managers_see_the_confirmation_pages(client, open_cycle, reviewer, submitter):
    for user in (reviewer, submitter):
        sign_in(client, user)
        assert client.get(step_url(open_cycle.year, "reviewing")).status_code == 404
        assert client.get(step_url(open_cycle.year, "published")).status_code == 404
    client.logout()
    assert client.get(step_url(open_cycle.year, "reviewing")).status_code == 302


# --- early steps need the warnings read; the POST happens once -------------------------------


def test_an_early_step_needs_the_warnings_acknowledged(client, manager, open_cycle):
    sign_in(client, manager)
    data = confirmation_data(client.get(step_url(open_cycle.year, "reviewing")), acknowledge=False)
    response = client.post(reverse("reviews:cycle_state", args=[open_cycle.year]), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body
    assert 'href="#id_acknowledge">I have read the warnings above and want to take this step now.: Tick the box' in body
    assert state_of(open_cycle) == CycleState.OPEN
    response = client.post(reverse("reviews:cycle_state", args=[open_cycle.year]), {**data, "acknowledge": "on"})
    assert messages_of(response) == ["The cycle is now “Reviewing”."]
    assert state_of(open_cycle) == CycleState.REVIEWING


def test_a_double_click_moves_the_cycle_once_and_says_so(client, manager, open_cycle):
    sign_in(client, manager)
    data = confirmation_data(client.get(step_url(open_cycle.year, "reviewing")))
    url = reverse("reviews:cycle_state", args=[open_cycle.year])
    first = client.post(url, data)
    second = client.post(url, data)
    assert messages_of(first) == ["The cycle is now “Reviewing”."]
    assert messages_of(second)[-1] == (
        "The cycle is already “Reviewing”: this step was confirmed before, nothing more was changed."
    )
    assert second.url == reverse("reviews:cycle", args=[open_cycle.year])
    assert state_of(open_cycle) == CycleState.REVIEWING


def test_the_back_button_after_publishing_changes_nothing(client, manager, cycle):
    set_state(cycle, CycleState.DECIDING)
    sign_in(client, manager)
    page = client.get(step_url(cycle.year, "published"))
    data = confirmation_data(page)
    client.post(page.context["action"], data)
    cycle.refresh_from_db()
    published_at = cycle.published_at
    again = client.post(page.context["action"], data)
    assert messages_of(again)[-1] == (
        "The cycle is already “Published”: this step was confirmed before, nothing more was changed."
    )
    cycle.refresh_from_db()
    assert (cycle.state, cycle.published_at) == (CycleState.PUBLISHED, published_at)


def test_two_managers_the_second_one_is_told_and_nothing_moves_twice(client, manager, open_cycle):
    sign_in(client, manager)
    data = confirmation_data(client.get(step_url(open_cycle.year, "reviewing")))
    colleague = ManagerFactory()
    services.change_cycle_state(actor=colleague, cycle=open_cycle, to_state="reviewing", from_state="open")
    services.change_cycle_state(actor=colleague, cycle=open_cycle, to_state="deciding", from_state="reviewing")
    response = client.post(reverse("reviews:cycle_state", args=[open_cycle.year]), data)
    assert messages_of(response) == [
        "The cycle is now “Deciding”, not “Open for submissions” as expected: someone changed it meanwhile, "
        "so nothing was changed."
    ]
    assert state_of(open_cycle) == CycleState.DECIDING


def test_the_service_refuses_a_stale_from_state_with_a_code(manager, open_cycle):
    with pytest.raises(Conflict) as stale:
        services.change_cycle_state(actor=manager, cycle=open_cycle, to_state="deciding", from_state="reviewing")
    assert stale.value.code == "cycle_state_changed"
    services.change_cycle_state(actor=manager, cycle=open_cycle, to_state="reviewing", from_state="open")
    with pytest.raises(Conflict) as again:
        services.change_cycle_state(actor=manager, cycle=open_cycle, to_state="reviewing", from_state="open")
    assert again.value.code == "already_in_state"
    with pytest.raises(NotAllowed):  # whoever may not manage learns nothing about the state
        services.change_cycle_state(actor=SubmitterFactory(), cycle=open_cycle, to_state="deciding", from_state="open")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_two_confirmations_at_the_same_moment_move_the_cycle_once(open_cycle):
    managers = [ManagerFactory(), ManagerFactory()]
    barrier = threading.Barrier(2)
    results = [None, None]

    def run(index):
        try:
            barrier.wait()
            services.change_cycle_state(
                actor=managers[index], cycle=open_cycle, to_state="reviewing", from_state="open"
            )
            results[index] = "moved"
        except Conflict as error:
            results[index] = error.code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results) == ["already_in_state", "moved"]
    assert state_of(open_cycle) == CycleState.REVIEWING


# --- the API: from_state makes a retry safe ----------------------------------------------------


@pytest.fixture
def api(manager):
    client = APIClient()
    client.force_authenticate(manager)
    return client


def test_the_api_needs_from_state(api, open_cycle):
    response = api.post(f"/api/v1/review-cycles/{open_cycle.year}/state/", {"to_state": "reviewing"}, format="json")
    assert response.status_code == 400
    assert response.json()["fields"] == {"from_state": ["This field is required."]}
    response = api.post(f"/api/v1/review-cycles/{open_cycle.year}/publish/", {}, format="json")
    assert response.json()["fields"] == {"from_state": ["This field is required."]}
    assert state_of(open_cycle) == CycleState.OPEN


def test_a_retried_api_request_does_not_move_the_cycle_twice(api, open_cycle):
    url = f"/api/v1/review-cycles/{open_cycle.year}/state/"
    body = {"to_state": "reviewing", "from_state": "open"}
    first = api.post(url, body, format="json")
    assert first.status_code == 200
    assert first.json() == {"year": 2099, "state": "reviewing", "published_at": None}
    retry = api.post(url, body, format="json")
    assert retry.status_code == 409
    assert retry.json() == {
        "status": 409,
        "code": "already_in_state",
        "detail": "The cycle is already “Reviewing”: this step was confirmed before, nothing more was changed.",
        "fields": {},
        "problems": [],
    }
    stale = api.post(url, {"to_state": "deciding", "from_state": "open"}, format="json")
    assert (stale.status_code, stale.json()["code"]) == (409, "cycle_state_changed")
    assert state_of(open_cycle) == CycleState.REVIEWING


def test_a_retried_publication_over_the_api_publishes_once(api, cycle):
    set_state(cycle, CycleState.DECIDING)
    url = f"/api/v1/review-cycles/{cycle.year}/publish/"
    first = api.post(url, {"from_state": "deciding"}, format="json")
    assert first.status_code == 200 and first.json()["state"] == "published"
    retry = api.post(url, {"from_state": "deciding"}, format="json")
    assert (retry.status_code, retry.json()["code"]) == (409, "already_in_state")


def test_the_schema_documents_from_state_and_the_conflict(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()
    for path in ("/api/v1/review-cycles/{year}/state/", "/api/v1/review-cycles/{year}/publish/"):
        operation = schema["paths"][path]["post"]
        assert "409" in operation["responses"]
        assert operation["responses"]["409"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
        ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        request = schema["components"]["schemas"][ref]
        assert "from_state" in request["required"]
        assert "already_in_state" in request["properties"]["from_state"]["description"]


def test_every_step_of_a_cycle_goes_through_its_own_confirmation_page(client, manager, cycle):
    set_state(cycle, CycleState.DRAFT)
    sign_in(client, manager)
    titles = {
        "open": "Move 2099 Awards to “Open for submissions”?",
        "reviewing": "Move 2099 Awards to “Reviewing”?",
        "deciding": "Move 2099 Awards to “Deciding”?",
        "published": "Publish the results of 2099 Awards?",
    }
    for to_state, title in titles.items():
        page = client.get(step_url(cycle.year, to_state))
        body = page.content.decode()
        assert f'<h1 id="cycle-step-title">{title}</h1>' in body
        assert f'data-to-state="{to_state}"' in body and 'id="cycle-step-emails"' in body
        assert state_of(cycle) != to_state  # opening the page changes nothing
        response = client.post(page.context["action"], confirmation_data(page))
        assert response.status_code == 302
        assert state_of(cycle) == to_state
