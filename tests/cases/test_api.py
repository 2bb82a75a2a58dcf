import pytest
from rest_framework.test import APIClient

from cases.models import CaseEvent, CaseState, InnovationCase
from tests.accounts.factories import ManagerFactory, ReviewerFactory
from tests.api_errors import api_error, invalid
from tests.cases.factories import (
    AwardCycleFactory,
    CaseFactory,
    ObstacleTypeFactory,
    ParticipantKindFactory,
    PurposeFactory,
    RemedyTypeFactory,
)
from tests.cases.helpers import complete_draft
from tests.reviews.factories import ReviewAssignmentFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/cases/"


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def taxonomies():
    return {
        "purpose": PurposeFactory(code="service_improvement"),
        "obstacle": ObstacleTypeFactory(code="lack_of_cooperation"),
        "remedy": RemedyTypeFactory(code="induced_cooperation"),
        "kind": ParticipantKindFactory(code="citizens"),
    }


def full_payload(cycle):
    return {
        "cycle": cycle.year,
        "title": "Web GIS",
        "summary": "One-stop service for firms.",
        "purpose": "service_improvement",
        "uses_ict": True,
        "ict_description": "A web-based GIS",
        "participation_level": "consult",
        "participant_kinds": ["citizens"],
        "obstacles": [{"type": "lack_of_cooperation", "description": "Departments resisted"}],
        "remedies": [{"type": "induced_cooperation", "description": "Workshops"}],
        "outcomes": [{"indicator": "Days to permit", "unit": "days", "baseline": "30", "result": "7"}],
    }


def test_anonymous_lists_public_cases_only_with_count_and_results(api):
    public = CaseFactory(awarded=True)
    CaseFactory()  # draft
    CaseFactory(submitted=True)
    response = api.get(URL)
    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert [row["id"] for row in response.json()["results"]] == [public.pk]
    first = response.json()["results"][0]
    assert (first["contact_email"], first["contact_phone"]) == (None, None)  # a government staff's contacts


def test_submitter_creates_complete_draft_and_submits_it(api, submitter, cycle, taxonomies):
    api.force_authenticate(submitter)
    response = api.post(URL, full_payload(cycle), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["state"] == "draft"
    assert data["government"] == submitter.government.code
    assert data["obstacles"] == [
        {
            "type": "lack_of_cooperation",
            "label": "Lack of cooperation",
            "description": "Departments resisted",
            "description_local": "",
        }
    ]
    assert data["outcomes"][0]["baseline"] == "30.00"
    assert data["tier"] is None and data["population"] is None
    response = api.post(f"{URL}{data['id']}/submit/")
    assert response.status_code == 200
    assert (response.json()["state"], response.json()["tier"], response.json()["population"]) == (
        "submitted",
        "city",
        300_000,
    )


def test_create_refused_for_non_submitters(api, cycle):
    for user in (ReviewerFactory(), ManagerFactory()):
        api.force_authenticate(user)
        assert api.post(URL, {"cycle": cycle.year, "title": "X"}, format="json").status_code == 403
    api.force_authenticate(None)
    assert api.post(URL, {"cycle": cycle.year, "title": "X"}, format="json").status_code in (401, 403)
    assert InnovationCase.objects.count() == 0


def test_unknown_taxonomy_codes_are_clear_400_per_field(api, submitter, cycle, taxonomies):
    api.force_authenticate(submitter)
    payload = full_payload(cycle) | {
        "purpose": "world_peace",
        "participant_kinds": ["aliens"],
        "obstacles": [{"type": "gravity", "description": ""}],
        "remedies": [{"type": "magic"}],
    }
    response = api.post(URL, payload, format="json")
    assert response.status_code == 400
    assert response.json() == invalid(
        {
            "purpose": ["Unknown purpose code “world_peace”."],
            "participant_kinds": ["Unknown participant kind code “aliens”."],
            "obstacles.0.type": ["Unknown obstacle code “gravity”."],
            "remedies.0.type": ["Unknown remedy code “magic”."],
        }
    )
    assert InnovationCase.objects.count() == 0


@pytest.mark.parametrize("population", [-5, 10**12, 400_000])
def test_population_and_tier_cannot_be_set_through_the_api(api, submitter, cycle, population):
    api.force_authenticate(submitter)
    response = api.post(URL, {"cycle": cycle.year, "population": population, "tier": "province"}, format="json")
    assert response.status_code == 400
    assert response.json()["fields"]["population"] == [
        "The population is taken from the government's registry entry when the case is submitted; it cannot be set."
    ]
    assert "tier" in response.json()["fields"]
    assert InnovationCase.objects.count() == 0
    case = CaseFactory(government=submitter.government, cycle=cycle)
    response = api.patch(f"{URL}{case.pk}/", {"population": population}, format="json")
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.population is None


def test_unknown_fields_and_state_are_refused(api, submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle)
    api.force_authenticate(submitter)
    response = api.patch(f"{URL}{case.pk}/", {"state": "awarded", "colour": "red"}, format="json")
    assert response.status_code == 400
    assert response.json() == invalid(
        {"state": ["The state changes only through the submit and withdraw actions."], "colour": ["Unknown field."]}
    )
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


def test_create_in_closed_cycle_is_refused(api, submitter):
    cycle = AwardCycleFactory(closed=True)
    api.force_authenticate(submitter)
    response = api.post(URL, {"cycle": cycle.year, "title": "Late"}, format="json")
    assert response.status_code == 409
    assert response.json() == api_error(
        409, f"The {cycle.title} cycle is not accepting submissions.", code="cycle_closed"
    )
    assert InnovationCase.objects.count() == 0


def test_values_no_row_could_hold_are_a_400_not_a_database_error(api, submitter, cycle, taxonomies):
    api.force_authenticate(submitter)
    response = api.post(
        URL, full_payload(cycle) | {"purpose": "place\x00marketing", "obstacles": [{"type": "a\x00"}]}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == invalid(
        {
            "purpose": ["Give a code (text) for the purpose."],
            "obstacles.0.type": ["Give a code (text) for the obstacle."],
        }
    )
    response = api.post(URL, {"cycle": -(10**21)}, format="json")
    assert response.json() == invalid({"cycle": [f"There is no award cycle for the year {-(10**21)}."]})
    assert InnovationCase.objects.count() == 0


def test_create_without_cycle_or_with_unknown_year(api, submitter):
    api.force_authenticate(submitter)
    assert api.post(URL, {"title": "X"}, format="json").json() == invalid(
        {"cycle": ["Give the year of the award cycle."]}
    )
    assert api.post(URL, {"cycle": 1900}, format="json").json() == invalid(
        {"cycle": ["There is no award cycle for the year 1900."]}
    )


def test_patch_updates_and_records_event(api, submitter, cycle, taxonomies):
    case = CaseFactory(government=submitter.government, cycle=cycle, title="Old")
    api.force_authenticate(submitter)
    response = api.patch(
        f"{URL}{case.pk}/", {"title": "New", "obstacles": [{"type": "lack_of_cooperation"}]}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["title"] == "New"
    event = case.events.get(kind=CaseEvent.Kind.UPDATED)
    assert event.actor == submitter
    assert event.changes["title"] == ["Old", "New"]


def test_patch_field_errors_are_json_per_field(api, submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle, title="Old")
    api.force_authenticate(submitter)
    response = api.patch(
        f"{URL}{case.pk}/",
        {"title": "x" * 201, "contact_email": "nope", "outcomes": [{"baseline": "abc"}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == invalid(
        {
            "title": ["Ensure this field has no more than 200 characters."],
            "contact_email": ["Enter a valid email address."],
            "outcomes.0.baseline": ["A valid number is required."],
        }
    )
    assert InnovationCase.objects.get(pk=case.pk).title == "Old"


def test_put_is_not_allowed(api, submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle)
    api.force_authenticate(submitter)
    assert api.put(f"{URL}{case.pk}/", {"title": "X"}, format="json").status_code == 405


def test_submit_incomplete_lists_problems(api, submitter, cycle):
    case = CaseFactory(government=submitter.government, cycle=cycle)
    api.force_authenticate(submitter)
    response = api.post(f"{URL}{case.pk}/submit/")
    assert response.status_code == 409
    assert response.json() == api_error(
        409,
        "The case cannot be submitted yet:",
        code="incomplete",
        problems=[
            "Describe at least one obstacle the innovation met.",
            "Describe at least one remedy: how the obstacles were overcome.",
            "Report at least one outcome with a baseline value or evidence.",
        ],
    )
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


def test_submit_after_cycle_closed(api, submitter):
    cycle = AwardCycleFactory(closed=True)
    case = complete_draft(government=submitter.government, cycle=cycle)
    api.force_authenticate(submitter)
    response = api.post(f"{URL}{case.pk}/submit/")
    assert response.status_code == 409
    assert response.json()["problems"][0].startswith(f"The {cycle.title} cycle is not accepting submissions")
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.DRAFT


def test_withdraw_action(api, submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle, submitted=True)
    api.force_authenticate(submitter)
    response = api.post(f"{URL}{case.pk}/withdraw/", {"message": "Oops"}, format="json")
    assert response.status_code == 200
    assert response.json()["state"] == "withdrawn"
    response = api.post(f"{URL}{case.pk}/withdraw/")
    assert response.status_code == 409
    assert response.json() == api_error(409, "A case that is “Withdrawn” cannot be withdrawn.", code="invalid_state")


def test_edit_of_submitted_case_refused(api, submitter, cycle):
    case = complete_draft(government=submitter.government, cycle=cycle, submitted=True, title="Fixed")
    api.force_authenticate(submitter)
    response = api.patch(f"{URL}{case.pk}/", {"title": "Changed"}, format="json")
    assert response.status_code == 409
    assert response.json() == api_error(
        409, "A case that is “Submitted” can no longer be changed.", code="invalid_state"
    )
    assert InnovationCase.objects.get(pk=case.pk).title == "Fixed"


def test_manager_and_assigned_reviewer_can_read_but_not_write(api):
    assignment = ReviewAssignmentFactory()
    case = assignment.case
    for user in (ManagerFactory(), assignment.reviewer):
        api.force_authenticate(user)
        assert api.get(f"{URL}{case.pk}/").status_code == 200
        assert api.patch(f"{URL}{case.pk}/", {"title": "X"}, format="json").status_code == 403
        assert api.post(f"{URL}{case.pk}/withdraw/").status_code == 403
        assert api.post(f"{URL}{case.pk}/submit/").status_code == 403
    assert InnovationCase.objects.get(pk=case.pk).state == CaseState.IN_REVIEW


def test_filters_are_applied(api):
    CaseFactory(awarded=True, uses_ict=True)
    CaseFactory(awarded=True, uses_ict=False)
    assert api.get(URL, {"ict": "true"}).json()["count"] == 1


def test_list_query_count_does_not_grow(api, django_assert_max_num_queries):
    for _ in range(5):
        CaseFactory(awarded=True, obstacles=["lack_of_expertise"], remedies=["perseverance"])
    with django_assert_max_num_queries(10):
        assert api.get(URL).json()["count"] == 5


def test_submitter_writes_both_languages_of_every_text(api, submitter, cycle, taxonomies):
    api.force_authenticate(submitter)
    payload = {
        **full_payload(cycle),
        "title_local": "웹 지리정보시스템",
        "ict_description_local": "웹 기반 지리정보시스템",
        "champion_local": "시장",
        "champion": "Mayor",
        "obstacles": [{"type": "lack_of_cooperation", "description": "Resisted", "description_local": "부서 반발"}],
        "remedies": [{"type": "induced_cooperation", "description_local": "합동 워크숍"}],
        "outcomes": [{"indicator_local": "인허가 처리 일수", "unit_local": "일", "baseline": "30", "result": "7"}],
    }
    response = api.post(URL, payload, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert (data["title_local"], data["ict_description_local"], data["champion_local"]) == (
        "웹 지리정보시스템",
        "웹 기반 지리정보시스템",
        "시장",
    )
    assert [(row["description"], row["description_local"]) for row in data["obstacles"]] == [("Resisted", "부서 반발")]
    assert [(row["description"], row["description_local"]) for row in data["remedies"]] == [("", "합동 워크숍")]
    assert (data["outcomes"][0]["indicator_local"], data["outcomes"][0]["unit_local"]) == ("인허가 처리 일수", "일")


def test_service_area_and_outcome_kind_are_written_and_read_by_code(api, submitter, cycle):
    from cases.models import OutcomeKind, ServiceArea

    ServiceArea.objects.create(code="welfare", name="Welfare", name_local="복지")
    OutcomeKind.objects.create(code="vulnerable_groups", name="Vulnerable groups", name_local="취약계층")
    case = CaseFactory(government=submitter.government, cycle=cycle)
    api.force_authenticate(submitter)
    response = api.patch(
        f"{URL}{case.pk}/",
        {"service_area": "welfare", "outcomes": [{"indicator": "Elderly visited", "kind": "vulnerable_groups"}]},
        format="json",
    )
    assert response.status_code == 200
    data = response.json()
    assert data["service_area"] == "welfare"
    assert [(o["indicator"], o["kind"]) for o in data["outcomes"]] == [("Elderly visited", "vulnerable_groups")]
    case.refresh_from_db()
    assert (case.service_area.code, case.outcomes.get().kind.code) == ("welfare", "vulnerable_groups")
    refused = api.patch(f"{URL}{case.pk}/", {"service_area": "nonsense"}, format="json")
    assert refused.status_code == 400
    assert refused.json() == invalid({"service_area": ["Unknown service area code “nonsense”."]})
