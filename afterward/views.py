"""The follow-ups pages: each role's list (reports to file, to verify, overdue; adoptions to answer),
a report (filed by its government, verified by a reviewer), recording an adoption, answering one,
a cycle's follow-up points. Thin: rules from ``permissions``, reads from ``selectors``, writes
through ``services``. Whoever may not see something gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import is_manager, is_reviewer, is_submitter
from cases.models import AwardCycle, CycleState, Outcome
from cases.selectors import public_cases
from core.errors import ApplicationError
from core.forms import add_refusal
from core.rules import allowed, refusal_message

from . import selectors, services
from .forms import AdoptionAnswerForm, AdoptionForm, FollowUpPointsForm, FollowUpReportForm, VerifyReportForm
from .models import FollowUpPoint


def _require(user, rule: str, obj=None) -> None:
    if not allowed(user, rule, obj):
        raise Http404("Not found")


@login_required
def index(request):
    user = request.user
    _require(user, "afterward.view_follow_ups")
    context: dict = {"role": "submitter" if is_submitter(user) else "reviewer" if is_reviewer(user) else "manager"}
    if is_submitter(user):
        context["reports"] = list(selectors.own_reports(user))
        context["to_answer"] = list(selectors.adoptions_to_answer(user))
        context["adoptions"] = list(selectors.own_adoptions(user))
    if is_reviewer(user) or is_manager(user):
        context["to_verify"] = list(selectors.reports_to_verify())
    if allowed(user, "afterward.manage_follow_ups"):
        context["overdue"] = list(selectors.overdue_reports())
        context["open"] = list(selectors.open_reports())
        cycles = list(AwardCycle.objects.exclude(state=CycleState.DRAFT).order_by("-year"))
        points = list(FollowUpPoint.objects.filter(cycle__in=cycles))
        context["cycles"] = [
            {"cycle": cycle, "years": services.follow_up_years(cycle, points), "form": FollowUpPointsForm()}
            for cycle in cycles
        ]
    context["today"] = timezone.localdate()
    return render(request, "afterward/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk: int):
    found = get_object_or_404(selectors.visible_reports(request.user), pk=pk)
    _require(request.user, "afterward.view_report", found)
    case = found.case
    outcomes = list(Outcome.objects.filter(case=case))
    may_file = allowed(request.user, "afterward.file_report", found)
    may_verify = allowed(request.user, "afterward.verify_report", found)
    values = list(found.values.select_related("outcome"))
    by_outcome = {value.outcome_id: value for value in values}
    form = verify_form = None
    if request.method == "POST":
        if "verify" in request.POST:
            verify_form = VerifyReportForm(request.POST, values=values)
            if verify_form.is_valid():
                try:
                    services.verify_report(
                        actor=request.user,
                        report=found,
                        verifications=verify_form.verifications(),
                        note=verify_form.cleaned_data["note"],
                    )
                except ApplicationError as error:
                    add_refusal(verify_form, error, field_names=verify_form.field_names())
                else:
                    messages.success(request, _("The follow-up report is verified."))
                    return redirect("afterward:report", pk=found.pk)
        else:
            form = FollowUpReportForm(request.POST, outcomes=outcomes)
            if form.is_valid():
                try:
                    services.submit_report(actor=request.user, report=found, **form.service_arguments())
                except ApplicationError as error:
                    add_refusal(form, error, field_names=form.field_names())
                else:
                    messages.success(request, _("Your follow-up report was submitted. A reviewer will verify it."))
                    return redirect("afterward:report", pk=found.pk)
        status = 400
    else:
        status = 200
    if may_file and form is None:
        form = FollowUpReportForm(outcomes=outcomes)
    if may_verify and verify_form is None:
        verify_form = VerifyReportForm(values=values)
    return render(
        request,
        "afterward/report.html",
        {
            "report": found,
            "case": case,
            "outcomes": outcomes,
            "rows": [(outcome, by_outcome.get(outcome.pk)) for outcome in outcomes],
            "form": form,
            "verify_form": verify_form,
            "verify_refusal": refusal_message(request.user, "afterward.verify_report", found)
            if is_reviewer(request.user)
            else None,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_adoption(request, pk: int):
    case = get_object_or_404(public_cases().select_related("government__parent", "cycle"), pk=pk)
    if not allowed(request.user, "afterward.record_adoption", case):
        if not is_submitter(request.user):
            raise Http404("Not found")
        messages.error(request, refusal_message(request.user, "afterward.record_adoption", case))
        return redirect("practices:practice_detail", pk=case.pk)
    form = AdoptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_adoption(actor=request.user, case=case, **form.cleaned_data)
        except ApplicationError as error:
            add_refusal(form, error)
        else:
            messages.success(
                request,
                _("Your government's adoption is recorded. %(origin)s is asked to confirm it.")
                % {"origin": case.government.display_name},
            )
            return redirect(reverse("afterward:index"))
    return render(
        request,
        "afterward/adoption_form.html",
        {"case": case, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def answer_adoption(request, pk: int):
    adoption = get_object_or_404(selectors.visible_adoptions(request.user), pk=pk)
    _require(request.user, "afterward.view_adoption", adoption)
    form = AdoptionAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Confirm the adoption or say that it is not so."))
        return redirect("afterward:index")
    confirm = form.cleaned_data["decision"] == "confirm"
    try:
        services.answer_adoption(actor=request.user, adoption=adoption, confirm=confirm, note=form.cleaned_data["note"])
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The adoption is confirmed and listed on the practice's page.")
            if confirm
            else _("The adoption is marked as not confirmed."),
        )
    return redirect("afterward:index")


@login_required
@require_POST
def set_points(request, year: int):
    _require(request.user, "afterward.manage_follow_ups")
    cycle = get_object_or_404(AwardCycle, year=year)
    form = FollowUpPointsForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("years", [])))
        return redirect("afterward:index")
    try:
        years = services.set_follow_up_points(actor=request.user, cycle=cycle, years=form.cleaned_data["years"])
    except ApplicationError as error:
        messages.error(request, " ".join(error.all_messages()))
    else:
        messages.success(
            request,
            _("Follow-up points of %(cycle)s: %(years)s years after publication.")
            % {"cycle": cycle.label, "years": ", ".join(str(y) for y in years)},
        )
    return redirect("afterward:index")
