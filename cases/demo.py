"""Demo data for the cases app: taxonomies, the 2005–2007 cycles and the cases of
``cases/demo/cases.json`` (42 awarded cases reproducing the study's Tables 1–4, not-awarded
submissions, and 2007 drafts and submissions). Idempotent: cases are keyed by cycle, government
and English title.

The 2005 and 2006 cases are loaded as submitted, in cycles being reviewed: ``reviews.demo`` then
reviews, decides and publishes them through the review services (``demo_decisions`` says how
each was decided). Their submission is written here directly, with the snapshot of the study's
populations (which ``submit_case`` would take from today's registry) on the historical date."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from accounts.models import Role, User
from governments.models import LocalGovernment

from .models import (
    AwardCycle,
    AwardLevel,
    CaseEvent,
    CaseObstacle,
    CaseRemedy,
    CaseState,
    CycleState,
    InnovationCase,
    JargonTerm,
    ObstacleType,
    Outcome,
    OutcomeKind,
    ParticipantKind,
    Purpose,
    RemedyType,
    ServiceArea,
    Verification,
)

DEMO_CASES_JSON = Path(__file__).resolve().parent / "demo" / "cases.json"
# By case key: its service area, the kind of each outcome (in order) and, for a few, a sentence of
# management jargon added to the description (the study: "used profusely without substantiation").
DEMO_BEYOND_JSON = Path(__file__).resolve().parent / "demo" / "beyond.json"

# code, English name, Korean name, English description
PURPOSES = [
    (
        "place_marketing",
        "Place marketing",
        "지역 마케팅",
        "Boosting the local economy: attracting business, tourism, local products.",
    ),
    ("service_improvement", "Service improvement", "서비스 개선", "Better, faster or cheaper public services."),
]
OBSTACLE_TYPES = [
    ("lack_of_resources", "Lack of resources", "자원 부족", "Insufficient budget, staff or other resources."),
    (
        "lack_of_cooperation",
        "Lack of cooperation",
        "협조 부족",
        "Other departments, agencies or citizens did not cooperate.",
    ),
    ("legal_constraint", "Legal constraint", "법적 제약", "Institutional or legal rules stood in the way."),
    ("conflict_of_interest", "Conflict of interest", "이해 충돌", "Groups with conflicting interests resisted."),
    ("lack_of_expertise", "Lack of expertise", "전문성 부족", "Missing expertise or technical knowledge."),
]
REMEDY_TYPES = [
    (
        "institutional_provision",
        "Institutional or legal provision",
        "제도·법적 정비",
        "New or amended ordinances, rules or institutions.",
    ),
    ("revised_project", "Revised project", "사업 수정", "The project was redesigned to get around the obstacle."),
    ("induced_cooperation", "Induced cooperation", "협력 유도", "Information sessions, persuasion and engagement."),
    ("perseverance", "Perseverance and commitment", "끈기와 헌신", "Leaders and staff kept at it."),
]
PARTICIPANT_KINDS = [
    ("citizens", "Citizens", "주민", "Residents and service users."),
    ("ngos", "NGOs and civic groups", "시민단체", "Non-governmental and civic organisations."),
    ("private_firms", "Private firms", "민간기업", "Businesses and business associations."),
    ("experts", "Experts", "전문가", "Academics and professional advisers."),
    ("other_governments", "Other governments", "다른 정부기관", "Other local governments or central agencies."),
]
SERVICE_AREAS = [
    ("welfare", "Welfare", "복지", "Social welfare, care and support for people in need."),
    ("health", "Health", "보건", "Health care and public health."),
    ("education", "Education", "교육", "Schools, libraries and lifelong learning."),
    ("environment", "Environment", "환경", "Air, water, nature and waste."),
    ("economy", "Economy", "경제", "Business, jobs, farming and local products."),
    ("culture_tourism", "Culture and tourism", "문화·관광", "Culture, festivals, heritage and tourism."),
    ("transport", "Transport", "교통", "Public transport, roads, parking and traffic."),
    ("safety", "Safety", "안전", "Disasters, crime prevention and public safety."),
    ("housing_urban", "Housing and urban development", "주택·도시", "Housing, land use, planning and neighbourhoods."),
    ("administration", "General administration", "일반행정", "Civil services, petitions, procurement, internal work."),
]
OUTCOME_KINDS = [
    ("cost_saving", "Cost saving", "비용 절감", "Money saved by the government or by citizens."),
    ("time_saving", "Time saving", "시간 단축", "Less time to get a service or to finish a task."),
    ("simplification", "Simpler procedures", "절차 간소화", "Fewer steps, documents or visits."),
    ("service_quality", "Better service quality", "서비스 품질 향상", "A better, safer or more reliable service."),
    ("economic", "Local economy", "지역경제 활성화", "Sales, visitors, investment or jobs."),
    (
        "democratic_practice",
        "Democratic practice",
        "민주적 실천",
        "Citizen participation, transparency and accountability.",
    ),
    ("human_rights", "Human rights", "인권", "Rights of residents and workers respected or protected."),
    (
        "vulnerable_groups",
        "Services for vulnerable groups",
        "취약계층 서비스",
        "Services reaching elderly, disabled, low-income or minority residents.",
    ),
]
# code, English, Korean, description, other spellings (the study names the first four).
JARGON_TERMS = [
    (
        "bpr",
        "Business process reengineering",
        "업무프로세스 재설계",
        "Redesigning work processes from scratch; ask which process changed and what it saved.",
        ["BPR", "business process re-engineering", "business process restructuring", "업무 프로세스 재설계"],
    ),
    (
        "tqm",
        "Total quality management",
        "총체적 품질관리",
        "Organisation-wide quality management; ask how quality was measured.",
        ["TQM", "top quality management", "전사적 품질관리"],
    ),
    (
        "mbo",
        "Management by objectives",
        "목표관리제",
        "Managing by agreed targets; ask what the targets were and whether they were met.",
        ["MBO", "목표에 의한 관리"],
    ),
    (
        "incentive_performance",
        "Incentive-based performance management",
        "인센티브 기반 성과관리",
        "Rewards tied to performance; ask what was rewarded and with what effect on the service.",
        ["performance-based incentives", "성과 인센티브", "성과급 기반 성과관리"],
    ),
    (
        "bsc",
        "Balanced scorecard",
        "균형성과표",
        "A set of performance indicators; ask for the indicators and their values.",
        ["BSC"],
    ),
    (
        "six_sigma",
        "Six Sigma",
        "6시그마",
        "Defect-reduction method from manufacturing; ask which defects were reduced.",
        ["6 sigma", "식스시그마"],
    ),
    (
        "crm",
        "Customer relationship management",
        "고객관계관리",
        "Managing contacts with service users; ask what citizens experienced differently.",
        ["CRM"],
    ),
]
# code, English, Korean, rank, quota
AWARD_LEVELS = [
    ("grand", "Grand Prize", "대상", 1, 3),
    ("excellence", "Excellence Award", "우수상", 2, 8),
    ("merit", "Merit Award", "장려상", 3, 15),
]


@dataclass(frozen=True)
class CasesDemoResult:
    cases_created: int
    cases_total: int


def _aware(year: int, month: int, day: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, 9, 0))


def load_taxonomies() -> None:
    for model, rows in (
        (Purpose, PURPOSES),
        (ObstacleType, OBSTACLE_TYPES),
        (RemedyType, REMEDY_TYPES),
        (ParticipantKind, PARTICIPANT_KINDS),
        (ServiceArea, SERVICE_AREAS),
        (OutcomeKind, OUTCOME_KINDS),
    ):
        for order, (code, name, name_local, description) in enumerate(rows, start=1):
            model.objects.update_or_create(
                code=code, defaults={"name": name, "name_local": name_local, "description": description, "order": order}
            )
    for order, (code, name, name_local, description, variants) in enumerate(JARGON_TERMS, start=1):
        # Created once: managers may edit the glossary afterwards.
        JargonTerm.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_local": name_local,
                "description": description,
                "variants": "\n".join(variants),
                "order": order,
            },
        )


def publication_time(year: int) -> dt.datetime:
    """When the results of a demo cycle of 2005 or 2006 were published."""
    return _aware(year, 11, 15)


def load_cycles() -> dict[int, AwardCycle]:
    cycles = {}
    # Being reviewed until ``reviews.demo`` has decided and published them.
    for year in (2005, 2006):
        cycles[year], _ = AwardCycle.objects.get_or_create(
            year=year,
            defaults={
                "title": f"{year} Local Government Innovation Awards",
                "title_local": f"{year}년 지방자치단체 혁신상",
                "submission_opens": _aware(year, 3, 1),
                "submission_closes": _aware(year, 5, 31),
                "review_deadline": dt.date(year, 8, 31),
                "state": CycleState.REVIEWING,
                "reviews_required": 3,
            },
        )
    # The 2007 cycle is open for the demo: its window is kept open around the day the demo loads.
    now = timezone.now()
    cycles[2007], _ = AwardCycle.objects.get_or_create(
        year=2007,
        defaults={
            "title": "2007 Local Government Innovation Awards",
            "title_local": "2007년 지방자치단체 혁신상",
            "submission_opens": min(_aware(2007, 3, 1), now - dt.timedelta(days=1)),
            "submission_closes": max(_aware(2007, 5, 31), now + dt.timedelta(days=180)),
            "review_deadline": max(dt.date(2007, 8, 31), (now + dt.timedelta(days=270)).date()),
            "state": CycleState.OPEN,
            "reviews_required": 2,
        },
    )
    for cycle in cycles.values():
        for code, name, name_local, rank, quota in AWARD_LEVELS:
            AwardLevel.objects.get_or_create(
                cycle=cycle, code=code, defaults={"name": name, "name_local": name_local, "rank": rank, "quota": quota}
            )
    return cycles


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _description(data: dict, beyond: dict, language: str) -> str:
    """The case's description, with its sentence of jargon when it has one."""
    text = data[f"description_{language}"]
    extra = beyond.get(f"jargon_{language}")
    return f"{text} {extra}" if extra else text


def _fill_beyond(case: InnovationCase, data: dict, beyond: dict, taxonomies) -> None:
    """Give a demo case loaded before service areas, outcome kinds and jargon existed what it now has."""
    if not beyond:
        return
    if case.service_area_id is None:
        InnovationCase.objects.filter(pk=case.pk).update(
            service_area=taxonomies["service_area"][beyond["service_area"]]
        )
    if beyond.get("jargon_en") and beyond["jargon_en"] not in case.description:
        InnovationCase.objects.filter(pk=case.pk).update(
            description=_description(data, beyond, "en"), description_local=_description(data, beyond, "ko")
        )
    for outcome, code in zip(case.outcomes.order_by("order", "id"), beyond["outcome_kinds"], strict=False):
        if outcome.kind_id is None:
            Outcome.objects.filter(pk=outcome.pk).update(kind=taxonomies["outcome_kind"][code])


def _create_case(
    data: dict, *, state: str, cycle: AwardCycle, governments, taxonomies, submitters, beyond: dict
) -> InnovationCase | None:
    government = governments[data["government_code"]]
    existing = InnovationCase.objects.filter(cycle=cycle, government=government, title=data["title_en"]).first()
    if existing:
        _fill_beyond(existing, data, beyond, taxonomies)
        return None
    submitter = submitters.get(government.pk)
    is_submitted = state != CaseState.DRAFT
    submitted_at = _aware(cycle.year, 5, 15) if cycle.year < 2007 else timezone.now() - dt.timedelta(days=3)
    case = InnovationCase.objects.create(
        cycle=cycle,
        government=government,
        title=data["title_en"],
        title_local=data["title_ko"],
        summary=data["summary_en"],
        summary_local=data["summary_ko"],
        description=_description(data, beyond, "en"),
        description_local=_description(data, beyond, "ko"),
        purpose=taxonomies["purpose"][data["purpose"]],
        service_area=taxonomies["service_area"][beyond["service_area"]] if beyond else None,
        uses_ict=data["uses_ict"],
        ict_description=data.get("ict_description", ""),
        ict_description_local=data.get("ict_description_ko", ""),
        tier=government.tier if is_submitted else "",
        population=data["population"] if is_submitted else None,
        started_on=dt.date.fromisoformat(data["started_on"]) if data.get("started_on") else None,
        champion=data.get("champion_en", ""),
        champion_local=data.get("champion_ko", ""),
        participation_level=data.get("participation_level", "none"),
        contact_name=data.get("contact_name", ""),
        contact_email=data.get("contact_email", ""),
        state=state,
        is_illustrative=data.get("illustrative", True),
        created_by=submitter,
        submitted_by=submitter if is_submitted else None,
        submitted_at=submitted_at if is_submitted else None,
    )
    case.participant_kinds.set([taxonomies["participant"][code] for code in data.get("participant_kinds", [])])
    CaseObstacle.objects.bulk_create(
        CaseObstacle(
            case=case,
            obstacle_type=taxonomies["obstacle"][item["code"]],
            description=item.get("description_en", ""),
            description_local=item.get("description_ko", ""),
        )
        for item in data["obstacles"]
    )
    CaseRemedy.objects.bulk_create(
        CaseRemedy(
            case=case,
            remedy_type=taxonomies["remedy"][item["code"]],
            description=item.get("description_en", ""),
            description_local=item.get("description_ko", ""),
        )
        for item in data["remedies"]
    )
    verification = Verification.PENDING  # until the reviews: a decision sets their consensus
    kinds = beyond.get("outcome_kinds", [])
    Outcome.objects.bulk_create(
        Outcome(
            case=case,
            kind=taxonomies["outcome_kind"][kinds[order]] if order < len(kinds) else None,
            indicator=item.get("indicator_en", ""),
            indicator_local=item.get("indicator_ko", ""),
            unit=item.get("unit", ""),
            unit_local=item.get("unit_ko", ""),
            baseline=_decimal(item.get("baseline")),
            result=_decimal(item.get("result")),
            evidence=item.get("evidence_en", ""),
            evidence_local=item.get("evidence_ko", ""),
            verification=verification,
            order=order,
        )
        for order, item in enumerate(data.get("outcomes", []))
    )
    CaseEvent.objects.create(case=case, kind=CaseEvent.Kind.CREATED, actor=submitter, message="demo data")
    if is_submitted:
        CaseEvent.objects.create(
            case=case,
            kind=CaseEvent.Kind.TRANSITION,
            actor=submitter,
            from_state=CaseState.DRAFT,
            to_state=state,
            message="demo data",
        )
    return case


@transaction.atomic
def load_demo_cases(path: Path = DEMO_CASES_JSON) -> CasesDemoResult:
    load_taxonomies()
    cycles = load_cycles()
    data = json.loads(path.read_text(encoding="utf-8"))
    taxonomies = {
        "purpose": {t.code: t for t in Purpose.objects.all()},
        "obstacle": {t.code: t for t in ObstacleType.objects.all()},
        "remedy": {t.code: t for t in RemedyType.objects.all()},
        "participant": {t.code: t for t in ParticipantKind.objects.all()},
        "service_area": {t.code: t for t in ServiceArea.objects.all()},
        "outcome_kind": {t.code: t for t in OutcomeKind.objects.all()},
    }
    beyond = json.loads(DEMO_BEYOND_JSON.read_text(encoding="utf-8"))
    codes = {item["government_code"] for group in data.values() for item in group}
    governments = {g.code: g for g in LocalGovernment.objects.filter(code__in=codes)}
    submitters = {u.government_id: u for u in User.objects.filter(role=Role.SUBMITTER, government__code__in=codes)}
    created = 0
    groups = (  # awarded or not once ``reviews.demo`` has decided them
        ("awarded", lambda item: CaseState.SUBMITTED),
        ("not_awarded", lambda item: CaseState.SUBMITTED),
        ("cycle_2007", lambda item: item.get("state", CaseState.DRAFT)),
    )
    for group, state_of in groups:
        for item in data[group]:
            case = _create_case(
                item,
                state=state_of(item),
                cycle=cycles[item["cycle"]],
                governments=governments,
                taxonomies=taxonomies,
                submitters=submitters,
                beyond=beyond.get(item["key"], {}),
            )
            created += case is not None
    return CasesDemoResult(cases_created=created, cases_total=InnovationCase.objects.count())


def demo_decisions(path: Path = DEMO_CASES_JSON) -> dict[tuple[int, str, str], str | None]:
    """(cycle year, government code, English title) -> the award level code of each 2005 and 2006
    demo case, None for those not awarded: what the reviews demo decides."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        **{(item["cycle"], item["government_code"], item["title_en"]): None for item in data["not_awarded"]},
        **award_level_codes(path),
    }


def award_level_codes(path: Path = DEMO_CASES_JSON) -> dict[tuple[int, str, str], str]:
    """(cycle year, government code, English title) -> award level code, for the reviews demo."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {(item["cycle"], item["government_code"], item["title_en"]): item["award_level"] for item in data["awarded"]}
