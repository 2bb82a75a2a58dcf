"""Public pages: awarded practices (list with search and filters, detail), citizen feedback and its
moderation, open-data downloads. Views stay thin: reads in ``selectors``, writes in ``services``,
filters in ``cases.filters`` (shared with the cases API)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.db import router
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.filters import CaseFilter
from cases.models import AwardCycle, ObstacleType, ParticipationLevel, Purpose, RemedyType
from cases.search import RANK_CAP, RankedResults, is_ranked
from core import revisions
from core.batched import read_together
from core.errors import ApplicationError
from core.forms import add_refusal
from core.pages import set_language_return_url
from core.pagination import CappedPaginator
from core.rules import allowed
from core.templatetags.error_summary import summary_items
from governments.models import LocalGovernment

from . import opendata
from . import selectors as public
from .extensions import detail_sections
from .forms import FeedbackForm, ModerationForm
from .models import CitizenFeedback, ModerationState
from .services import (
    client_for_request,
    give_feedback,
    moderate_feedback,
    new_form_token,
    visitor_for_request,
)

PAGE_SIZE = 12
# The list counts at most this many practices (a bounded count, not a scan of every match).
COUNT_CAP = 1_000
# The practices page does not offer the API's ``state`` filter: every practice is awarded.
PAGE_FILTERS = ("q", "cycle", "tier", "region", "government", "purpose", "ict", "obstacle", "remedy", "participation")


def _page_numbers(page) -> list[int | None]:
    """Page numbers to link: first, last and two around the current one; ``None`` marks a gap."""
    total, current = page.paginator.num_pages, page.number
    shown = sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def _filter_choices() -> dict[str, list]:
    """The rows the filter form offers (small tables, cached under the revision), read in one round
    trip (``core.batched``) and kept as unsaved instances for their labels."""
    taxonomies = {"purposes": Purpose, "obstacles": ObstacleType, "remedies": RemedyType}
    reads = [
        public.published_cycles().values("year"),
        # Provinces and metropolitan cities have no parent (a constraint): their name is their own.
        public.regions().values("code", "name", "name_local"),
        *(model.objects.filter(is_active=True).values("code", "name", "name_local") for model in taxonomies.values()),
    ]
    cycles, regions, *rows = read_together(reads, using=router.db_for_read(Purpose))
    return {
        "cycles": [AwardCycle(**row) for row in cycles],
        "regions": [LocalGovernment(**row) for row in regions],
        **{
            name: [model(**row) for row in found] for (name, model), found in zip(taxonomies.items(), rows, strict=True)
        },
    }


def _choice_pairs(rows: dict[str, list], form) -> dict[str, list[tuple]]:
    """Each filter's (value, label) pairs, labels in the request's language."""
    return {
        "cycles": [(cycle.year, cycle.year) for cycle in rows["cycles"]],
        "tiers": list(form.fields["tier"].choices),
        "regions": [(government.code, government.display_name) for government in rows["regions"]],
        **{name: [(row.code, row.label) for row in rows[name]] for name in ("purposes", "obstacles", "remedies")},
        "participation": ParticipationLevel.choices,
    }


@require_GET
def practice_list(request):
    data = request.GET.copy()
    for name in list(data):
        values = [value for value in data.getlist(name) if value.strip()]
        if name in PAGE_FILTERS and values:
            data.setlist(name, values)
        else:
            data.pop(name)  # empty fields of the form and unknown parameters do not filter
    # The revision first (core.revisions): the page's content — a pure function of the language,
    # the filters and the page number — is cached under it, and so are the filter choices and the
    # count of each filter; after any write the next request shows that write.
    revision = revisions.current()
    query = data.urlencode()
    number = request.GET.get("page")
    listing = revisions.remember(
        revision,
        "practices-listing",
        (get_language(), query, number),
        lambda: _listing(request, data, query, number, revision),
    )
    return render(request, "practices/list.html", {"listing": listing})


def _listing(request, data, query: str, number: str | None, revision: str | None) -> tuple[str, str]:
    """The page's error summary and its content (the filter form and a page of results), as HTML."""
    filterset = CaseFilter(data or None, queryset=public.practice_list(), request=request)
    results = filterset.qs
    ranked = is_ranked(results)
    if ranked:  # one query for the ranked set; a page then reads its twelve rows by id
        results = RankedResults(results, public.practice_list())
    paginator = CappedPaginator(
        results,
        PAGE_SIZE,
        cap=COUNT_CAP,
        count_by="sort_key",  # in every list index: the count reads the index alone
        remember=lambda count: revisions.remember(revision, "practices-count", query, count),
    )
    page = paginator.get_page(number)
    form = filterset.form
    context = {
        "form": form,
        "page": page,
        "page_numbers": _page_numbers(page),
        "query": query,
        "filtered": bool(query),
        "count_cap": COUNT_CAP,
        "rank_capped": ranked and paginator.count >= RANK_CAP,
        "rank_cap": RANK_CAP,
        "filter_count": len(data),
        "choices": _choice_pairs(revisions.remember(revision, "practices-choices", (), _filter_choices), form),
        "selected": {
            "q": data.get("q", ""),
            "cycles": data.getlist("cycle"),
            "tiers": data.getlist("tier"),
            "region": data.get("region", ""),
            "purpose": data.get("purpose", ""),
            "ict": data.get("ict", ""),
            "obstacle": data.get("obstacle", ""),
            "remedy": data.get("remedy", ""),
            "participation": data.get("participation", ""),
        },
    }
    summary = render_to_string("includes/error_summary.html", {"items": summary_items([form])})
    return summary, render_to_string("practices/list_content.html", context, request=request)


def _decision(case):
    """The award decision of the case (reviews app), or ``None`` when there is none yet."""
    try:
        return case.decision
    except (ObjectDoesNotExist, AttributeError):
        return None


def _detail_context(request, case, form=None) -> dict:
    visitor = visitor_for_request(request)
    if form is None:
        form = FeedbackForm(initial={"visitor_token": "" if visitor else new_form_token()})
    return {
        "case": case,
        "decision": _decision(case),
        "counts": public.feedback_counts(case),
        "comments": public.approved_comments(case),
        "answer": public.visitor_answer(case, visitor),
        "form": form,
        "can_moderate": allowed(request.user, "practices.moderate_feedback"),
        "extra_sections": detail_sections(request, case),
    }


def _public_case(pk):
    return get_object_or_404(public.practice_detail(), pk=pk)


@require_GET
def practice_detail(request, pk: int):
    case = _public_case(pk)
    return render(request, "practices/detail.html", _detail_context(request, case))


@require_POST
def practice_feedback(request, pk: int):
    case = _public_case(pk)
    set_language_return_url(request, f"{case_url(case)}#feedback")  # this address answers POST only
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(request, "practices/detail.html", _detail_context(request, case, form), status=400)
    visitor = visitor_for_request(request, form_token=form.cleaned_data["visitor_token"])
    if visitor is None:  # no session and no valid page token: cookies off, or a page from yesterday
        form.add_error(
            None, _("Your answer could not be matched to this visit. Please reload the page and answer again.")
        )
        return render(request, "practices/detail.html", _detail_context(request, case, form), status=400)
    try:
        feedback = give_feedback(
            case=case,
            visitor=visitor,
            felt=form.cleaned_data["felt"],
            comment=form.cleaned_data["comment"],
            honeypot=form.cleaned_data["website"],
            client=client_for_request(request),
            user=request.user,
        )
    except ApplicationError as error:
        if error.code == "duplicate":
            messages.info(request, error.message)
            return redirect(f"{case_url(case)}#feedback")
        add_refusal(form, error)
        return render(request, "practices/detail.html", _detail_context(request, case, form), status=error.status)
    if feedback is not None and feedback.comment:
        messages.success(
            request, _("Thank you for your answer. Your comment will appear once a moderator has read it.")
        )
    else:
        messages.success(request, _("Thank you for your answer."))
    return redirect(f"{case_url(case)}#feedback")


def case_url(case) -> str:
    return reverse("practices:practice_detail", args=[case.pk])


@require_GET
def moderation_queue(request):
    if not allowed(request.user, "practices.moderate_feedback"):
        raise Http404("No such page")
    return render(request, "practices/moderation.html", {"pending": public.pending_comments()})


@require_POST
def moderate(request, pk: int):
    if not allowed(request.user, "practices.moderate_feedback"):
        raise Http404("No such page")
    feedback = get_object_or_404(CitizenFeedback.objects.exclude(moderation=ModerationState.NONE), pk=pk)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Approve or reject the comment."))
        return redirect("practices:feedback_moderation")
    try:
        moderate_feedback(actor=request.user, feedback=feedback, decision=form.cleaned_data["decision"])
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        if form.cleaned_data["decision"] == ModerationState.APPROVED:
            messages.success(request, _("The comment is approved and now shown on the practice's page."))
        else:
            messages.success(request, _("The comment is rejected and will not be shown."))
    return redirect("practices:feedback_moderation")


@require_http_methods(["GET", "HEAD"])
def open_data(request):
    return render(
        request,
        "practices/open_data.html",
        {
            "count": public.practice_list().count(),
            "licence_name": opendata.LICENCE_NAME,
            "licence_url": opendata.LICENCE_URL,
            "licence_statement": opendata.LICENCE_STATEMENT,
            "registry_attribution": opendata.REGISTRY_ATTRIBUTION,
            "registry_note": opendata.REGISTRY_NOTE,
            "illustrative_note": opendata.ILLUSTRATIVE_NOTE,
            "columns": opendata.csv_headers().items(),
            "csv_keys_url": reverse("practices:open_data_csv") + "?header=keys",
        },
    )


def _download(content, *, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{opendata.LICENCE_URL}>; rel="license"'
    return response


@require_http_methods(["GET", "HEAD"])
def open_data_csv(request):
    base_url = request.build_absolute_uri("/")[:-1]
    return _download(
        opendata.iter_csv(base_url=base_url, header="keys" if request.GET.get("header") == "keys" else "labels"),
        content_type="text/csv; charset=utf-8",
        filename="innovation-awards-cases.csv",
    )


@require_http_methods(["GET", "HEAD"])
def open_data_json(request):
    base_url = request.build_absolute_uri("/")[:-1]
    return _download(
        opendata.iter_json(base_url=base_url),
        content_type="application/json; charset=utf-8",
        filename="innovation-awards-cases.json",
    )
