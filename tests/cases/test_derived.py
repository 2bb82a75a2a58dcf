"""Columns the database derives from a case, its cycle and its government (cases/derived.py):
kept right on insert, update, bulk paths and changes of the cycle or the registry, on both databases."""

import pytest
from django.db import connection

from cases.derived import install, recompute_all
from cases.models import CaseState, CycleState, InnovationCase
from core import dbcode
from governments.models import LocalGovernment
from tests.cases.factories import AwardCycleFactory, CaseFactory
from tests.governments.factories import CityFactory, MetropolisFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


def _fresh(case) -> InnovationCase:
    return InnovationCase.objects.get(pk=case.pk)


def test_sort_key_orders_as_newest_cycle_then_government_code_then_id():
    cycles = [AwardCycleFactory(year=year, published=True) for year in (2005, 2006, 2010)]
    governments = [CityFactory(code=code) for code in ("21", "11010", "11", "3", "110")]
    cases = [
        CaseFactory(awarded=True, cycle=cycle, government=government)
        for cycle in cycles
        for government in governments
        for _twice in range(2)
    ]
    expected = sorted(cases, key=lambda case: (-case.cycle.year, case.government.code, case.pk))
    assert list(InnovationCase.objects.order_by("sort_key")) == expected
    assert list(InnovationCase.objects.all()) == expected  # the model's default order


def test_public_flag_follows_the_case_and_its_cycle():
    cycle = AwardCycleFactory(year=2005, state=CycleState.DECIDING)
    case = CaseFactory(awarded=True, cycle=cycle)
    assert _fresh(case).is_public is False
    cycle.state = CycleState.PUBLISHED
    cycle.published_at = cycle.submission_closes
    cycle.save()
    assert _fresh(case).is_public is True
    InnovationCase.objects.filter(pk=case.pk).update(state=CaseState.NOT_AWARDED)
    assert _fresh(case).is_public is False


def test_a_stale_instance_saved_again_does_not_undo_the_derived_columns():
    cycle = AwardCycleFactory(year=2005, state=CycleState.DECIDING)
    case = CaseFactory(awarded=True, cycle=cycle)  # in memory: is_public False, cycle_year 0
    type(cycle).objects.filter(pk=cycle.pk).update(
        state=CycleState.PUBLISHED, published_at=cycle.submission_closes, year=2004
    )
    case.title = "Renamed"
    case.save()
    fresh = _fresh(case)
    assert (fresh.is_public, fresh.cycle_year, fresh.sort_key[:5]) == (True, 2004, f"{32767 - 2004:05d}")


def test_region_is_the_upper_level_government():
    province = ProvinceFactory(code="34")
    metropolis = MetropolisFactory(code="26")
    city = CaseFactory(government=CityFactory(parent=province))
    upper = CaseFactory(government=metropolis)
    assert _fresh(city).region_code == "34"
    assert _fresh(upper).region_code == "26"
    LocalGovernment.objects.filter(pk=province.pk).update(code="99")
    assert _fresh(city).region_code == "99"


def test_a_government_code_change_moves_its_cases_in_the_order():
    first, second = CityFactory(code="10"), CityFactory(code="20")
    cycle = AwardCycleFactory()
    a, b = CaseFactory(cycle=cycle, government=second), CaseFactory(cycle=cycle, government=first)
    assert list(InnovationCase.objects.all()) == [b, a]
    LocalGovernment.objects.filter(pk=first.pk).update(code="30")
    assert list(InnovationCase.objects.all()) == [a, b]


def test_bulk_created_cases_get_their_columns():
    cycle = AwardCycleFactory(year=2006, published=True)
    government = CityFactory()
    case = CaseFactory(awarded=True, cycle=cycle, government=government)
    InnovationCase.objects.bulk_create(
        [
            InnovationCase(
                cycle=cycle,
                government=government,
                state=CaseState.AWARDED,
                tier=government.tier,
                population=1,
                purpose=case.purpose,
                submitted_at=case.submitted_at,
            )
            for _ in range(3)
        ]
    )
    rows = InnovationCase.objects.values_list("is_public", "cycle_year", "region_code")
    assert set(rows) == {(True, 2006, government.parent.code)}


def test_migrate_reinstalls_triggers_that_went_missing():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP TRIGGER cases_case_derive ON cases_innovationcase")
        else:
            cursor.execute("DROP TRIGGER cases_case_derive_insert")
    case = CaseFactory()
    assert _fresh(case).sort_key == ""
    assert install() is True  # what migrate's post_migrate signal runs
    assert _fresh(case).sort_key != ""
    assert install() is False
    assert dbcode.ensure("cases.derived", ["SELECT 1"]) is True  # other code: installed again
    dbcode.forget("cases.derived")
    install()


def test_recomputing_every_case_goes_in_batches_and_repairs_each_one():
    cases = [CaseFactory() for _ in range(5)]
    right = {case.pk: _fresh(case).sort_key for case in cases}
    with connection.cursor() as cursor:
        # Wrong columns, as a restore without the triggers would leave them.
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
            cursor.execute("UPDATE cases_innovationcase SET sort_key = 'wrong'")
            cursor.execute("SET session_replication_role = DEFAULT")
        else:
            cursor.execute("DROP TRIGGER cases_case_derive_update")
            cursor.execute("UPDATE cases_innovationcase SET sort_key = 'wrong'")
    if connection.vendor == "postgresql":
        assert recompute_all(batch=2) == 3  # five consecutive ids: two, two and one
    else:
        assert install() is True  # the trigger was missing: put back, and every case recomputed
    assert {case.pk: _fresh(case).sort_key for case in cases} == right


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the search columns are kept on PostgreSQL")
def test_search_columns_cover_both_languages_and_the_government_and_follow_renames():
    province = ProvinceFactory(name="Chungcheongnam-do", name_local="충청남도")
    case = CaseFactory(
        government=CityFactory(name="Seosan-si", name_local="서산시", parent=province),
        title="Migratory Birds of Cheonsu Bay",
        title_local="천수만 철새",
        description="A café for bird watchers.",
    )
    fresh = _fresh(case)
    for word in ("migratory", "천수만", "철새", "seosan", "서산시", "충청남도", "cafe"):
        assert f"'{word}" in str(fresh.search_vector), word
    assert "birds of cheonsu bay" in fresh.search_document
    assert "cafe" not in fresh.search_document  # descriptions are matched by word, not inside words
    LocalGovernment.objects.filter(pk=province.pk).update(name="Renamed-do")
    assert "'renamed" in str(_fresh(case).search_vector)
    InnovationCase.objects.filter(pk=case.pk).update(title="Wetlands")
    assert "'wetlands':" in str(_fresh(case).search_vector)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite counts jargon live from the texts")
def test_jargon_flag_follows_the_texts_and_every_glossary_edit():
    from cases.jargon import glossary, uses_jargon
    from cases.models import JargonTerm

    def flagged() -> set[int]:
        return set(InnovationCase.objects.filter(uses_jargon=True).values_list("pk", flat=True))

    def matching() -> set[int]:
        condition = uses_jargon(glossary())
        found = InnovationCase.objects.filter(condition) if condition is not None else InnovationCase.objects.none()
        return set(found.values_list("pk", flat=True))

    term = JargonTerm.objects.create(code="bpr", name="BPR", name_local="업무재설계", order=1)
    english = CaseFactory(title="Our BPR (of permits)")
    korean = CaseFactory(summary_local="업무재설계를 통해")
    inside = CaseFactory(title="XBPRX")
    plain = CaseFactory(title="Plain")
    assert flagged() == matching() == {english.pk, korean.pk}
    plain.description = "a bpr."
    plain.save()
    InnovationCase.objects.filter(pk=korean.pk).update(summary_local="")
    assert flagged() == matching() == {english.pk, plain.pk}
    term.variants = "XBPRX\n  Plain  "
    term.save()
    assert flagged() == matching() == {english.pk, plain.pk, inside.pk}
    stale = _fresh(inside)
    JargonTerm.objects.filter(pk=term.pk).update(is_active=False)
    assert flagged() == matching() == set()
    stale.save()  # the old flag written back is recomputed
    assert flagged() == set()
    JargonTerm.objects.create(code="plan", name="C++ (plan)", name_local="", order=2)
    plain.title = "Our C++ (plan)"
    plain.save()
    assert flagged() == matching() == {plain.pk}
    # Spellings stripped and split as Python strips and splits them (an ideographic space, a vertical tab).
    odd = JargonTerm.objects.create(
        code="tv", name="Vivid", name_local="", variants="\u3000tv\u3000\x0bvv\r\nv v", order=3
    )
    tv, t, vv = CaseFactory(title="Our tv guide"), CaseFactory(title="A t b"), CaseFactory(title="vv x")
    assert set(odd.spellings()) == {"Vivid", "tv", "vv", "v v"}
    assert flagged() == matching() == {plain.pk, tv.pk, vv.pk}
    assert t.pk not in flagged()
    JargonTerm.objects.all().delete()
    assert flagged() == matching() == set()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite counts jargon live from the texts")
def test_a_glossary_edit_reads_the_cases_again_only_when_a_spelling_changed():
    from cases.models import JargonTerm

    def scans_of_cases() -> int:
        """Scans of the cases table in this transaction (matching a glossary reads every case:
        29 s at a million)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT seq_scan + COALESCE(idx_scan, 0) FROM pg_stat_xact_user_tables "
                "WHERE relname = 'cases_innovationcase'"
            )
            return cursor.fetchone()[0]

    def flagged() -> set[int]:
        return set(InnovationCase.objects.filter(uses_jargon=True).values_list("pk", flat=True))

    bpr = JargonTerm.objects.create(code="bpr", name="BPR", name_local="", order=1)
    JargonTerm.objects.create(code="reengineering", name="Re-engineering", name_local="", variants="BPR", order=2)
    both, tqm = CaseFactory(title="BPR and TQM"), CaseFactory(title="TQM")
    CaseFactory(title="Plain")
    assert flagged() == {both.pk}

    scans = scans_of_cases()
    bpr.description = "Business process re-engineering, as the study names it."
    bpr.order = 5
    bpr.save()
    JargonTerm.objects.create(code="inactive", name="TQM", name_local="", order=9, is_active=False)
    assert scans_of_cases() == scans  # no spelling changed: no case read

    bpr.variants = "TQM"
    bpr.save()
    assert scans_of_cases() == scans + 1
    assert flagged() == {both.pk, tqm.pk}
    JargonTerm.objects.filter(pk=bpr.pk).update(is_active=False)
    # Lost BPR and TQM; BPR is still another term's variant, so only tqm loses its flag.
    assert flagged() == {both.pk}
    JargonTerm.objects.filter(pk=bpr.pk).delete()  # an inactive term holds no spelling
    assert flagged() == {both.pk}
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE cases_jargonterm")
    assert flagged() == set()
