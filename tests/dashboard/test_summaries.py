"""The maintained summaries (database triggers) against a from-scratch rebuild and against the live
statistics, after random sequences of writes: single rows through the ORM, bulk inserts, bulk
updates and deletes, cycle, service area, outcome kind, text, glossary and registry changes (PostgreSQL, where the
summaries are kept)."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases import jargon
from cases.demo import load_taxonomies
from cases.models import (
    CaseObstacle,
    CaseRemedy,
    CaseState,
    CycleState,
    InnovationCase,
    JargonTerm,
    ObstacleType,
    Outcome,
    OutcomeKind,
    ParticipationLevel,
    Purpose,
    RemedyType,
    ServiceArea,
    Verification,
)
from dashboard.models import Summary
from dashboard.statistics import Scope, compute_statistics
from dashboard.summaries import maintained_rows, rebuild, scratch_rows, stale_jargon_flags
from governments.models import LocalGovernment
from practices.models import CitizenFeedback, FeltImprovement, ModerationState
from tests.cases.factories import AwardCycleFactory, CaseFactory
from tests.governments.factories import CityFactory, CountyFactory, DistrictFactory, MetropolisFactory, ProvinceFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the summaries are kept by PostgreSQL triggers"),
]

STATES = [state.value for state in CaseState]
YEARS = (2005, 2006, 2007)


@pytest.fixture
def world(db):
    load_taxonomies()
    cycles = [
        AwardCycleFactory(year=2005, published=True, closed=True),
        AwardCycleFactory(year=2006, published=True, closed=True),
        AwardCycleFactory(year=2007, state=CycleState.DECIDING, closed=True),
    ]
    province = ProvinceFactory(population=2_000_000)
    metropolis = MetropolisFactory(population=3_000_000)
    governments = [
        province,
        metropolis,
        CityFactory(parent=province, population=300_000),
        DistrictFactory(parent=metropolis, population=400_000),
        CountyFactory(parent=province, population=50_000),
    ]
    return {
        "cycles": cycles,
        "governments": governments,
        "purposes": list(Purpose.objects.all()),
        "obstacles": list(ObstacleType.objects.all()),
        "remedies": list(RemedyType.objects.all()),
        # None too: cases submitted before service areas existed have none.
        "areas": [*ServiceArea.objects.all(), None],
        # None too: outcomes recorded before kinds existed have none.
        "outcome_kinds": [*OutcomeKind.objects.all(), None],
    }


index = st.integers(min_value=0, max_value=1_000)
# Case texts with and without glossary terms (in either language, inside a Korean word, not inside an
# English one), and the spellings a glossary edit adds.
TEXTS = ("A plain title", "Our BPR of permits", "TQM!", "XBPRX is no term", "업무프로세스 재설계를 했다", "ZZ-9 plan")
SPELLINGS = ("ZZ-9", "plan", "Permits", "재설계", "TQM")
creates = st.tuples(st.just("create"), index, index, st.sampled_from(STATES), st.booleans(), index, index)
operations = st.one_of(
    creates,
    st.tuples(st.just("state"), index, st.sampled_from(STATES)),
    st.tuples(st.just("ict"), index),
    st.tuples(st.just("purpose"), index, index),
    st.tuples(st.just("snapshot"), index, st.integers(min_value=0, max_value=9_000_000)),
    st.tuples(st.just("move"), index, index),
    st.tuples(st.just("participation"), index, st.sampled_from(ParticipationLevel.values)),
    st.tuples(st.just("area"), index, index),
    st.tuples(st.just("areas_bulk"), index, index),
    st.tuples(st.just("delete"), index),
    st.tuples(st.just("text"), index, st.sampled_from(TEXTS), st.booleans()),
    st.tuples(st.just("glossary_variant"), index, st.sampled_from(SPELLINGS)),
    st.tuples(st.just("glossary_active"), index),
    st.tuples(st.just("glossary_delete"), index),
    st.tuples(st.just("glossary_create"), st.sampled_from(SPELLINGS)),
    st.tuples(st.just("stale_save"), index, st.sampled_from(SPELLINGS)),
    st.tuples(st.just("obstacle"), index, index),
    st.tuples(st.just("obstacle_change"), index, index),
    st.tuples(st.just("obstacle_delete"), index),
    st.tuples(st.just("remedy"), index, index),
    st.tuples(st.just("remedies_bulk"), index),
    st.tuples(st.just("outcome"), index, st.sampled_from(Verification.values), index),
    st.tuples(st.just("outcome_kind"), index, index),
    st.tuples(st.just("outcome_kinds_bulk"), index, index),
    st.tuples(st.just("outcomes_bulk"), index, index),
    st.tuples(st.just("verify"), index, st.sampled_from(Verification.values)),
    st.tuples(st.just("outcome_delete"), index),
    st.tuples(st.just("feedback"), index, st.sampled_from(FeltImprovement.values), st.booleans()),
    st.tuples(st.just("moderate"), index, st.sampled_from([ModerationState.APPROVED, ModerationState.REJECTED])),
    st.tuples(st.just("feedback_delete"), index),
    st.tuples(st.just("bulk_state"), index, st.sampled_from(STATES)),
    st.tuples(st.just("cycle_state"), index, st.sampled_from([CycleState.DECIDING, CycleState.PUBLISHED])),
    st.tuples(st.just("registry"), index, st.integers(min_value=0, max_value=9_000_000)),
    # A new code re-sorts the government's cases: the per-case answer counts carry their sort key.
    st.tuples(st.just("recode"), index, st.integers(min_value=0, max_value=9_999)),
)


def _new_term_code(prefix: str) -> str:
    """A code no term has (a count would repeat one after a delete)."""
    last = JargonTerm.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return f"{prefix}-{last + 1}"


def _pick(queryset, number):
    rows = list(queryset.order_by("pk"))
    return rows[number % len(rows)] if rows else None


def _apply(world, operation) -> None:
    kind, *args = operation
    cases = InnovationCase.objects.all()
    if kind == "create":
        government_index, cycle_index, state, uses_ict, purpose_index, number = args
        government = world["governments"][government_index % 5]
        CaseFactory(
            cycle=world["cycles"][cycle_index % 3],
            government=government,
            state=state,
            tier=government.tier,
            population=government.population + number,
            submitted_at=timezone.now(),
            uses_ict=uses_ict,
            purpose=world["purposes"][purpose_index % 2],
            participation_level=ParticipationLevel.values[number % 6],
            service_area=world["areas"][number % len(world["areas"])],
            title=TEXTS[number % len(TEXTS)],
            # Something of every kind hangs off it, so that later changes of the case move counts.
            obstacles=[world["obstacles"][number % 5].code],
            remedies=[world["remedies"][number % 4].code],
        )
        case = InnovationCase.objects.order_by("-pk").first()
        kinds = world["outcome_kinds"]
        verification, outcome_kind = Verification.values[number % 4], kinds[number % len(kinds)]
        Outcome.objects.create(case=case, indicator="Indicator", verification=verification, kind=outcome_kind)
        CitizenFeedback.objects.create(case=case, felt=FeltImprovement.values[number % 3], visitor=f"first-{case.pk}")
        return
    if kind == "glossary_create":
        JargonTerm.objects.create(code=_new_term_code("term"), name=args[0], name_local="", order=99)
        return
    if kind.startswith("glossary_"):
        term = _pick(JargonTerm.objects.all(), args[0])
        if term is None:
            return
        if kind == "glossary_variant":
            term.variants = f"{term.variants}\n {args[1]} "
            term.save()
        elif kind == "glossary_active":
            JargonTerm.objects.filter(pk=term.pk).update(is_active=not term.is_active)
        else:
            term.delete()
        return
    if kind == "recode":
        government = world["governments"][args[0] % 5]
        LocalGovernment.objects.filter(pk=government.pk).update(code=f"{args[0] % 5}-{args[1]}")
        return
    if kind in ("bulk_state", "cycle_state", "registry"):
        target = args[0]
        if kind == "bulk_state":
            InnovationCase.objects.filter(cycle=world["cycles"][target % 3]).update(state=args[1])
        elif kind == "cycle_state":
            cycle = world["cycles"][target % 3]
            cycle.state = args[1]
            cycle.published_at = timezone.now()
            cycle.save()
        else:
            LocalGovernment.objects.filter(pk=world["governments"][target % 5].pk).update(population=args[1])
        return
    case = _pick(cases, args[0])
    if case is None:
        return
    if kind == "state":
        case.state = args[1]
        case.save()
    elif kind == "ict":
        InnovationCase.objects.filter(pk=case.pk).update(uses_ict=not case.uses_ict)
    elif kind == "purpose":
        case.purpose = world["purposes"][args[1] % 2]
        case.save(update_fields=["purpose"])
    elif kind == "snapshot":
        case.population = args[1]
        case.save()
    elif kind == "move":
        case.cycle = world["cycles"][args[1] % 3]
        case.save()
    elif kind == "participation":
        case.participation_level = args[1]
        case.save()
    elif kind == "area":
        case.service_area = world["areas"][args[1] % len(world["areas"])]
        case.save(update_fields=["service_area"])
    elif kind == "areas_bulk":
        area = world["areas"][args[1] % len(world["areas"])]
        InnovationCase.objects.filter(cycle=case.cycle).update(service_area=area)
    elif kind == "delete":
        case.delete()
    elif kind == "text":
        if args[2]:
            case.summary_local = args[1]
            case.save()
        else:
            InnovationCase.objects.filter(cycle=case.cycle).update(description=args[1])
    elif kind == "stale_save":
        # The glossary changes under a loaded case, which is then saved with its old flag.
        JargonTerm.objects.create(code=_new_term_code("stale"), name=args[1], name_local="", order=99)
        case.save()
    elif kind == "obstacle":
        CaseObstacle.objects.get_or_create(case=case, obstacle_type=world["obstacles"][args[1] % 5])
    elif kind == "obstacle_change":
        obstacle = _pick(CaseObstacle.objects.filter(case=case), 0)
        taken = set(CaseObstacle.objects.filter(case=case).values_list("obstacle_type_id", flat=True))
        free = [t for t in world["obstacles"] if t.pk not in taken]
        if obstacle and free:
            obstacle.obstacle_type = free[args[1] % len(free)]
            obstacle.save()
    elif kind == "obstacle_delete":
        CaseObstacle.objects.filter(case=case).delete()
    elif kind == "remedy":
        CaseRemedy.objects.get_or_create(case=case, remedy_type=world["remedies"][args[1] % 4])
    elif kind == "remedies_bulk":
        CaseRemedy.objects.filter(case=case).delete()
        CaseRemedy.objects.bulk_create(CaseRemedy(case=case, remedy_type=remedy) for remedy in world["remedies"])
    elif kind == "outcome":
        outcome_kind = world["outcome_kinds"][args[2] % len(world["outcome_kinds"])]
        Outcome.objects.create(case=case, indicator="Indicator", verification=args[1], kind=outcome_kind)
    elif kind == "outcome_kind":
        outcome = _pick(Outcome.objects.filter(case=case), args[1])
        if outcome:
            outcome.kind = world["outcome_kinds"][args[1] % len(world["outcome_kinds"])]
            outcome.save()
    elif kind == "outcome_kinds_bulk":
        # Every outcome of the case's cycle to one kind: a case's several outcomes become one claim.
        outcome_kind = world["outcome_kinds"][args[1] % len(world["outcome_kinds"])]
        Outcome.objects.filter(case__cycle=case.cycle).update(kind=outcome_kind)
    elif kind == "outcomes_bulk":
        # Several outcomes of one statement, two of the same kind (the case still counts once for it).
        kinds = world["outcome_kinds"]
        Outcome.objects.bulk_create(
            Outcome(case=case, indicator="Indicator", kind=kinds[(args[1] + step // 2) % len(kinds)])
            for step in range(4)
        )
    elif kind == "verify":
        Outcome.objects.filter(case=case).update(verification=args[1])
    elif kind == "outcome_delete":
        outcome = _pick(Outcome.objects.filter(case=case), 0)
        if outcome:
            outcome.delete()
    elif kind == "feedback":
        felt, commented = args[1], args[2]
        CitizenFeedback.objects.create(
            case=case,
            felt=felt,
            comment="A comment" if commented else "",
            moderation=ModerationState.PENDING if commented else ModerationState.NONE,
            visitor=f"visitor-{CitizenFeedback.objects.count()}",
        )
    elif kind == "moderate":
        CitizenFeedback.objects.filter(case=case).exclude(moderation=ModerationState.NONE).update(moderation=args[1])
    elif kind == "feedback_delete":
        feedback = _pick(CitizenFeedback.objects.filter(case=case), 0)
        if feedback:
            feedback.delete()


def _flagged() -> set[int]:
    return set(InnovationCase.objects.filter(uses_jargon=True).values_list("pk", flat=True))


def _using_jargon() -> set[int]:
    """The cases whose texts use a term, as the live statistics find them."""
    condition = jargon.uses_jargon(jargon.glossary())
    if condition is None:
        return set()
    return set(InnovationCase.objects.filter(condition).values_list("pk", flat=True))


def _statistics(**kwargs):
    return [
        compute_statistics(scope=scope, cycles=years, include_award_rate=True, **kwargs)
        for scope, years in ((Scope.AWARDED, YEARS[:2]), (Scope.SUBMITTED, YEARS), (Scope.SUBMITTED, YEARS[2:]))
    ]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cases=st.lists(creates, min_size=1, max_size=4), writes=st.lists(operations, min_size=1, max_size=25))
def test_summaries_equal_a_rebuild_and_the_live_statistics_after_any_writes(world, cases, writes):
    with transaction.atomic():
        for operation in [*cases, *writes]:
            _apply(world, operation)
            assert maintained_rows() == scratch_rows(), operation
            assert _flagged() == _using_jargon(), operation
        assert _statistics() == _statistics(live=True)
        transaction.set_rollback(True)


def test_rebuild_recomputes_summaries_that_went_wrong(world):
    case = CaseFactory(awarded=True, cycle=world["cycles"][0], government=world["governments"][2])
    CitizenFeedback.objects.create(case=case, felt="yes", visitor="v")
    expected = scratch_rows()
    assert maintained_rows() == expected
    Summary.objects.update(n=99)
    assert maintained_rows() != expected
    call_command("rebuild_statistics", verbosity=0)
    assert maintained_rows() == expected
    assert rebuild() == (len(expected[0]), len(expected[1]))


def test_rebuild_recomputes_jargon_flags_that_went_stale(world):
    case = CaseFactory(awarded=True, cycle=world["cycles"][0], title="Our BPR of permits")
    assert InnovationCase.objects.get(pk=case.pk).uses_jargon is True
    call_command("rebuild_statistics", "--check", verbosity=0)
    with connection.cursor() as cursor:
        # As a restore without the triggers would leave it.
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("UPDATE cases_innovationcase SET uses_jargon = false WHERE id = %s", [case.pk])
        cursor.execute("SET session_replication_role = DEFAULT")
    assert stale_jargon_flags() == 1
    with pytest.raises(CommandError):
        call_command("rebuild_statistics", "--check", verbosity=0)
    call_command("rebuild_statistics", verbosity=0)
    assert stale_jargon_flags() == 0
    assert InnovationCase.objects.get(pk=case.pk).uses_jargon is True
    assert maintained_rows() == scratch_rows()
    call_command("rebuild_statistics", "--check", verbosity=0)
