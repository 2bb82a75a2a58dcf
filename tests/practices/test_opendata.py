import csv
import io
import json
import re

import pytest
from django.urls import reverse

from cases.models import CycleState, Verification
from practices import opendata
from tests.cases.factories import AwardCycleFactory, AwardLevelFactory, CaseFactory, OutcomeFactory
from tests.governments.factories import CityFactory, ProvinceFactory
from tests.reviews.factories import AwardDecisionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seosan():
    chungnam = ProvinceFactory(code="34", name="Chungcheongnam-do", name_local="충청남도")
    case = CaseFactory(
        awarded=True,
        cycle=AwardCycleFactory(year=2006, published=True),
        government=CityFactory(code="34050", name="Seosan-si", name_local="서산시", parent=chungnam, population=152796),
        title="Migratory Birds of Cheonsu Bay",
        title_local="천수만 철새",
        obstacles=["lack_of_cooperation", "conflict_of_interest"],
        remedies=["induced_cooperation"],
    )
    OutcomeFactory(case=case, indicator="Species", baseline=None, result=318, verification=Verification.VERIFIED)
    OutcomeFactory(case=case, indicator="Rice", baseline=100, result="135.50")
    return case


def body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_has_every_published_case_with_codes(client, seosan):
    CaseFactory(not_awarded=True, cycle=seosan.cycle)
    CaseFactory(awarded=True, cycle=AwardCycleFactory(state=CycleState.DECIDING))
    response = client.get(reverse("practices:open_data_csv") + "?header=keys")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="innovation-awards-cases.csv"'
    text = body(response)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 1
    row = rows[0]
    assert list(row) == list(opendata.csv_headers())
    assert {key: row[key] for key in ["cycle", "government_code", "government_local", "parent_code", "tier"]} == {
        "cycle": "2006",
        "government_code": "34050",
        "government_local": "서산시",
        "parent_code": "34",
        "tier": "city",
    }
    assert row["population"] == "152796"
    assert row["title_local"] == "천수만 철새"
    assert row["obstacles"] == "lack_of_cooperation; conflict_of_interest"
    assert row["remedies"] == "induced_cooperation"
    assert (row["outcomes"], row["verified_outcomes"], row["award_level"]) == ("2", "1", "")
    assert row["url"] == f"http://testserver/practices/{seosan.pk}/"


def test_json_has_metadata_licence_attribution_and_nested_records(client, seosan):
    level = AwardLevelFactory(cycle=seosan.cycle, code="grand")
    AwardDecisionFactory(case=seosan, level=level, rationale="Birds", rationale_local="철새")
    response = client.get(reverse("practices:open_data_json"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(body(response))
    assert data["count"] == 1
    assert data["licence"]["name"] == "Korea Open Government License (KOGL) Type 1"
    assert data["attribution"]["registry"] == "Team POPONG (CC BY 3.0); source data Statistics Korea (KOSTAT/KOSIS)"
    (record,) = data["cases"]
    assert record["government"] == {"code": "34050", "name": "Seosan-si", "name_local": "서산시", "parent_code": "34"}
    assert [item["type"] for item in record["obstacles"]] == ["lack_of_cooperation", "conflict_of_interest"]
    assert [(o["baseline"], o["result"], o["verification"]) for o in record["outcomes"]] == [
        (None, "318", "verified"),
        ("100", "135.5", "pending"),
    ]
    assert record["award"]["level"] == "grand"
    assert record["award"]["rationale_local"] == "철새"


def test_json_with_no_cases_is_valid(client):
    data = json.loads(body(client.get(reverse("practices:open_data_json"))))
    assert (data["count"], data["cases"]) == (0, [])


def test_downloads_use_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    cycle = AwardCycleFactory(year=2006, published=True)
    CaseFactory.create_batch(12, awarded=True, cycle=cycle, obstacles=["lack_of_resources"])
    with django_assert_max_num_queries(8):
        body(client.get(reverse("practices:open_data_csv")))


def test_open_data_page_states_licence_and_attribution(client, seosan):
    html = client.get(reverse("practices:open_data")).content.decode()
    assert "Korea Open Government License (KOGL) Type 1" in html
    assert "Team POPONG (CC BY 3.0); source data Statistics Korea (KOSTAT/KOSIS)" in html
    assert reverse("practices:open_data_csv") in html and reverse("practices:open_data_json") in html
    assert reverse("api-docs") in html
    assert "All 1 awarded practice of the published award cycles" in html


def test_demo_open_data_has_the_42_awarded_cases(client, demo_data):
    data = json.loads(body(client.get(reverse("practices:open_data_json"))))
    assert data["count"] == 42
    assert len(data["cases"]) == 42
    assert sum(record["uses_ict"] for record in data["cases"]) == 28
    assert {record["government"]["code"] for record in data["cases"] if not record["is_illustrative"]} == {
        "34050",
        "37050",
    }


# --- The API's schema and docs ----------------------------------------------------------------


def test_schema_documents_cases_governments_and_stats(client):
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ["/api/v1/cases/", "/api/v1/cases/{id}/", "/api/v1/governments/", "/api/v1/governments/{code}/"]:
        assert path in paths, path
    assert any(path.startswith("/api/v1/stats/") for path in paths)
    parameters = {parameter["name"] for parameter in paths["/api/v1/cases/"]["get"]["parameters"]}
    assert {"cycle", "tier", "region", "purpose", "ict", "obstacle", "remedy", "participation", "q"} <= parameters


def test_docs_page_uses_the_csp_nonce_and_local_assets(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    nonce = re.search(r"nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'<script nonce="{nonce}">' in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "http://" not in html.replace("http://testserver", "") and "https://" not in html


@pytest.mark.parametrize(
    ("language", "first", "title"),
    [("en", ["ID", "Address", "Cycle"], "Title (Korean)"), ("ko", ["번호", "주소", "회차"], "제목(한글)")],
)
def test_csv_headers_follow_the_language_and_the_values_stay_codes(client, seosan, language, first, title):
    response = client.get(reverse("practices:open_data_csv"), HTTP_ACCEPT_LANGUAGE=language)
    rows = list(csv.reader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert rows[0][:3] == first
    assert rows[0][list(opendata.csv_headers()).index("title_local")] == title
    assert len(rows[0]) == len(list(opendata.csv_headers()))
    assert rows[1][list(opendata.csv_headers()).index("tier")] == "city"  # codes, not labels, in every language


def test_demo_open_data_gives_service_areas_and_outcome_kinds(client, demo_data):
    data = json.loads(body(client.get(reverse("practices:open_data_json"))))
    gumi = next(record for record in data["cases"] if record["government"]["code"] == "37050")
    assert gumi["service_area"] == "economy"
    assert [outcome["kind"] for outcome in gumi["outcomes"]] == ["simplification", "economic"]
    rows = list(csv.reader(io.StringIO(body(client.get(reverse("practices:open_data_csv"), {"header": "keys"})))))
    column = rows[0].index("service_area")
    assert {row[column] for row in rows[1:]} <= {
        "welfare",
        "health",
        "education",
        "environment",
        "economy",
        "culture_tourism",
        "transport",
        "safety",
        "housing_urban",
        "administration",
    }
