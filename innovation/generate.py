"""Synthetic cases in bulk, for benchmarks (``python manage.py generate_cases --count N``).

Realistic enough that the statistics, lists and searches do real work: ten published cycles and
the open one, governments drawn from the registry (so its tier mix and populations), upper tiers
awarded more often (as the study found), 1-3 obstacles, remedies and outcomes per case,
participants, one submitted review with its scores and verifications and the decision for every
decided case, and citizen answers on a share of the awarded ones. The texts mix a few hundred
English and Korean words, so that a search has both rare words (``groundwater``, in about one case
in a thousand) and a word in nearly every case (``synthetic``).

On PostgreSQL rows go in with ``COPY`` in batches of 5,000 cases (one transaction each), so the
database's triggers (derived columns, statistics summaries, revision) run once per batch and table,
by as many worker processes as asked (``--workers``, one database connection each: the triggers'
work is most of the time, and one connection uses one core); on SQLite with ``bulk_create``. Each
batch draws its cases from its own random generator (the seed and the batch's first case number),
so a seed gives the same cases whatever the number of workers (their ids may interleave). The run
ends with ``VACUUM ANALYZE``."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import queue
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import connection, connections, models, transaction
from django.utils import timezone

from accounts.models import Role, User
from cases import derived
from cases.models import (
    AwardCycle,
    AwardLevel,
    CaseObstacle,
    CaseRemedy,
    CaseState,
    CycleState,
    InnovationCase,
    ObstacleType,
    Outcome,
    ParticipantKind,
    ParticipationLevel,
    Purpose,
    RemedyType,
    Verification,
)
from governments.models import LocalGovernment, Tier
from practices.models import CitizenFeedback, FeltImprovement, ModerationState
from reviews.models import (
    AwardDecision,
    Criterion,
    CriterionScore,
    OutcomeVerification,
    Recommendation,
    Review,
    ReviewAssignment,
    ReviewState,
)

BATCH = 5_000
REBUILD_INDEXES_FROM = 20_000
FIRST_YEAR = 2010
PUBLISHED_CYCLES = 10
OPEN_YEAR = FIRST_YEAR + PUBLISHED_CYCLES
# Of the cases of a published cycle: the chance to be awarded, by tier (upper tiers win more often).
AWARD_CHANCE = {Tier.PROVINCE: 0.6, Tier.METROPOLIS: 0.6, Tier.CITY: 0.4, Tier.DISTRICT: 0.3, Tier.COUNTY: 0.3}
OPEN_SHARE = 0.05  # of all cases: in the open cycle, as drafts or submissions
FEEDBACK_SHARE = 0.3  # of awarded cases: with 1-5 citizen answers
RARE_WORD, RARE_SHARE = "groundwater", 0.001
COMMON_WORD = "synthetic"
WORDS = [
    "service",
    "citizens",
    "online",
    "portal",
    "records",
    "permits",
    "waste",
    "water",
    "transport",
    "bus",
    "parking",
    "health",
    "care",
    "elderly",
    "children",
    "school",
    "library",
    "culture",
    "tourism",
    "festival",
    "market",
    "farmers",
    "fishery",
    "forest",
    "river",
    "coast",
    "bay",
    "birds",
    "energy",
    "solar",
    "housing",
    "safety",
    "fire",
    "police",
    "disaster",
    "map",
    "data",
    "open",
    "platform",
    "mobile",
    "app",
    "kiosk",
    "office",
    "one-stop",
    "window",
    "counseling",
    "volunteers",
    "youth",
    "jobs",
    "startup",
    "factory",
    "industrial",
    "land",
    "village",
    "road",
    "bridge",
    "recycling",
    "food",
    "welfare",
    "disability",
    "women",
    "migrants",
    "education",
    "sports",
    "museum",
    "heritage",
    "park",
    "garden",
]
KOREAN_WORDS = [
    "민원",
    "주민",
    "온라인",
    "행정",
    "복지",
    "교통",
    "주차",
    "보건",
    "노인",
    "아동",
    "학교",
    "도서관",
    "문화",
    "관광",
    "축제",
    "시장",
    "농민",
    "어업",
    "산림",
    "하천",
    "해안",
    "철새",
    "에너지",
    "주택",
    "안전",
    "재난",
    "지도",
    "정보",
    "모바일",
    "상담",
    "자원봉사",
    "청년",
    "일자리",
    "창업",
    "공장",
    "마을",
    "도로",
    "재활용",
    "음식",
    "교육",
    "체육",
    "박물관",
    "공원",
    "정원",
]


@dataclass
class Context:
    seed: int
    governments: list[tuple[int, str, int]]
    purposes: list[int]
    obstacles: list[int]
    remedies: list[int]
    participants: list[int]
    cycles: list[AwardCycle]
    open_cycle: AwardCycle
    levels: dict[int, list[int]]
    criteria: dict[int, list[int]]
    reviewer_id: int
    manager_id: int
    now: dt.datetime


def _cycle(year: int, state: str, now: dt.datetime) -> AwardCycle:
    opens = dt.datetime(year, 3, 1, tzinfo=dt.UTC)
    published = state == CycleState.PUBLISHED
    cycle, _created = AwardCycle.objects.get_or_create(
        year=year,
        defaults={
            "title": f"{year} Local Government Innovation Awards (synthetic)",
            "title_local": f"{year}년 지방자치단체 혁신상 (합성)",
            "submission_opens": opens if published else now - dt.timedelta(days=10),
            "submission_closes": opens + dt.timedelta(days=60) if published else now + dt.timedelta(days=60),
            "review_deadline": (opens + dt.timedelta(days=120)).date()
            if published
            else (now + dt.timedelta(90)).date(),
            "state": state,
            "published_at": opens + dt.timedelta(days=200) if published else None,
        },
    )
    for rank, (code, name, name_local) in enumerate(
        [("grand", "Grand prize", "대상"), ("excellence", "Excellence", "최우수상"), ("merit", "Merit", "우수상")],
        start=1,
    ):
        AwardLevel.objects.get_or_create(
            cycle=cycle, code=code, defaults={"name": name, "name_local": name_local, "rank": rank, "quota": 32767}
        )
    for order, (code, name, name_local, weight) in enumerate(
        [
            ("originality", "Originality", "독창성", "0.30"),
            ("effect", "Effect on citizens", "주민 체감 효과", "0.40"),
            ("spread", "Can spread to others", "확산 가능성", "0.30"),
        ]
    ):
        Criterion.objects.get_or_create(
            cycle=cycle, code=code, defaults={"name": name, "name_local": name_local, "weight": weight, "order": order}
        )
    return cycle


def _user(username: str, role: str) -> int:
    found = User.objects.filter(role=role).order_by("id").values_list("id", flat=True).first()
    if found:
        return found
    return User.objects.create_user(username=username, role=role, password=None).pk


def prepare(seed: int) -> Context:
    governments = list(LocalGovernment.objects.filter(is_active=True).values_list("id", "tier", "population"))
    purposes = list(Purpose.objects.values_list("id", flat=True))
    obstacles = list(ObstacleType.objects.values_list("id", flat=True))
    remedies = list(RemedyType.objects.values_list("id", flat=True))
    if not (governments and purposes and obstacles and remedies):
        raise RuntimeError("Load the registry and taxonomies first: python manage.py load_demo")
    now = timezone.now()
    with transaction.atomic():
        cycles = [_cycle(FIRST_YEAR + offset, CycleState.PUBLISHED, now) for offset in range(PUBLISHED_CYCLES)]
        open_cycle = _cycle(OPEN_YEAR, CycleState.OPEN, now)
        reviewer_id = _user("bench-reviewer", Role.REVIEWER)
        manager_id = _user("bench-manager", Role.MANAGER)
    return Context(
        seed=seed,
        governments=governments,
        purposes=purposes,
        obstacles=obstacles,
        remedies=remedies,
        participants=list(ParticipantKind.objects.values_list("id", flat=True)),
        cycles=cycles,
        open_cycle=open_cycle,
        levels={c.pk: list(c.award_levels.order_by("rank").values_list("id", flat=True)) for c in cycles},
        criteria={c.pk: list(Criterion.objects.filter(cycle=c).values_list("id", flat=True)) for c in cycles},
        reviewer_id=reviewer_id,
        manager_id=manager_id,
        now=now,
    )


def _text(rng: random.Random, words: Sequence[str], count: int) -> str:
    return " ".join(rng.choice(words) for _ in range(count))


# --- rows -------------------------------------------------------------------------------------


class Rows:
    """Rows of one batch, per model, as dicts of column values (ids reserved up front)."""

    def __init__(self) -> None:
        self.by_model: dict[type[models.Model], list[dict]] = {}

    def add(self, model: type[models.Model], **values) -> None:
        self.by_model.setdefault(model, []).append(values)


def build_batch(ctx: Context, ids: Callable[[type[models.Model], int], list[int]], size: int, start: int) -> Rows:
    rng, now = random.Random(f"{ctx.seed}:{start}"), ctx.now
    rows = Rows()
    case_ids = ids(InnovationCase, size)
    plans = []
    for number, case_id in zip(range(start, start + size), case_ids, strict=True):
        government_id, tier, population = rng.choice(ctx.governments)
        if rng.random() < OPEN_SHARE:
            cycle = ctx.open_cycle
            state = CaseState.DRAFT if rng.random() < 0.5 else CaseState.SUBMITTED
        else:
            cycle = rng.choice(ctx.cycles)
            state = CaseState.AWARDED if rng.random() < AWARD_CHANCE[tier] else CaseState.NOT_AWARDED
        uses_ict = rng.random() < 0.67
        topic = _text(rng, WORDS, 3)
        summary = f"A {COMMON_WORD} case: {_text(rng, WORDS, 12)}."
        if rng.random() < RARE_SHARE:
            summary += f" It protects the {RARE_WORD}."
        submitted = state != CaseState.DRAFT
        rows.add(
            InnovationCase,
            id=case_id,
            cycle_id=cycle.pk,
            government_id=government_id,
            title=f"{topic.capitalize()} ({number})",
            title_local=f"{_text(rng, KOREAN_WORDS, 3)} 사례 {number}",
            summary=summary,
            summary_local=f"합성 사례: {_text(rng, KOREAN_WORDS, 10)}.",
            description=_text(rng, WORDS, 30),
            description_local=_text(rng, KOREAN_WORDS, 20),
            purpose_id=rng.choice(ctx.purposes),
            uses_ict=uses_ict,
            ict_description="A web portal and a mobile app." if uses_ict else "",
            tier=tier if submitted else "",
            population=max(0, round(population * rng.uniform(0.95, 1.05))) if submitted else None,
            participation_level=rng.choice(ParticipationLevel.values),
            state=state,
            is_illustrative=True,
            created_at=now,
            updated_at=now,
            submitted_at=now if submitted else None,
        )
        plans.append((case_id, cycle, state))
        for kind_id in rng.sample(ctx.participants, rng.randint(0, min(2, len(ctx.participants)))):
            rows.add(InnovationCase.participant_kinds.through, innovationcase_id=case_id, participantkind_id=kind_id)
        for obstacle in rng.sample(ctx.obstacles, rng.randint(1, 3)):
            rows.add(CaseObstacle, case_id=case_id, obstacle_type_id=obstacle, description=_text(rng, WORDS, 8))
        for remedy in rng.sample(ctx.remedies, rng.randint(1, 3)):
            rows.add(CaseRemedy, case_id=case_id, remedy_type_id=remedy, description=_text(rng, WORDS, 8))
    outcome_count = {case_id: rng.randint(1, 3) for case_id, _cycle, _state in plans}
    outcome_ids = iter(ids(Outcome, sum(outcome_count.values())))
    decided = [(case_id, cycle, state) for case_id, cycle, state in plans if cycle is not ctx.open_cycle]
    assignment_ids = iter(ids(ReviewAssignment, len(decided)))
    review_ids = iter(ids(Review, len(decided)))
    outcomes_of: dict[int, list[int]] = {}
    for case_id, cycle, _state in plans:
        decided_case = cycle is not ctx.open_cycle
        for order in range(outcome_count[case_id]):
            outcome_id = next(outcome_ids)
            outcomes_of.setdefault(case_id, []).append(outcome_id)
            baseline = rng.randint(10, 100)
            rows.add(
                Outcome,
                id=outcome_id,
                case_id=case_id,
                indicator=f"{rng.choice(WORDS).capitalize()} processing time",
                indicator_local="처리 시간",
                unit="days",
                baseline=baseline,
                result=rng.randint(1, baseline),
                evidence="Annual report.",
                verification=rng.choice(
                    [Verification.VERIFIED, Verification.VERIFIED, Verification.PARTLY, Verification.NOT_VERIFIED]
                )
                if decided_case
                else Verification.PENDING,
                order=order,
            )
    for case_id, cycle, state in decided:
        assignment_id, review_id = next(assignment_ids), next(review_ids)
        decided_at = cycle.submission_closes + dt.timedelta(days=90)
        rows.add(
            ReviewAssignment,
            id=assignment_id,
            case_id=case_id,
            reviewer_id=ctx.reviewer_id,
            due_on=cycle.review_deadline,
            assigned_by_id=ctx.manager_id,
            assigned_at=decided_at,
        )
        scores = [rng.randint(1, 5) for _criterion in ctx.criteria[cycle.pk]]
        rows.add(
            Review,
            id=review_id,
            assignment_id=assignment_id,
            state=ReviewState.SUBMITTED,
            comment_to_submitter="Clear outcomes; keep the data open.",
            recommendation=Recommendation.values[0] if state == CaseState.AWARDED else Recommendation.values[-1],
            declared_no_conflict=True,
            weighted_score=round(sum(scores) / len(scores), 4),
            created_at=decided_at,
            updated_at=decided_at,
            submitted_at=decided_at,
        )
        for criterion_id, score in zip(ctx.criteria[cycle.pk], scores, strict=True):
            rows.add(CriterionScore, review_id=review_id, criterion_id=criterion_id, score=score)
        for outcome_id in outcomes_of[case_id]:
            rows.add(OutcomeVerification, review_id=review_id, outcome_id=outcome_id, status=Verification.VERIFIED)
        rows.add(
            AwardDecision,
            case_id=case_id,
            level_id=rng.choice(ctx.levels[cycle.pk]) if state == CaseState.AWARDED else None,
            rationale="Decided by the committee on the reviews.",
            decided_by_id=ctx.manager_id,
            decided_at=decided_at,
        )
        if state == CaseState.AWARDED and rng.random() < FEEDBACK_SHARE:
            for visitor in range(rng.randint(1, 5)):
                commented = rng.random() < 0.2
                rows.add(
                    CitizenFeedback,
                    case_id=case_id,
                    felt=rng.choice(FeltImprovement.values),
                    comment="It is faster now." if commented else "",
                    moderation=rng.choice([ModerationState.APPROVED, ModerationState.PENDING, ModerationState.REJECTED])
                    if commented
                    else ModerationState.NONE,
                    visitor=f"bench-{case_id}-{visitor}",
                    created_at=now,
                )
    return rows


# --- writing ----------------------------------------------------------------------------------


def _columns(model: type[models.Model]) -> list[models.Field]:
    return list(model._meta.concrete_fields)


def _defaults(model: type[models.Model]) -> dict[str, object]:
    """Column values of fields a row leaves out (derived columns: the triggers overwrite them)."""
    values = {}
    for field in _columns(model):
        if field.has_default():
            values[field.attname] = field.get_default()
        elif field.null:
            values[field.attname] = None
        elif isinstance(field, models.CharField | models.TextField):
            values[field.attname] = ""
    return values


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` ids from the table's sequence (PostgreSQL), so that children can point at them."""
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, count])
        return [row[0] for row in cursor.fetchall()]


def copy_rows(model: type[models.Model], rows: list[dict]) -> None:
    if not rows:
        return
    fields = [field for field in _columns(model) if not (field.primary_key and field.attname not in rows[0])]
    defaults = _defaults(model)
    names = [field.attname for field in fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] if name in row else defaults[name] for name in names])


def create_rows(model: type[models.Model], rows: list[dict]) -> None:
    model.objects.bulk_create([model(**row) for row in rows], batch_size=500)


# Parents before children.
ORDER = (
    InnovationCase,
    InnovationCase.participant_kinds.through,
    CaseObstacle,
    CaseRemedy,
    Outcome,
    ReviewAssignment,
    Review,
    CriterionScore,
    OutcomeVerification,
    AwardDecision,
    CitizenFeedback,
)


def write(rows: Rows) -> int:
    written = 0
    for model in ORDER:
        batch = rows.by_model.get(model, [])
        if connection.vendor == "postgresql":
            copy_rows(model, batch)
        else:
            create_rows(model, batch)
        written += len(batch)
    return written


def generate(
    count: int,
    *,
    seed: int = 2006,
    progress: Callable[[int, int, float], None] | None = None,
    workers: int = 1,
    batch: int = BATCH,
) -> int:
    """Add ``count`` synthetic cases with everything that hangs off them; returns the rows written.
    ``workers`` > 1 writes batches in that many processes (PostgreSQL, outside a transaction)."""
    ctx = prepare(seed)
    if connection.vendor == "postgresql":
        ids = reserve_ids
    else:
        counters: dict[type[models.Model], int] = {}

        def ids(model, n):
            start = counters.get(model) or (model.objects.aggregate(top=models.Max("id"))["top"] or 0) + 1
            counters[model] = start + n
            return list(range(start, start + n))

    first = InnovationCase.objects.count()
    batches = [(first + offset, min(batch, count - offset)) for offset in range(0, count, batch)]
    parallel = workers > 1 and len(batches) > 1 and connection.vendor == "postgresql" and not connection.in_atomic_block
    # Building the search indexes once at the end is several times faster than adding to them row by row.
    rebuild_indexes = connection.vendor == "postgresql" and count >= REBUILD_INDEXES_FROM
    if rebuild_indexes:
        with connection.cursor() as cursor:
            for name in derived.SEARCH_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
    started = time.perf_counter()
    try:
        if parallel:
            written = _in_parallel(ctx, batches, workers, progress, started)
        else:
            written = done = 0
            for start, size in batches:
                with transaction.atomic():
                    written += write(build_batch(ctx, ids, size, start))
                done += size
                if progress:
                    progress(done, count, time.perf_counter() - started)
    finally:
        if rebuild_indexes:
            with connection.cursor() as cursor:
                cursor.execute("SET maintenance_work_mem = '256MB'")
                for statement in derived.search_indexes(derived.extensions(connection)):
                    cursor.execute(statement)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Fresh planner statistics and visibility maps (index-only scans), as autovacuum would
            # give a production database after a while.
            # VACUUM cannot run inside a transaction (the tests'): there, ANALYZE alone.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return written


# Connections a worker found open when it was forked: the parent's sockets. Kept referenced (never
# closed, never finalized: either would end the parent's session on the server) and never used.
_INHERITED: list = []


def _forget_inherited_connections() -> None:
    for alias in connections:
        wrapper = connections[alias]
        if wrapper.connection is not None:
            _INHERITED.append(wrapper.connection)
            wrapper.connection = None
            wrapper.closed_in_transaction = False


def _write_batches(ctx: Context, batches: list[tuple[int, int]], results) -> None:
    """A worker process: its batches, one transaction each, reporting each to the parent."""
    _forget_inherited_connections()
    try:
        for start, size in batches:
            with transaction.atomic():
                results.put(("done", size, write(build_batch(ctx, reserve_ids, size, start))))
    except BaseException as error:
        results.put(("failed", f"{type(error).__name__}: {error}", 0))
        raise
    finally:
        connections.close_all()


def _in_parallel(ctx: Context, batches, workers: int, progress, started: float) -> int:
    # A forked copy of an open connection would be shared by parent and child: each opens its own.
    connections.close_all()
    fork = multiprocessing.get_context("fork")
    results = fork.Queue()
    processes = [fork.Process(target=_write_batches, args=(ctx, batches[n::workers], results)) for n in range(workers)]
    for process in processes:
        process.start()
    total = sum(size for _start, size in batches)
    done = written = 0
    try:
        while done < total:
            try:
                kind, size, rows = results.get(timeout=1)
            except queue.Empty:
                if not any(process.is_alive() for process in processes):
                    raise RuntimeError("The generator's workers stopped before writing every batch.") from None
                continue
            if kind == "failed":
                raise RuntimeError(f"A generator worker failed: {size}")
            done, written = done + size, written + rows
            if progress:
                progress(done, total, time.perf_counter() - started)
    finally:
        for process in processes:
            if process.is_alive() and done < total:
                process.terminate()
            process.join()
    return written


def progress_bar(stream=sys.stderr, width: int = 30) -> Callable[[int, int, float], None]:
    def show(done: int, total: int, seconds: float) -> None:
        filled = width * done // total
        rate = done / seconds if seconds else 0
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} cases, {rate:,.0f}/s ")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show
