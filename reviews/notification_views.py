"""Managers' page of the notifications that could not be delivered: see why, send them again."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from core.errors import ApplicationError
from core.rules import allowed
from outbox import selectors

from .outbox import resend_notifications

KIND_LABELS = {
    "reviews.assignment": gettext_lazy("Review assignment"),
    "reviews.revision": gettext_lazy("Revision request"),
    "reviews.revision_withdrawn": gettext_lazy("Revision request withdrawn"),
    "reviews.recusal": gettext_lazy("Reviewer declared a conflict"),
    "reviews.decision": gettext_lazy("Decision"),
    "reviews.published": gettext_lazy("Results published"),
}


def kind_label(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def notifications(request):
    if not allowed(request.user, "reviews.manage_awards"):
        raise Http404("Not found")
    failed = selectors.failed_messages()
    if request.method == "POST":
        chosen = failed if "all" in request.POST else failed.filter(pk__in=_ids(request.POST.getlist("message")))
        try:
            count = resend_notifications(actor=request.user, messages=list(chosen))
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            if count:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d notification is queued to be sent again.",
                        "%(count)d notifications are queued to be sent again.",
                        count,
                    )
                    % {"count": count},
                )
            else:
                messages.warning(request, _("Choose at least one notification to send again."))
        return redirect("reviews:notifications")
    page = Paginator(failed.select_related("recipient"), 50).get_page(request.GET.get("page"))
    for message in page:
        message.kind_label = kind_label(message.kind)
    return render(request, "reviews/notifications.html", {"page": page, "summary": selectors.summary()})


def _ids(values: list[str]) -> list[int]:
    return [int(value) for value in values if value.isdigit()]
