"""Pages for municipal staff: my cases, the sectioned case form, submit, withdraw, attachments,
and the permission-checked attachment download. Thin: forms validate, services write."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import kept_input
from core.errors import ApplicationError
from core.forms import add_refusal
from core.pages import local_url, set_language_return_url, switch_language
from core.rules import allowed, refusal_message

from .forms import SECTION_SLUGS, SECTIONS, SECTIONS_BY_SLUG, BasicsForm, NewCaseForm, WithdrawForm
from .models import CaseState, InnovationCase, RevisionRequest
from .selectors import (
    case_history,
    get_visible_case,
    open_cycles,
    open_revision_request,
    own_government_cases,
    revision_thread,
)
from .services import create_draft, remove_attachment, submission_problems, submit_case, withdraw_case
from .uploads import download_name

CSS_CLASSES = {
    CaseState.DRAFT: "outline-gray",
    CaseState.SUBMITTED: "outline-primary",
    CaseState.IN_REVIEW: "outline-secondary",
    CaseState.REVISION_REQUESTED: "outline-point",
    CaseState.AWARDED: "primary",
    CaseState.NOT_AWARDED: "gray",
    CaseState.WITHDRAWN: "gray",
}


def _own_case(request, pk) -> InnovationCase:
    """The submitter's own government's case, or 404 for everyone else (existence must not leak)."""
    if not allowed(request.user, "cases.view_own_cases"):
        raise Http404("No such case")
    return get_object_or_404(
        own_government_cases(request.user).select_related("cycle", "government__parent", "purpose"), pk=pk
    )


def _steps(case, current: str) -> list[dict]:
    index = SECTION_SLUGS.index(current)
    return [
        {
            "slug": slug,
            "title": title,
            "number": number,
            "url": reverse("cases:case_edit", args=[case.pk, slug]) if case else "",
            "state": "active" if number - 1 == index else ("done" if number - 1 < index else ""),
        }
        for number, (slug, title) in enumerate(((entry.slug, entry.title) for entry in SECTIONS), start=1)
    ]


def _next_section(section: str) -> str:
    index = SECTION_SLUGS.index(section)
    return SECTION_SLUGS[min(index + 1, len(SECTION_SLUGS) - 1)]


def _after_saving(request, default_url: str):
    """Where to go once the form is saved: the page "Save and go on" asked for (a page of this site,
    static/js/unsaved_changes.js), else ``default_url``; in the language it asked for, if any."""
    response = redirect(local_url(request, request.POST.get("go_to", "")) or default_url)
    return switch_language(response, request.POST.get("then_language", ""))


def _restored_input(request, *, files_only: bool = False) -> QueryDict | None:
    """The input sent when the session had ended, back in the form after the sign-in (for a file
    upload only the names of the files, which are asked for again)."""
    kept = kept_input.take(request)
    if kept is None:
        return None
    if not files_only:
        messages.warning(
            request,
            _("You were signed out before this was saved. What you typed is back in the form: check it and save."),
        )
    for name in kept.file_names:
        messages.warning(request, _("Files cannot be kept over a sign-in: choose “%(name)s” again.") % {"name": name})
    return kept.data


@login_required
@require_GET
def my_cases(request):
    if not allowed(request.user, "cases.view_own_cases"):
        raise Http404("Only for municipal staff")
    cases = list(
        own_government_cases(request.user)
        .select_related("cycle", "purpose")
        .prefetch_related(
            Prefetch(
                "revision_requests",
                queryset=RevisionRequest.objects.filter(state=RevisionRequest.State.OPEN).select_related(
                    "requested_by"
                ),
                to_attr="open_requests",
            )
        )
        .order_by("-cycle__year", "-updated_at", "-id")
    )
    for case in cases:
        case.badge_class = CSS_CLASSES.get(case.state, "outline-gray")
        case.editable = allowed(request.user, "cases.edit_case", case)
        case.open_request = case.open_requests[0] if case.open_requests else None
    return render(
        request,
        "cases/my_cases.html",
        {"cases": cases, "open_cycles": open_cycles(), "government": request.user.government},
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_new(request):
    if not allowed(request.user, "cases.view_own_cases"):
        raise Http404("Only for municipal staff")
    cycles = open_cycles()
    if not cycles:
        messages.warning(request, _("No award cycle is accepting submissions at the moment."))
        return redirect("cases:my_cases")
    data = request.POST if request.method == "POST" else _restored_input(request)
    form = NewCaseForm(data, cycles=cycles)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in BasicsForm.Meta.fields}
        try:
            case = create_draft(actor=request.user, cycle=form.cleaned_data["cycle"], fields=fields)
        except ApplicationError as refused:
            add_refusal(form, refused)
        else:
            messages.success(request, _("Draft saved."))
            section = "purpose" if "continue" in request.POST else "basics"
            return _after_saving(request, reverse("cases:case_edit", args=[case.pk, section]))
    return render(
        request,
        "cases/case_form.html",
        {
            "case": None,
            "section": "basics",
            "section_title": SECTIONS[0].title,
            "steps": _steps(None, "basics"),
            "form": form,
            "government": request.user.government,
            "cycles": cycles,
        },
    )


def _refusal_to_forms(forms: dict, refused: ApplicationError) -> None:
    target = forms.get("form") or forms.get("upload_form")
    if target is not None:
        add_refusal(target, refused)
    else:
        forms["refusal"] = refused.all_messages()


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request, pk, section):
    case = _own_case(request, pk)
    if section not in SECTIONS_BY_SLUG:
        raise Http404("No such section")
    entry = SECTIONS_BY_SLUG[section]
    if not allowed(request.user, "cases.edit_case", case):
        messages.warning(request, _("This case can no longer be changed."))
        return redirect("cases:case_detail", case.pk)
    is_post = request.method == "POST"
    restored = None if is_post else _restored_input(request, files_only=section == "attachments")
    if section == "attachments":
        restored = None  # only the kind of a file would come back; its file is asked for again
    forms = entry.forms(case, request.POST if is_post else restored, request.FILES if is_post else None)
    status = 200
    next_url = reverse("cases:case_edit", args=[case.pk, _next_section(section)])
    if is_post and entry.save is not None:
        if section == "attachments" and "upload" not in request.POST and not request.FILES.get("file"):
            return _after_saving(request, next_url)  # "Continue" with no file chosen: nothing to upload
        valid = all(item.is_valid() for item in forms.values())
        if valid:
            try:
                entry.save(actor=request.user, case=case, forms=forms)
            except ApplicationError as refused:
                _refusal_to_forms(forms, refused)
                status = 400
            else:
                this_url = reverse("cases:case_edit", args=[case.pk, section])
                if section == "attachments":
                    # "Continue" with a chosen file uploads it first: a chosen file is never dropped.
                    messages.success(request, _("File uploaded."))
                    return _after_saving(request, next_url if "continue" in request.POST else this_url)
                messages.success(request, _("Draft saved."))
                return _after_saving(request, next_url if "continue" in request.POST else this_url)
        else:
            status = 400
    context = {
        "case": case,
        "section": section,
        "section_title": entry.title,
        "steps": _steps(case, section),
        "government": case.government,
        "next_section": _next_section(section),
        **forms,
    }
    if section in ("attachments", "review"):
        context["attachments"] = case.attachments.all()
    if section == "review":
        context.update(_case_context(request, case))
        context["problems"] = submission_problems(request.user, case)
        context["open_request"] = open_revision_request(case)
    return render(request, "cases/case_form.html", context, status=status)


def _case_context(request, case: InnovationCase) -> dict:
    return {
        "obstacles": case.obstacles.select_related("obstacle_type"),
        "remedies": case.remedies.select_related("remedy_type"),
        "outcomes": case.outcomes.select_related("evidence_attachment"),
        "attachments": case.attachments.all(),
        "participant_kinds": case.participant_kinds.all(),
        "badge_class": CSS_CLASSES.get(case.state, "outline-gray"),
    }


@require_GET
def case_detail(request, pk):
    case = _own_case(request, pk)
    context = {
        "case": case,
        "history": case_history(case),
        "revision_requests": revision_thread(case),
        "open_request": open_revision_request(case),
        "can_edit": allowed(request.user, "cases.edit_case", case),
        "can_withdraw": allowed(request.user, "cases.withdraw_case", case),
        **_case_context(request, case),
    }
    return render(request, "cases/submitter_case_detail.html", context)


@login_required
@require_POST
def case_submit(request, pk):
    case = _own_case(request, pk)
    response_note = request.POST.get("response", "")
    try:
        submit_case(actor=request.user, case=case, response=response_note)
    except ApplicationError as refused:
        set_language_return_url(request, reverse("cases:case_edit", args=[case.pk, "review"]))
        context = {
            "case": case,
            "section": "review",
            "section_title": SECTIONS_BY_SLUG["review"].title,
            "steps": _steps(case, "review"),
            "government": case.government,
            "refusal": refused.message,
            "problems": refused.problems,
            "open_request": open_revision_request(case),
            "response_note": response_note,  # kept: what was typed is not lost on a refusal
            "response_errors": refused.fields.get("response", []) if refused.fields else [],
            **_case_context(request, case),
        }
        return render(request, "cases/case_form.html", context, status=400)
    case.refresh_from_db()
    if case.state == CaseState.IN_REVIEW:
        messages.success(request, _("The case was resubmitted and is back with its reviewers."))
    else:
        messages.success(request, _("The case was submitted. Thank you."))
    return redirect("cases:case_detail", case.pk)


@login_required
@require_http_methods(["GET", "POST"])
def case_withdraw(request, pk):
    case = _own_case(request, pk)
    form = WithdrawForm(request.POST if request.method == "POST" else _restored_input(request))
    refusal = ""
    if request.method == "POST" and form.is_valid():
        try:
            withdraw_case(actor=request.user, case=case, message=form.cleaned_data["message"])
        except ApplicationError as refused:
            refusal = refused.message
        else:
            messages.success(request, _("The case was withdrawn."))
            return redirect("cases:case_detail", case.pk)
    else:
        refusal = refusal_message(request.user, "cases.withdraw_case", case) or ""
    status = 400 if refusal and request.method == "POST" else 200
    return render(
        request, "cases/submitter_withdraw.html", {"case": case, "form": form, "refusal": refusal}, status=status
    )


@login_required
@require_POST
def attachment_delete(request, pk, attachment_id):
    case = _own_case(request, pk)
    attachment = get_object_or_404(case.attachments, pk=attachment_id)
    try:
        remove_attachment(actor=request.user, case=case, attachment=attachment)
    except ApplicationError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("“%(name)s” was removed.") % {"name": attachment.original_name})
    return HttpResponseRedirect(reverse("cases:case_edit", args=[case.pk, "attachments"]))


@require_GET
def attachment_download(request, pk, attachment_id):
    """The file, only to those who may see the case; everyone else gets 404."""
    case = get_visible_case(request.user, pk)
    attachment = get_object_or_404(case.attachments, pk=attachment_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("File missing") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(attachment.original_name, attachment.content_type),
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
