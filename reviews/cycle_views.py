"""Moving a cycle on, and publishing it, through a confirmation page (nothing irreversible on one
click). ``GET`` shows what the step will do (``cycle_summaries``) and warns when it is early; the
``POST`` that follows carries the state it expects to move from and a signed token of that page, so
that a repeated or stale POST (double click, back button, two managers) changes nothing and says
what happened. When the step is early, the manager ticks that they have read the warnings."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cases import workflow
from cases.models import AwardCycle, CycleState
from core.errors import ApplicationError, Conflict
from core.pages import set_language_return_url
from core.rules import allowed, refusal_message

from . import cycle_summaries, selectors, services

SIGNING_SALT = "reviews.cycle-step"
TOKEN_MAX_AGE = 2 * 60 * 60  # seconds a confirmation page stays valid


def _token(user, cycle: AwardCycle, from_state: str, to_state: str) -> str:
    return signing.dumps([user.pk, cycle.pk, from_state, to_state], salt=SIGNING_SALT)


def _token_matches(token: str, user, cycle: AwardCycle, from_state: str, to_state: str) -> bool:
    try:
        signed = signing.loads(token, salt=SIGNING_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # also an expired one
        return False
    return signed == [user.pk, cycle.pk, from_state, to_state]


class ConfirmStepForm(forms.Form):
    from_state = forms.ChoiceField(choices=CycleState.choices, widget=forms.HiddenInput)
    to_state = forms.ChoiceField(choices=CycleState.choices, widget=forms.HiddenInput)
    token = forms.CharField(widget=forms.HiddenInput)
    acknowledge = forms.BooleanField(
        label=gettext_lazy("I have read the warnings above and want to take this step now."), required=False
    )

    def __init__(self, *args, early: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.early = early
        if not early:
            del self.fields["acknowledge"]

    def clean_acknowledge(self):
        if self.early and not self.cleaned_data.get("acknowledge"):
            raise forms.ValidationError(_("Tick the box to confirm that you have read the warnings."))
        return True


def _manager_cycle(request, year) -> AwardCycle:
    if not allowed(request.user, "reviews.manage_awards"):
        raise Http404("Not found")
    return selectors.get_cycle(year)


def _overview(cycle: AwardCycle):
    return redirect("reviews:cycle", year=cycle.year)


def _confirm_url(cycle: AwardCycle, to_state: str) -> str:
    if to_state == CycleState.PUBLISHED:
        return reverse("reviews:publish", args=[cycle.year])
    return f"{reverse('reviews:cycle_state', args=[cycle.year])}?to_state={to_state}"


def _confirmation(request, cycle: AwardCycle, to_state: str, *, form=None, status: int = 200):
    summary = cycle_summaries.step_summary(cycle, to_state)
    set_language_return_url(request, _confirm_url(cycle, to_state))
    rule = "reviews.publish_cycle" if to_state == CycleState.PUBLISHED else "reviews.change_cycle_state"
    if form is None:
        initial = {
            "from_state": cycle.state,
            "to_state": to_state,
            "token": _token(request.user, cycle, cycle.state, to_state),
        }
        form = ConfirmStepForm(initial=initial, early=summary.is_early)
    return render(
        request,
        "reviews/cycle_confirm.html",
        {
            "cycle": cycle,
            "summary": summary,
            "to_state": CycleState(to_state),
            "refusal": refusal_message(request.user, rule, cycle),
            "form": form,
            "action": _confirm_url(cycle, to_state),
        },
        status=status,
    )


def _step(request, cycle: AwardCycle, to_state: str):
    """GET: the confirmation page of the cycle's next step; POST: take it, once."""
    if request.method == "GET":
        expected = workflow.next_cycle_state(cycle)
        if expected is None or expected != to_state:  # a stale link: the cycle has moved on
            messages.info(
                request,
                _("The cycle is “%(state)s”: there is nothing to confirm here.") % {"state": cycle.get_state_display()},
            )
            return _overview(cycle)
        return _confirmation(request, cycle, to_state)

    from_state = request.POST.get("from_state", "")
    if from_state in CycleState.values and from_state != cycle.state:
        return _already_changed(request, cycle, from_state, to_state)
    if not _token_matches(request.POST.get("token", ""), request.user, cycle, from_state, to_state):
        # Not sent from this step's confirmation page (or the page is hours old): show it first.
        messages.warning(request, _("Check what this step will do, then confirm it on this page."))
        return redirect(_confirm_url(cycle, to_state))
    form = ConfirmStepForm(request.POST, early=cycle_summaries.step_summary(cycle, to_state).is_early)
    if not form.is_valid():
        return _confirmation(request, cycle, to_state, form=form, status=400)
    try:
        services.change_cycle_state(actor=request.user, cycle=cycle, to_state=to_state, from_state=from_state)
    except Conflict as error:
        messages.warning(request, error.message)
        return _overview(cycle)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(_confirm_url(cycle, to_state))
    if to_state == CycleState.PUBLISHED:
        messages.success(request, _("The results are published."))
    else:
        messages.success(request, _("The cycle is now “%(state)s”.") % {"state": CycleState(to_state).label})
    return _overview(cycle)


def _already_changed(request, cycle: AwardCycle, from_state: str, to_state: str):
    """A POST from a page of an earlier state: say what happened, change nothing."""
    try:
        services.change_cycle_state(actor=request.user, cycle=cycle, to_state=to_state, from_state=from_state)
    except ApplicationError as error:  # always: the cycle is not in ``from_state``
        messages.warning(request, error.message)
    return _overview(cycle)


@login_required
@require_http_methods(["GET", "POST"])
def cycle_state(request, year):
    cycle = _manager_cycle(request, year)
    to_state = request.GET.get("to_state", "") if request.method == "GET" else request.POST.get("to_state", "")
    if to_state not in CycleState.values:
        messages.error(request, _("Unknown state."))
        return _overview(cycle)
    if to_state == CycleState.PUBLISHED and request.method == "GET":
        return redirect("reviews:publish", year=cycle.year)
    return _step(request, cycle, to_state)


@login_required
@require_http_methods(["GET", "POST"])
def publish(request, year):
    return _step(request, _manager_cycle(request, year), CycleState.PUBLISHED)
