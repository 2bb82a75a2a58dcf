import csv
import io

import pytest
from django.utils import timezone

from cases.models import AwardCycle, CaseState, CycleState, InnovationCase
from core.numbers import percent
from tests.accounts.factories import ManagerFactory, ReviewerFactory, SubmitterFactory
from tests.accounts.helpers import sign_in
from tests.api_errors import invalid
from tests.cases.factories import AwardCycleFactory, CaseFactory

pytestmark = pytest.mark.django_db

# The study's printed tables ("Transforming Local Government in Korea", Tables 1–4), as printed, except the
# national total average population: the study prints 396,037, but its own rows give
# 97,416,178 / 246 = 396,000.7, so 396,001.
TABLE_1 = [
    # key, cases, %, average population, national, %, national average population
    ("province", 6, 14.3, 3_603_424, 9, 3.7, 2_901_296),
    ("metropolis", 9, 21.4, 2_246_095, 7, 2.8, 3_268_588),
    ("city", 10, 23.8, 434_712, 75, 30.5, 283_711),
    ("district", 7, 16.7, 370_638, 69, 28.0, 324_397),
    ("county", 10, 23.8, 60_894, 86, 35.0, 55_380),
    ("total", 42, 100.0, 1_175_855, 246, 100.0, 396_001),
]
# Not printed by the study: the unrounded case share ÷ national share, half-up to two decimals
# (province: 6/42 ÷ 9/246 = 3.905 → 3.9, whereas the rounded shares would give 14.3 / 3.7 = 3.86).
RATIOS = {"province": 3.9, "metropolis": 7.53, "city": 0.78, "district": 0.59, "county": 0.68, "total": 1.0}
TABLE_2 = {
    "columns": ["non_ict", "ict", "total"],
    "rows": {
        "place_marketing": [(4, 28.6), (4, 14.3), (8, 19.0)],
        "service_improvement": [(10, 71.4), (24, 85.7), (34, 81.0)],
        "total": [(14, 100.0), (28, 100.0), (42, 100.0)],
    },
}
TABLE_3 = {
    "columns": [
        "lack_of_resources",
        "lack_of_cooperation",
        "legal_constraint",
        "conflict_of_interest",
        "lack_of_expertise",
        "total",
    ],
    "rows": {
        "non_ict": [(1, 2.4), (5, 11.9), (1, 2.4), (10, 23.8), (2, 4.8), (19, 45.2)],
        "ict": [(9, 21.4), (9, 21.4), (6, 14.3), (13, 31.0), (12, 28.6), (49, 116.7)],
        "total": [(10, 23.8), (14, 33.3), (7, 16.7), (23, 54.8), (14, 33.3), (68, 161.9)],
    },
}
TABLE_4 = {
    "columns": ["institutional_provision", "revised_project", "induced_cooperation", "perseverance", "total"],
    "rows": {
        "non_ict": [(3, 7.1), (1, 2.4), (14, 33.3), (2, 4.8), (20, 47.6)],
        "ict": [(5, 11.9), (4, 9.5), (22, 52.4), (12, 28.6), (43, 102.4)],
        "total": [(8, 19.0), (5, 11.9), (36, 85.7), (14, 33.3), (63, 150.0)],
    },
}


def _cross(table: dict) -> dict:
    return {
        "columns": [column["key"] for column in table["columns"]],
        "rows": {row["key"]: [(cell["count"], cell["percent"]) for cell in row["cells"]] for row in table["rows"]},
    }


def _tier_rows(table: dict) -> list[tuple]:
    return [
        (
            row["key"],
            row["cases"],
            row["cases_percent"],
            row["cases_avg_population"],
            row["national"],
            row["national_percent"],
            row["national_avg_population"],
        )
        for row in table["rows"]
    ]


def test_stats_api_reproduces_every_printed_number_of_the_studys_tables(client, demo_data):
    data = client.get("/api/v1/stats/").json()

    assert (data["scope"], data["cycles"], data["case_count"]) == ("awarded", [2005, 2006], 42)
    tables = data["tables"]
    assert _tier_rows(tables["tier_representation"]) == TABLE_1
    assert {row["key"]: row["representation_ratio"] for row in tables["tier_representation"]["rows"]} == RATIOS
    assert _cross(tables["purpose_by_ict"]) == TABLE_2
    assert _cross(tables["obstacles_by_ict"]) == TABLE_3
    assert _cross(tables["remedies_by_ict"]) == TABLE_4
    assert [tables[t]["percent_base"] for t in ("purpose_by_ict", "obstacles_by_ict", "remedies_by_ict")] == [
        "column",
        "cases",
        "cases",
    ]
    assert [tables[t]["base"] for t in ("purpose_by_ict", "obstacles_by_ict", "remedies_by_ict")] == [42, 42, 42]


def test_contract_keys_and_labels_follow_design_section_5(client, demo_data):
    data = client.get("/api/v1/stats/").json()
    assert list(data) == ["scope", "cycles", "case_count", "tables"]
    assert list(data["tables"]) == [
        "tier_representation",
        "purpose_by_ict",
        "obstacles_by_ict",
        "remedies_by_ict",
        "ict_by_cycle",
        "tier_by_cycle",
        "outcome_verification",
        "citizen_feedback",
        "felt_by_case",
        "participation_levels",
        "service_area_by_ict",
        "outcome_kind_by_ict",
        "jargon_by_cycle",
        "sustainability",
        "adoption_flows",
    ]
    tier_table = data["tables"]["tier_representation"]
    assert list(tier_table) == ["id", "title", "cases_label", "rows", "notes", "tests"]
    assert tier_table["cases_label"] == "Award-winning cases"
    province = tier_table["rows"][0]
    assert province == {
        "key": "province",
        "label": "Province",
        "cases": 6,
        "cases_percent": 14.3,
        "cases_avg_population": 3603424,
        "national": 9,
        "national_percent": 3.7,
        "national_avg_population": 2901296,
        "representation_ratio": 3.9,
    }
    purpose = data["tables"]["purpose_by_ict"]
    assert purpose["id"] == "purpose_by_ict"
    assert purpose["columns"] == [
        {"key": "non_ict", "label": "Non-ICT"},
        {"key": "ict", "label": "ICT"},
        {"key": "total", "label": "Total"},
    ]
    assert purpose["rows"][0] == {
        "key": "place_marketing",
        "label": "Place marketing",
        "cells": [{"count": 4, "percent": 28.6}, {"count": 4, "percent": 14.3}, {"count": 8, "percent": 19.0}],
    }
    obstacles = data["tables"]["obstacles_by_ict"]
    assert [row["key"] for row in obstacles["rows"]] == ["non_ict", "ict", "total"]
    assert "Note: Total is greater than 100% due to multiple counts." in obstacles["notes"]


def test_the_tier_bias_of_the_demo_awards_is_not_chance(client, demo_data):
    tests = client.get("/api/v1/stats/").json()["tables"]["tier_representation"]["tests"]
    assert list(tests) == ["vs_national", "vs_submitted"]
    national = tests["vs_national"]
    assert list(national) == ["method", "statistic", "p_value", "n", "degrees_of_freedom", "too_small", "summary"]
    # 42 cases in 5 tiers: 163,185 possible outcomes, few enough to enumerate.
    assert (national["method"], national["n"], national["degrees_of_freedom"]) == ("exact_multinomial", 42, 4)
    assert national["p_value"] < 0.001
    assert round(national["statistic"], 2) == 67.98
    assert national["summary"] == "A difference this large would arise by chance less than 1 time in 1,000."
    assert (tests["vs_submitted"]["method"], tests["vs_submitted"]["n"]) == ("exact_multinomial", 42)
    korean = client.get("/api/v1/stats/", HTTP_ACCEPT_LANGUAGE="ko").json()["tables"]["tier_representation"]
    assert korean["tests"]["vs_national"]["summary"] == (
        "이 정도의 차이가 우연히 나타날 확률은 1,000번에 1번도 되지 않습니다."
    )


def test_labels_follow_the_request_language_and_keys_do_not(client, demo_data):
    data = client.get("/api/v1/stats/", HTTP_ACCEPT_LANGUAGE="ko").json()
    tier = data["tables"]["tier_representation"]["rows"][0]
    assert (tier["key"], tier["label"]) == ("province", "도")
    purpose = data["tables"]["purpose_by_ict"]["rows"][0]
    assert (purpose["key"], purpose["label"]) == ("place_marketing", "지역 마케팅")
    assert data["tables"]["obstacles_by_ict"]["columns"][0] == {"key": "lack_of_resources", "label": "자원 부족"}


def test_one_table_endpoint_returns_the_same_table(client, demo_data):
    everything = client.get("/api/v1/stats/").json()["tables"]
    for table_id in ("tier_representation", "purpose_by_ict", "obstacles_by_ict", "remedies_by_ict"):
        response = client.get(f"/api/v1/stats/{table_id}/")
        assert response.status_code == 200
        assert response.json() == everything[table_id]


def test_unknown_table_is_404_and_award_rate_is_404_for_everyone_but_managers(client, demo_data):
    assert client.get("/api/v1/stats/nonsense/").status_code == 404
    assert client.get("/api/v1/stats/award_rate_by_tier/").status_code == 404
    sign_in(client, ReviewerFactory())
    assert client.get("/api/v1/stats/award_rate_by_tier/").status_code == 404
    assert "award_rate_by_tier" not in client.get("/api/v1/stats/").json()["tables"]


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_of_each_table_has_the_numbers_of_the_json(client, demo_data):
    tables = client.get("/api/v1/stats/").json()["tables"]
    response = client.get("/api/v1/stats/tier_representation/?format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="tier_representation.csv"'
    rows = _csv(response)
    assert rows[0] == [
        "Code",
        "Local government",
        "Award-winning cases",
        "Award-winning cases (%)",
        "Average population of the cases",
        "National profile",
        "National profile (%)",
        "National average population",
        "Representation ratio",
    ]
    assert rows[1] == ["province", "Province", "6", "14.3", "3603424", "9", "3.7", "2901296", "3.9"]
    assert rows[-1] == ["total", "Total", "42", "100.0", "1175855", "246", "100.0", "396001", "1.0"]
    for table_id in ("purpose_by_ict", "obstacles_by_ict", "remedies_by_ict", "participation_levels"):
        rows = _csv(client.get(f"/api/v1/stats/{table_id}/?format=csv"))
        table = tables[table_id]
        assert rows[0][:2] == ["Code", table["row_header"]]
        labels = [column["label"] for column in table["columns"]]
        assert rows[0][2:] == [header for label in labels for header in (f"{label} (number)", f"{label} (%)")]
        expected = [
            [row["key"], row["label"], *(str(v) for cell in row["cells"] for v in (cell["count"], cell["percent"]))]
            for row in table["rows"]
        ]
        assert rows[1:] == expected
    rows = _csv(client.get("/api/v1/stats/obstacles_by_ict/?format=csv"))
    assert rows[3] == [
        *("total", "Total", "10", "23.8", "14", "33.3", "7", "16.7"),
        *("23", "54.8", "14", "33.3", "68", "161.9"),
    ]


def test_csv_follows_the_filters(client, demo_data):
    rows = _csv(client.get("/api/v1/stats/tier_representation/?format=csv&cycle=2005"))
    assert rows[-1][:3] == ["total", "Total", "21"]


def test_csv_of_an_invalid_request_is_a_json_400(client, demo_data):
    response = client.get("/api/v1/stats/tier_representation/?format=csv&scope=submitted")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == invalid({"scope": ["Only reviewers and award managers may see all submitted cases."]})


def test_options_of_a_csv_table_describes_it_in_json(client, db):
    response = client.options("/api/v1/stats/award_rate_by_tier/?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["name"] == "Stats Table"


def test_cycle_filter(client, demo_data):
    data = client.get("/api/v1/stats/?cycle=2006").json()
    assert (data["cycles"], data["case_count"]) == ([2006], 21)
    assert [row["key"] for row in data["tables"]["ict_by_cycle"]["rows"]] == ["2006", "total"]
    both = client.get("/api/v1/stats/?cycle=2005&cycle=2006").json()
    assert both == client.get("/api/v1/stats/").json()


def test_unknown_or_unpublished_cycle_is_a_400(client, demo_data):
    response = client.get("/api/v1/stats/?cycle=1999")
    assert response.status_code == 400
    assert response.json() == invalid({"cycle": ["1999 is not one of the award cycles you can choose."]})
    # 2007 is open, so it has no published awards: the public cannot choose it.
    assert client.get("/api/v1/stats/?cycle=2007").status_code == 400
    assert client.get("/api/v1/stats/?cycle=abc").status_code == 400


@pytest.mark.parametrize("user_factory", [None, SubmitterFactory])
def test_submitted_scope_is_refused_with_400_to_the_public_and_submitters(client, demo_data, user_factory):
    if user_factory:
        sign_in(client, user_factory())
    response = client.get("/api/v1/stats/?scope=submitted")
    assert response.status_code == 400
    assert response.json() == invalid({"scope": ["Only reviewers and award managers may see all submitted cases."]})
    assert client.get("/api/v1/stats/?scope=nonsense").status_code == 400


@pytest.mark.parametrize("user_factory", [ReviewerFactory, ManagerFactory])
def test_reviewers_and_managers_may_see_every_submitted_case(client, demo_data, user_factory):
    sign_in(client, user_factory())
    data = client.get("/api/v1/stats/?scope=submitted").json()
    submitted = InnovationCase.objects.filter(
        state__in=["submitted", "in_review", "revision_requested", "awarded", "not_awarded"]
    )
    assert data["scope"] == "submitted"
    assert data["cycles"] == [2005, 2006, 2007]
    assert data["case_count"] == submitted.count() > 42
    assert data["tables"]["tier_representation"]["rows"][-1]["cases"] == submitted.count()
    assert data["tables"]["tier_representation"]["cases_label"] == "Submitted cases"
    rows = _csv(client.get("/api/v1/stats/tier_representation/?format=csv&scope=submitted"))
    assert rows[0][2:4] == ["Submitted cases", "Submitted cases (%)"]
    # Awarded ones in a chosen cycle: the same as the default scope.
    assert client.get("/api/v1/stats/?scope=awarded").json()["case_count"] == 42


def test_managers_see_award_rate_by_tier(client, demo_data):
    sign_in(client, ManagerFactory())
    table = client.get("/api/v1/stats/award_rate_by_tier/").json()
    decided = InnovationCase.objects.filter(cycle__year__in=[2005, 2006], state__in=["awarded", "not_awarded"])
    total = table["rows"][-1]
    assert total["key"] == "total"
    assert total["awarded"] == 42
    assert total["submitted"] == decided.count()
    province = table["rows"][0]
    provinces = decided.filter(tier="province")
    assert (province["submitted"], province["awarded"]) == (provinces.count(), 6)
    assert province["award_rate"] == percent(6, provinces.count())


def test_changing_a_decision_changes_the_next_response(client, demo_data):
    before = client.get("/api/v1/stats/").json()
    case = InnovationCase.objects.filter(state=CaseState.AWARDED, cycle__year=2005, tier="province").first()
    case.state = CaseState.NOT_AWARDED
    case.save(update_fields=["state"])

    after = client.get("/api/v1/stats/").json()
    assert (before["case_count"], after["case_count"]) == (42, 41)
    province = after["tables"]["tier_representation"]["rows"][0]
    assert (province["cases"], province["cases_percent"]) == (5, 12.2)


def test_publishing_a_cycle_changes_the_next_response(client, demo_data):
    cycle = AwardCycleFactory(year=2008, state=CycleState.DECIDING, closed=True)
    CaseFactory.create_batch(3, awarded=True, cycle=cycle, uses_ict=True)
    assert client.get("/api/v1/stats/").json()["case_count"] == 42

    AwardCycle.objects.filter(pk=cycle.pk).update(state=CycleState.PUBLISHED, published_at=timezone.now())
    data = client.get("/api/v1/stats/").json()
    assert (data["cycles"], data["case_count"]) == ([2005, 2006, 2008], 45)
    assert data["tables"]["ict_by_cycle"]["rows"][2]["cells"][1] == {"count": 3, "percent": 100.0}


def test_stats_endpoints_are_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    stats = schema["paths"]["/api/v1/stats/"]["get"]
    assert {parameter["name"] for parameter in stats["parameters"]} == {"cycle", "scope"}
    assert stats["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Statistics"
    }
    table = schema["paths"]["/api/v1/stats/{table_id}/"]["get"]
    assert {parameter["name"] for parameter in table["parameters"]} == {"table_id", "cycle", "scope", "format"}
    assert set(table["responses"]["200"]["content"]) == {"application/json", "text/csv"}
    assert "TierTable" in schema["components"]["schemas"]
    assert "representation_ratio" in schema["components"]["schemas"]["TierRow"]["properties"]


def test_stats_api_is_read_only(client):
    assert client.post("/api/v1/stats/", {}).status_code == 405
    assert client.delete("/api/v1/stats/purpose_by_ict/").status_code == 405
