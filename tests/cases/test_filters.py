from urllib.parse import quote

import pytest
from django.db import connection
from django.http import QueryDict

from cases.filters import CaseFilter, search_words
from cases.models import CaseState, InnovationCase, ParticipationLevel
from tests.cases.factories import AwardCycleFactory, CaseFactory, PurposeFactory
from tests.governments.factories import CityFactory, DistrictFactory, MetropolisFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


def filtered(query: str, queryset=None) -> list[InnovationCase]:
    filterset = CaseFilter(
        QueryDict(query), queryset=queryset if queryset is not None else InnovationCase.objects.all()
    )
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs)


def ids(cases) -> set[int]:
    return {case.pk for case in cases}


@pytest.fixture
def seosan():
    chungnam = ProvinceFactory(code="34", name="Chungcheongnam-do", name_local="충청남도")
    government = CityFactory(code="34050", name="Seosan-si", name_local="서산시", parent=chungnam)
    return CaseFactory(
        awarded=True,
        government=government,
        title="Migratory Birds of Cheonsu Bay as a Cultural Asset",
        title_local="천수만 철새를 활용한 지역 문화자산화",
        summary="Residents built a website on the birds.",
        summary_local="주민과 환경단체가 함께 철새 웹사이트를 만들었다.",
        purpose=PurposeFactory(code="place_marketing"),
    )


@pytest.fixture
def gumi():
    return CaseFactory(
        awarded=True,
        government=CityFactory(code="37050", name="Gumi-si", name_local="구미시"),
        title="Web-based GIS and one-stop service for firms",
        title_local="웹 기반 지리정보시스템과 기업 원스톱 서비스",
        description="Bird's-eye maps of industrial land.",
        uses_ict=True,
    )


def test_search_words_keeps_words_of_any_script_and_drops_operators():
    assert search_words("  철새 & birds:* | (bay)!  ") == ["철새", "birds", "bay"]
    assert search_words("'; DROP TABLE") == ["DROP", "TABLE"]
    assert search_words("") == []
    assert len(search_words(" ".join(["w"] * 20))) == 8


def test_search_finds_seosan_in_english_and_korean(seosan, gumi):
    assert filtered("q=birds") == [seosan]
    assert filtered("q=BIRDS") == [seosan]
    assert filtered("q=철새") == [seosan]
    assert filtered("q=천수만 철새") == [seosan]


def test_search_needs_every_word_but_each_may_be_in_another_field(seosan, gumi):
    # "Seosan" is in the government's name, "birds" in the title.
    assert filtered("q=Seosan birds") == [seosan]
    assert filtered("q=서산 철새") == [seosan]
    assert filtered("q=Seosan GIS") == []


def test_search_covers_the_parent_government_and_description(seosan, gumi):
    assert filtered("q=Chungcheongnam") == [seosan]
    assert filtered("q=충청남도") == [seosan]
    assert filtered("q=industrial") == [gumi]


def test_search_without_words_does_not_filter(seosan, gumi):
    assert ids(filtered("q=%26%26 !")) == {seosan.pk, gumi.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking by full-text search is PostgreSQL only")
def test_search_ranks_better_matches_first_on_postgresql(seosan, gumi):
    # Gumi mentions "Bird's" once, in its description; Seosan has "birds" in title and summary.
    assert filtered("q=bird") == [seosan, gumi]


def test_cycle_filter_takes_several_years():
    one, two, three = (
        CaseFactory(awarded=True, cycle=AwardCycleFactory(year=y, published=True)) for y in (2005, 2006, 2007)
    )
    assert ids(filtered("cycle=2005&cycle=2007")) == {one.pk, three.pk}
    assert filtered("cycle=2006") == [two]


def test_unknown_cycle_is_a_validation_error():
    filterset = CaseFilter(QueryDict("cycle=1999"), queryset=InnovationCase.objects.all())
    assert not filterset.is_valid()
    assert list(filterset.errors) == ["cycle"]


@pytest.mark.parametrize("year", ["-612347402180436164608", "99999999999", "0", "-5", "20x6"])
def test_a_cycle_that_cannot_be_a_year_is_a_validation_error_not_a_database_error(year):
    filterset = CaseFilter(QueryDict(f"cycle=2005&cycle={year}"), queryset=InnovationCase.objects.all())
    assert not filterset.is_valid()
    assert list(filterset.errors) == ["cycle"]


def test_api_answers_400_for_an_absurd_cycle(client):
    response = client.get("/api/v1/cases/", {"cycle": "-612347402180436164608"})
    assert response.status_code == 400
    assert list(response.json()["fields"]) == ["cycle"]


def test_tier_filter_takes_several_tiers():
    city = CaseFactory(awarded=True)
    district = CaseFactory(awarded=True, government=DistrictFactory())
    metropolis = CaseFactory(awarded=True, government=MetropolisFactory())
    assert ids(filtered("tier=metropolis&tier=district")) == {district.pk, metropolis.pk}
    assert filtered("tier=city") == [city]


def test_tier_filter_uses_the_snapshot_not_the_registry():
    case = CaseFactory(awarded=True)
    case.government.tier = "county"  # a later registry change does not rewrite the case
    case.government.save(update_fields=["tier"])
    assert filtered("tier=city") == [case]
    assert filtered("tier=county") == []


def test_government_and_region_filters():
    busan = MetropolisFactory(code="21")
    haeundae = CaseFactory(awarded=True, government=DistrictFactory(code="21090", parent=busan))
    busan_case = CaseFactory(awarded=True, government=busan)
    elsewhere = CaseFactory(awarded=True)
    assert filtered("government=21") == [busan_case]
    assert filtered("government=21090") == [haeundae]
    assert ids(filtered("region=21")) == {haeundae.pk, busan_case.pk}
    assert filtered(f"region={elsewhere.government.code}") == [elsewhere]


def test_purpose_ict_participation_and_state_filters():
    place = CaseFactory(
        awarded=True, purpose=PurposeFactory(code="place_marketing"), participation_level=ParticipationLevel.INVOLVE
    )
    ict = CaseFactory(awarded=True, uses_ict=True)
    draft = CaseFactory()
    assert filtered("purpose=place_marketing") == [place]
    assert filtered("ict=true") == [ict]
    assert ids(filtered("ict=false")) == {place.pk, draft.pk}
    assert filtered("participation=involve") == [place]
    assert ids(filtered("state=awarded")) == {place.pk, ict.pk}
    assert ids(filtered("state=draft&state=awarded")) == {place.pk, ict.pk, draft.pk}


def test_obstacle_and_remedy_filters_give_each_case_once():
    both = CaseFactory(
        awarded=True,
        obstacles=["lack_of_cooperation", "conflict_of_interest"],
        remedies=["induced_cooperation", "perseverance"],
    )
    other = CaseFactory(awarded=True, obstacles=["lack_of_resources"], remedies=["perseverance"])
    assert filtered("obstacle=conflict_of_interest") == [both]
    assert ids(filtered("remedy=perseverance")) == {both.pk, other.pk}
    assert filtered("obstacle=lack_of_cooperation&remedy=perseverance") == [both]
    assert filtered("q=Innovation&obstacle=conflict_of_interest&remedy=induced_cooperation") == [both]


def test_filters_combine_ict_cases_in_metropolitan_cities():
    metro_ict = CaseFactory(awarded=True, government=MetropolisFactory(), uses_ict=True)
    CaseFactory(awarded=True, government=MetropolisFactory(), uses_ict=False)
    CaseFactory(awarded=True, uses_ict=True)
    assert filtered("tier=metropolis&ict=true") == [metro_ict]


def test_filters_only_narrow_the_given_queryset():
    awarded = CaseFactory(awarded=True)
    CaseFactory(state=CaseState.DRAFT)
    public = InnovationCase.objects.filter(state=CaseState.AWARDED)
    assert filtered("state=draft", public) == []
    assert filtered("", public) == [awarded]


@pytest.mark.parametrize("text", ["_", "__init__", "ㄱ", "e-gov", "'", "\\", "a:*", "x" * 200, "١٢"])
def test_odd_search_text_never_breaks_the_query(seosan, text):
    assert filtered(f"q={quote(text)}") in ([], [seosan])  # no error on either engine; the words only narrow the list


@pytest.mark.parametrize("value", ["yes", "null", "2"])
def test_an_api_boolean_filter_that_is_not_true_or_false_is_a_400(client, value):
    for url in ("/api/v1/cases/", "/api/v1/governments/"):
        name = "ict" if "cases" in url else "is_active"
        response = client.get(url, {name: value})
        assert response.status_code == 400
        assert response.json()["fields"] == {name: ["Give true or false."]}


def test_boolean_filters_take_true_false_one_zero_and_empty(client):
    CaseFactory(awarded=True, uses_ict=True)
    CaseFactory(awarded=True, uses_ict=False)
    counts = {
        value: client.get("/api/v1/cases/", {"ict": value}).json()["count"] for value in ("true", "1", "False", "0", "")
    }
    assert counts == {"true": 1, "1": 1, "False": 1, "0": 1, "": 2}
