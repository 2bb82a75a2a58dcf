"""What each step of a cycle will do, for the page that asks a manager to confirm it (DESIGN.md §5:
nothing that cannot be undone happens on one click). One selector per transition, keyed by the
state the cycle moves to (``SUMMARIES``); each returns a ``StepSummary``:

- the cycle's cases by state, and the figures the step changes or leaves undone: drafts that can no
  longer be submitted, reviews still missing, decisions still missing;
- whom the e-mails of the step reach (how many messages, to how many people, in which roles), with
  the same recipients as ``notifications``;
- warnings when the step is early (before the submission deadline, before the review deadline,
  reviews incomplete, cases nobody can decide yet).

The figures are reads only; the services re-check everything when the step is confirmed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Role
from cases.models import AwardCycle, CaseState, CycleState, InnovationCase

from . import notifications, selectors
from .models import AwardDecision, ReviewAssignment, ReviewState
from .pending import cases_awaiting_decision


@dataclass(frozen=True)
class StateCount:
    state: str
    label: str
    count: int


@dataclass(frozen=True)
class DecisionCount:
    label: str
    count: int


@dataclass(frozen=True)
class EmailReach:
    messages: int = 0
    people: int = 0
    roles: tuple[str, ...] = ()

    @property
    def sentence(self) -> str:
        if not self.messages:
            return _("No e-mails are sent by this step.")
        return _("%(emails)s will be sent to %(people)s (%(roles)s).") % {
            "emails": ngettext("%(count)s e-mail", "%(count)s e-mails", self.messages) % {"count": self.messages},
            "people": ngettext("%(count)s person", "%(count)s people", self.people) % {"count": self.people},
            "roles": ", ".join(self.roles),
        }


@dataclass
class StepSummary:
    cycle: AwardCycle
    from_state: str
    to_state: str
    cases: list[StateCount]
    drafts_closing: int = 0  # drafts that can no longer be changed or submitted after the step
    reviews_missing: int = 0  # reviews the undecided cases still need (reviews required per case)
    open_assignments: int = 0  # reviews assigned but not submitted
    cases_without_review: int = 0  # undecided cases with no submitted review: nobody can decide them
    decisions_missing: int = 0  # cases the cycle cannot be published without (the overview's count)
    undecided: list[InnovationCase] = field(default_factory=list)  # those cases, out for revision first
    decisions: list[DecisionCount] = field(default_factory=list)
    emails: EmailReach = field(default_factory=EmailReach)
    warnings: list[str] = field(default_factory=list)

    @property
    def total_cases(self) -> int:
        return sum(row.count for row in self.cases)

    @property
    def is_early(self) -> bool:
        return bool(self.warnings)


def _date(value) -> str:
    return formats.date_format(timezone.localtime(value) if isinstance(value, dt.datetime) else value, "Y-m-d")


def _days_until(day: dt.date, today: dt.date) -> int:
    return (day - today).days


def _cases_by_state(cycle: AwardCycle) -> list[StateCount]:
    counts = dict(
        InnovationCase.objects.filter(cycle=cycle).values("state").annotate(n=Count("id")).values_list("state", "n")
    )
    return [StateCount(state.value, state.label, counts[state.value]) for state in CaseState if counts.get(state.value)]


def _count(cases: list[StateCount], state: str) -> int:
    return next((row.count for row in cases if row.state == state), 0)


def _review_figures(cycle: AwardCycle) -> dict[str, int]:
    """Missing reviews, open assignments and cases without a review, over the undecided cases."""
    undecided = cases_awaiting_decision(cycle)
    per_case = list(
        undecided.annotate(
            submitted=Count("assignments__review", filter=Q(assignments__review__state=ReviewState.SUBMITTED))
        ).values_list("submitted", flat=True)
    )
    open_assignments = (
        ReviewAssignment.objects.filter(case__in=undecided, recused_at__isnull=True)
        .exclude(review__state=ReviewState.SUBMITTED)
        .count()
    )
    return {
        "reviews_missing": sum(max(cycle.reviews_required - submitted, 0) for submitted in per_case),
        "open_assignments": open_assignments,
        "cases_without_review": sum(1 for submitted in per_case if submitted == 0),
    }


def _review_warnings(cycle: AwardCycle, figures: dict[str, int], today: dt.date) -> list[str]:
    warnings = []
    days = _days_until(cycle.review_deadline, today)
    if days > 0:
        warnings.append(
            ngettext(
                "The review deadline is %(date)s, %(days)s day from now.",
                "The review deadline is %(date)s, %(days)s days from now.",
                days,
            )
            % {"date": _date(cycle.review_deadline), "days": days}
        )
    if figures["reviews_missing"]:
        warnings.append(
            ngettext(
                "%(count)s review is still missing.", "%(count)s reviews are still missing.", figures["reviews_missing"]
            )
            % {"count": figures["reviews_missing"]}
        )
    return warnings


# --- one selector per transition -----------------------------------------------------------------


def open_submissions_summary(cycle: AwardCycle, *, now: dt.datetime | None = None) -> StepSummary:
    """draft → open: municipal staff may start and submit cases inside the submission window."""
    now = now or timezone.now()
    warnings = []
    if now < cycle.submission_opens:
        warnings.append(
            _("Submissions are accepted only from %(date)s: until then nobody can submit, although the cycle is open.")
            % {"date": _date(cycle.submission_opens)}
        )
    if now > cycle.submission_closes:
        warnings.append(
            _("The submission window closed on %(date)s: nobody will be able to submit. Change the dates first.")
            % {"date": _date(cycle.submission_closes)}
        )
    if not cycle.criteria.exists():
        warnings.append(_("The cycle has no review criteria yet: reviewers will have nothing to score."))
    cases = _cases_by_state(cycle)
    return StepSummary(
        cycle=cycle, from_state=CycleState.DRAFT, to_state=CycleState.OPEN, cases=cases, warnings=warnings
    )


def close_submissions_summary(cycle: AwardCycle, *, now: dt.datetime | None = None) -> StepSummary:
    """open → reviewing: submissions close; the drafts can no longer be changed or submitted."""
    now = now or timezone.now()
    cases = _cases_by_state(cycle)
    drafts = _count(cases, CaseState.DRAFT)
    warnings = []
    if now < cycle.submission_closes:
        days = _days_until(timezone.localdate(cycle.submission_closes), timezone.localdate(now))
        warnings.append(
            ngettext(
                "The submission deadline is %(date)s, %(days)s day from now: closing now stops everyone who is "
                "still preparing a case.",
                "The submission deadline is %(date)s, %(days)s days from now: closing now stops everyone who is "
                "still preparing a case.",
                days,
            )
            % {"date": _date(cycle.submission_closes), "days": days}
        )
    return StepSummary(
        cycle=cycle,
        from_state=CycleState.OPEN,
        to_state=CycleState.REVIEWING,
        cases=cases,
        drafts_closing=drafts,
        **_review_figures(cycle),
        warnings=warnings,
    )


def start_deciding_summary(cycle: AwardCycle, *, today: dt.date | None = None) -> StepSummary:
    """reviewing → deciding: managers may decide; reviewers may still submit what is missing."""
    today = today or timezone.localdate()
    figures = _review_figures(cycle)
    warnings = _review_warnings(cycle, figures, today)
    if figures["cases_without_review"]:
        warnings.append(
            ngettext(
                "%(count)s case has no submitted review yet: it cannot be decided until one is in.",
                "%(count)s cases have no submitted review yet: they cannot be decided until one is in.",
                figures["cases_without_review"],
            )
            % {"count": figures["cases_without_review"]}
        )
    return StepSummary(
        cycle=cycle,
        from_state=CycleState.REVIEWING,
        to_state=CycleState.DECIDING,
        cases=_cases_by_state(cycle),
        **figures,
        decisions_missing=selectors.cycle_progress(cycle).awaiting_decision,
        warnings=warnings,
    )


def _decisions(cycle: AwardCycle) -> list[DecisionCount]:
    decisions = AwardDecision.objects.filter(case__cycle=cycle)
    by_level = dict(decisions.values("level").annotate(n=Count("id")).values_list("level", "n"))
    levels = cycle.award_levels.all()
    rows = [DecisionCount(level.label, by_level[level.pk]) for level in levels if by_level.get(level.pk)]
    if by_level.get(None):
        rows.append(DecisionCount(_("No award"), by_level[None]))
    return rows


def _publication_reach(cycle: AwardCycle) -> EmailReach:
    """The e-mails ``notifications.notify_publication`` sends: one per decided case to each of its
    recipients who has an address."""
    decided = list(InnovationCase.objects.filter(cycle=cycle, decision__isnull=False))
    recipients = notifications.recipients_by_case(decided)
    pairs = [(user, case.pk) for case in decided for user in recipients[case.pk] if user.email]
    roles = sorted({str(Role(user.role).label) for user, _case in pairs if user.role})
    return EmailReach(messages=len(pairs), people=len({user.pk for user, _case in pairs}), roles=tuple(roles))


def publication_summary(cycle: AwardCycle, *, today: dt.date | None = None) -> StepSummary:
    """deciding → published: the results become public and the submitters are told; final."""
    today = today or timezone.localdate()
    figures = _review_figures(cycle)
    undecided = selectors.undecided_cases(cycle)
    return StepSummary(
        cycle=cycle,
        from_state=CycleState.DECIDING,
        to_state=CycleState.PUBLISHED,
        cases=_cases_by_state(cycle),
        **figures,
        decisions_missing=len(undecided),
        undecided=undecided,
        decisions=_decisions(cycle),
        emails=_publication_reach(cycle),
        warnings=_review_warnings(cycle, figures, today),
    )


SUMMARIES: dict[str, Callable[[AwardCycle], StepSummary]] = {
    CycleState.OPEN: open_submissions_summary,
    CycleState.REVIEWING: close_submissions_summary,
    CycleState.DECIDING: start_deciding_summary,
    CycleState.PUBLISHED: publication_summary,
}


def step_summary(cycle: AwardCycle, to_state: str) -> StepSummary:
    return SUMMARIES[to_state](cycle)
