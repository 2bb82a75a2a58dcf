"""Reviewer and manager pages. Thin: permissions from ``permissions``, reads from ``selectors``,
writes through ``services``. Whoever may not see something gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from accounts import kept_input
from cases import jargon, workflow
from cases import selectors as case_selectors
from cases.models import AwardCycle, CycleState, Outcome
from core.errors import ApplicationError
from core.forms import add_refusal
from core.rules import allowed

from . import aggregation, selectors, services
from .forms import (
    AssignmentForm,
    BulkAssignmentForm,
    DecisionForm,
    DeclareConflictForm,
    ReviewForm,
    RevisionForm,
    WithdrawRevisionForm,
)
from .models import Criterion, ReviewState
from .permissions import REVIEWING_CYCLE_STATES, conflict_reason


def _require_manager(user) -> None:
    if not allowed(user, "reviews.manage_awards"):
        raise Http404("Not found")


# --- reviewers --------------------------------------------------------------------------------


@login_required
def my_assignments(request):
    if not allowed(request.user, "reviews.review_cases"):
        raise Http404("Not found")
    state, cycle_year = request.GET.get("state", ""), request.GET.get("cycle", "")
    work = selectors.worklist(request.user, state=state, cycle=cycle_year)
    return render(
        request,
        "reviews/my_assignments.html",
        {
            "rows": work.rows,
            "worklist": work,
            "states": [(value, label, work.counts[value]) for value, label in selectors.Work.choices],
            "selected": {"state": state, "cycle": cycle_year},
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    assignment = selectors.get_reviewer_assignment(request.user, pk)
    case = assignment.case
    existing = getattr(assignment, "review", None)
    criteria = list(Criterion.objects.filter(cycle=case.cycle))
    outcomes = list(Outcome.objects.filter(case=case))
    editable = allowed(request.user, "reviews.edit_review", assignment)
    conflict = conflict_reason(request.user, case)
    conflict_form = DeclareConflictForm(prefix="conflict")
    if request.method == "POST" and request.POST.get("action") == "declare_conflict":
        conflict_form = DeclareConflictForm(request.POST, prefix="conflict")
        if conflict_form.is_valid():
            try:
                services.declare_conflict(
                    actor=request.user, assignment=assignment, reason=conflict_form.cleaned_data["reason"]
                )
            except ApplicationError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "Your conflict of interest is recorded: you no longer review this case, and the award "
                        "managers are asked to assign another reviewer."
                    ),
                )
                return redirect("reviews:my_assignments")
    if request.method == "POST" and request.POST.get("action") == "reopen":
        try:
            services.reopen_review(actor=request.user, assignment=assignment)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your review is a draft again: change it and submit it again."))
        return redirect("reviews:review", pk=assignment.pk)
    if request.method == "POST" and request.POST.get("action") == "declare_conflict":
        form = ReviewForm(None, criteria=criteria, outcomes=outcomes, review=existing)
    elif request.method == "POST":
        if existing is not None and existing.state == ReviewState.SUBMITTED:
            messages.error(request, _("This review has been submitted and is locked; it can no longer be changed."))
            return redirect("reviews:review", pk=assignment.pk)
        form = ReviewForm(request.POST, criteria=criteria, outcomes=outcomes, review=existing)
        submit = "submit" in request.POST
        if form.is_valid():
            try:
                arguments = form.service_arguments()
                services.save_review(actor=request.user, assignment=assignment, submit=submit, **arguments)
            except ApplicationError as error:
                if not error.fields:
                    messages.error(request, error.message)
                    return redirect("reviews:review", pk=assignment.pk)
                add_refusal(form, error, field_names=form.field_names())
            else:
                messages.success(request, _("Your review was submitted.") if submit else _("Your draft was saved."))
                if submit:
                    return redirect("reviews:my_assignments")
                return redirect("reviews:review", pk=assignment.pk)
    else:
        kept = kept_input.take(request)  # sent when the session had ended: back in the form
        if kept is not None:
            messages.warning(
                request,
                _("You were signed out before this was saved. What you typed is back in the form: check it and save."),
            )
        form = ReviewForm(kept.data if kept else None, criteria=criteria, outcomes=outcomes, review=existing)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    found = jargon.glossary()
    return render(
        request,
        "reviews/review_form.html",
        {
            "assignment": assignment,
            "case": case,
            "review": existing,
            "form": form,
            "editable": editable,
            "conflict": conflict,
            "criteria": criteria,
            # The substantiation check: jargon highlighted in the case text, outcomes without evidence.
            "glossary": found,
            "substantiation": jargon.substantiation(case, found),
            "revision_requests": case_selectors.revision_thread(case),
            # What the submitter changed since this review was last submitted, field by field.
            "changes": case_selectors.changes_since(case, existing.submitted_at)
            if existing is not None and existing.submitted_at
            else [],
            "can_reopen": allowed(request.user, "reviews.reopen_review", assignment),
            "can_declare_conflict": allowed(request.user, "reviews.declare_conflict", assignment),
            "conflict_form": conflict_form,
            "running_total": aggregation.display_score(existing.weighted_score) if existing else "",
        },
    )


@login_required
def comments(request, pk):
    """The comments of the reviewers to the submitter of a case, after the cycle is published."""
    case = case_selectors.get_visible_case(request.user, pk)
    if not allowed(request.user, "cases.view_own_cases") or case.government_id != request.user.government_id:
        raise Http404("Not found")
    if case.cycle.state != CycleState.PUBLISHED:
        raise Http404("Not found")
    return render(
        request,
        "reviews/comments.html",
        {"case": case, "comments": selectors.comments_to_submitter(request.user, case), "decision": _decision(case)},
    )


def _decision(case):
    return getattr(case, "decision", None)


# --- managers ---------------------------------------------------------------------------------


@login_required
def manage(request):
    _require_manager(request.user)
    cycles = selectors.cycles_progress(AwardCycle.objects.prefetch_related("award_levels"))
    return render(request, "reviews/manage.html", {"cycles": cycles})


def _next_state(cycle: AwardCycle):
    return workflow.next_cycle_state(cycle)


@login_required
def cycle(request, year):
    _require_manager(request.user)
    the_cycle = selectors.get_cycle(year)
    return render(
        request,
        "reviews/cycle.html",
        {
            "cycle": the_cycle,
            "progress": selectors.cycle_progress(the_cycle),
            "next_state": _next_state(the_cycle),
            # Offered once the cycle is deciding; the service says why when something is left to decide.
            "can_publish": the_cycle.state == CycleState.DECIDING,
            "criteria": Criterion.objects.filter(cycle=the_cycle),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def assignment(request, year):
    """Assign reviewers: one at a time, several cases to one reviewer, or the balanced suggestion."""
    _require_manager(request.user)
    the_cycle = selectors.get_cycle(year)
    cases = selectors.assignable_cases(the_cycle)
    reviewer_list = selectors.reviewers()
    single = AssignmentForm(cases=cases, reviewers=reviewer_list, prefix="single")
    bulk = BulkAssignmentForm(cases=cases, reviewers=reviewer_list, prefix="bulk")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "single":
                single = AssignmentForm(request.POST, cases=cases, reviewers=reviewer_list, prefix="single")
                if single.is_valid():
                    services.assign_reviewer(
                        actor=request.user,
                        case=single.cleaned_data["case"],
                        reviewer=single.cleaned_data["reviewer"],
                        due_on=single.cleaned_data["due_on"],
                    )
                    messages.success(request, _("The reviewer was assigned."))
                    return redirect("reviews:assignment", year=the_cycle.year)
            elif action == "bulk":
                bulk = BulkAssignmentForm(request.POST, cases=cases, reviewers=reviewer_list, prefix="bulk")
                if bulk.is_valid():
                    reviewer = bulk.cleaned_data["reviewer"]
                    done = services.assign_reviewers(
                        actor=request.user,
                        pairs=[(case, reviewer) for case in bulk.cleaned_data["cases"]],
                        due_on=bulk.cleaned_data["due_on"],
                    )
                    messages.success(request, _("%(count)s assignment(s) made.") % {"count": len(done)})
                    return redirect("reviews:assignment", year=the_cycle.year)
            elif action == "suggestion":
                pairs = [(s.case, s.reviewer) for s in selectors.suggest_assignments(the_cycle)]
                done = services.assign_reviewers(actor=request.user, pairs=pairs)
                messages.success(request, _("%(count)s assignment(s) made.") % {"count": len(done)})
                return redirect("reviews:assignment", year=the_cycle.year)
        except ApplicationError as error:
            messages.error(request, error.message)
    rows = []
    for case in cases:
        rows.append(
            {
                "case": case,
                "assignments": list(case.assignments.all()),
                "conflicts": [
                    (reviewer, reason)
                    for reviewer in reviewer_list
                    if (reason := conflict_reason(reviewer, case)) is not None
                ],
            }
        )
    return render(
        request,
        "reviews/assignment.html",
        {
            "cycle": the_cycle,
            "rows": rows,
            "single": single,
            "bulk": bulk,
            "suggestions": selectors.suggest_assignments(the_cycle),
            "can_assign": the_cycle.state in REVIEWING_CYCLE_STATES,
        },
    )


# Lazy: the labels are read per request, in its language.
RANKING_COLUMNS = [
    ("title", gettext_lazy("Case")),
    ("government", gettext_lazy("Government")),
    ("state", gettext_lazy("State")),
    ("count", gettext_lazy("Reviews")),
    ("mean", gettext_lazy("Mean")),
    ("median", gettext_lazy("Median")),
    ("std", gettext_lazy("Std. dev.")),
    ("z_mean", gettext_lazy("Normalised (mean z)")),
    ("disagreement", gettext_lazy("Disagreement")),
    ("verified", gettext_lazy("Outcomes verified %")),
    ("evidenced", gettext_lazy("Outcomes with evidence %")),
    ("jargon", gettext_lazy("Jargon terms")),
    ("decision", gettext_lazy("Decision")),
]


@login_required
def ranking(request, year):
    _require_manager(request.user)
    the_cycle = selectors.get_cycle(year)
    sort = request.GET.get("sort", selectors.DEFAULT_SORT)
    if sort not in selectors.SORT_KEYS:
        sort = selectors.DEFAULT_SORT
    descending = request.GET.get("dir", "desc") != "asc"
    columns = [
        {
            "key": key,
            "label": label,
            "active": key == sort,
            "aria_sort": ("descending" if descending else "ascending") if key == sort else "none",
            "next_dir": "asc" if key == sort and descending else "desc",
        }
        for key, label in RANKING_COLUMNS
    ]
    return render(
        request,
        "reviews/ranking.html",
        {
            "cycle": the_cycle,
            "rows": selectors.ranking(the_cycle, sort=sort, descending=descending),
            "columns": columns,
            "threshold": selectors.cycle_threshold(the_cycle),
        },
    )


@login_required
def decisions(request, year):
    _require_manager(request.user)
    the_cycle = selectors.get_cycle(year)
    decided = [row for row in selectors.ranking(the_cycle, sort="decision") if row.decision is not None]
    return render(
        request,
        "reviews/decisions.html",
        {"cycle": the_cycle, "rows": decided, "levels": selectors.level_usage(the_cycle)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def case(request, pk):
    """A case for the committee: its reviews, the decision form and the revision request form."""
    _require_manager(request.user)
    the_case = selectors.get_case(pk)
    decision_form = DecisionForm(cycle=the_case.cycle, prefix="decision")
    revision_form = RevisionForm(prefix="revision")
    withdraw_form = WithdrawRevisionForm(prefix="withdraw")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "decide":
                decision_form = DecisionForm(request.POST, cycle=the_case.cycle, prefix="decision")
                if decision_form.is_valid():
                    services.decide_case(
                        actor=request.user,
                        case=the_case,
                        level=decision_form.chosen_level(),
                        rationale=decision_form.cleaned_data["rationale"],
                        rationale_local=decision_form.cleaned_data["rationale_local"],
                    )
                    messages.success(request, _("The decision was recorded."))
                    return redirect("reviews:case", pk=the_case.pk)
            elif action == "revise":
                revision_form = RevisionForm(request.POST, prefix="revision")
                if revision_form.is_valid():
                    services.request_revision(
                        actor=request.user,
                        case=the_case,
                        message=revision_form.cleaned_data["message"],
                        respond_by=revision_form.cleaned_data["respond_by"],
                    )
                    messages.success(request, _("The case was sent back to the submitter for revision."))
                    return redirect("reviews:case", pk=the_case.pk)
            elif action == "withdraw_revision":
                withdraw_form = WithdrawRevisionForm(request.POST, prefix="withdraw")
                if withdraw_form.is_valid():
                    services.withdraw_revision_request(
                        actor=request.user, case=the_case, reason=withdraw_form.cleaned_data["reason"]
                    )
                    messages.success(
                        request, _("The revision request was withdrawn: the case is back in review and can be decided.")
                    )
                    return redirect("reviews:case", pk=the_case.pk)
        except ApplicationError as error:
            form = {"decide": decision_form, "revise": revision_form, "withdraw_revision": withdraw_form}.get(action)
            if error.fields and form is not None:
                add_refusal(form, error)
            else:
                messages.error(request, error.message)
    row = selectors.ranking_row(the_case)
    thread = case_selectors.revision_thread(the_case)
    answered = [request for request in thread if request.state == request.State.ANSWERED]
    return render(
        request,
        "reviews/case.html",
        {
            "case": the_case,
            "reviews": selectors.case_reviews(the_case),
            "criteria": Criterion.objects.filter(cycle=the_case.cycle),
            "outcomes": selectors.outcome_statuses(the_case),
            "recusals": [a for a in the_case.assignments.select_related("reviewer") if a.recused_at is not None],
            "row": row,
            "decision": _decision(the_case),
            "decision_form": decision_form,
            "revision_form": revision_form,
            "can_decide": allowed(request.user, "reviews.decide_case", the_case),
            "can_request_revision": allowed(request.user, "reviews.request_revision", the_case),
            "can_withdraw_revision": allowed(request.user, "reviews.withdraw_revision_request", the_case),
            "withdraw_form": withdraw_form,
            "revision_requests": thread,
            # What the submitters changed in answer to the last request, beside their note.
            "revision_changes": case_selectors.changes_since(the_case, answered[-1].requested_at) if answered else [],
            "events": the_case.events.select_related("actor").order_by("-at", "-id")[:20],
        },
    )
