"""The 42 awarded demo cases aggregate to every figure the study prints (Tables 1-4)."""

import re
from collections import Counter

import pytest
from django.db.models import Count, Sum

from cases.models import CaseObstacle, CaseRemedy, CaseState, CycleState, InnovationCase
from core.numbers import average
from reviews.models import AwardDecision

pytestmark = pytest.mark.django_db

TIER_CASES = {
    "province": (6, 3_603_424),
    "metropolis": (9, 2_246_095),
    "city": (10, 434_712),
    "district": (7, 370_638),
    "county": (10, 60_894),
}
PURPOSE_BY_ICT = {
    ("place_marketing", False): 4,
    ("place_marketing", True): 4,
    ("service_improvement", False): 10,
    ("service_improvement", True): 24,
}
OBSTACLES_BY_ICT = {
    "lack_of_resources": (1, 9),
    "lack_of_cooperation": (5, 9),
    "legal_constraint": (1, 6),
    "conflict_of_interest": (10, 13),
    "lack_of_expertise": (2, 12),
}
REMEDIES_BY_ICT = {
    "institutional_provision": (3, 5),
    "revised_project": (1, 4),
    "induced_cooperation": (14, 22),
    "perseverance": (2, 12),
}


@pytest.fixture
def awarded(demo_data):
    return InnovationCase.objects.filter(state=CaseState.AWARDED, cycle__state=CycleState.PUBLISHED)


def test_there_are_42_awarded_cases_across_2005_and_2006(awarded):
    assert dict(Counter(awarded.values_list("cycle__year", flat=True))) == {2005: 21, 2006: 21}


def test_tiers_and_average_populations_match_table_1(awarded):
    rows = {r["tier"]: r for r in awarded.values("tier").annotate(n=Count("id"), total=Sum("population"))}
    assert {tier: (r["n"], average(r["total"], r["n"])) for tier, r in rows.items()} == TIER_CASES
    total = awarded.aggregate(n=Count("id"), total=Sum("population"))
    assert (total["n"], average(total["total"], total["n"])) == (42, 1_175_855)


def test_purpose_by_ict_matches_table_2(awarded):
    counts = Counter(awarded.values_list("purpose__code", "uses_ict"))
    assert dict(counts) == PURPOSE_BY_ICT


def test_obstacles_by_ict_match_table_3_and_every_case_has_one(awarded):
    counts = Counter(CaseObstacle.objects.filter(case__in=awarded).values_list("obstacle_type__code", "case__uses_ict"))
    assert {code: (counts[(code, False)], counts[(code, True)]) for code in OBSTACLES_BY_ICT} == OBSTACLES_BY_ICT
    assert sum(counts.values()) == 68
    assert not awarded.filter(obstacles__isnull=True).exists()


def test_remedies_by_ict_match_table_4(awarded):
    counts = Counter(CaseRemedy.objects.filter(case__in=awarded).values_list("remedy_type__code", "case__uses_ict"))
    assert {code: (counts[(code, False)], counts[(code, True)]) for code in REMEDIES_BY_ICT} == REMEDIES_BY_ICT
    assert sum(counts.values()) == 63


def test_gumi_and_seosan_are_the_named_cases_of_the_study(awarded):
    named = awarded.filter(is_illustrative=False).select_related("government", "purpose")
    assert sorted((c.government.name, c.purpose.code, c.uses_ict) for c in named) == [
        ("Gumi-si", "place_marketing", True),
        ("Seosan-si", "place_marketing", False),
    ]
    assert awarded.filter(is_illustrative=True).count() == 40


def test_demo_has_drafts_and_submissions_in_the_open_2007_cycle(demo_data):
    states = Counter(InnovationCase.objects.filter(cycle__year=2007).values_list("state", flat=True))
    assert states[CaseState.DRAFT] >= 1 and states[CaseState.SUBMITTED] >= 1
    assert InnovationCase.objects.filter(cycle__year=2007, government__name="Gumi-si", state=CaseState.DRAFT).exists()
    assert InnovationCase.objects.filter(cycle__year=2007, government__name="Seosan-si").exists()


def test_load_demo_twice_creates_no_duplicate_cases(demo_data):
    from django.core.management import call_command

    before = InnovationCase.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert InnovationCase.objects.count() == before


HANGUL = re.compile("[\uac00-\ud7a3]")


def test_every_demo_case_has_every_text_in_korean_and_in_english(demo_data):
    cases = InnovationCase.objects.prefetch_related("obstacles", "remedies", "outcomes")
    assert cases.count() == 64
    for case in cases:
        pairs = [
            (case.title, case.title_local),
            (case.summary, case.summary_local),
            (case.description, case.description_local),
            (case.champion, case.champion_local),
        ]
        if case.uses_ict:
            pairs.append((case.ict_description, case.ict_description_local))
        pairs += [(row.description, row.description_local) for row in [*case.obstacles.all(), *case.remedies.all()]]
        for outcome in case.outcomes.all():
            pairs += [
                (outcome.indicator, outcome.indicator_local),
                (outcome.unit, outcome.unit_local),
                (outcome.evidence, outcome.evidence_local),
            ]
        for english, korean in pairs:
            assert english and korean, (case.title, english, korean)
            assert not HANGUL.search(english), english
            # Korean is written in Hangul (units such as "%", "m" or "km/h" are the same in both).
            assert HANGUL.search(korean) or korean == english, korean


def test_every_demo_decision_has_its_rationale_in_both_languages(demo_data):
    decisions = AwardDecision.objects.all()
    assert decisions.count() == 56
    assert all(decision.rationale and HANGUL.search(decision.rationale_local) for decision in decisions)
