"""The main menu: one entry per area, shown to the roles that use it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.rules import allowed

# (url name, label, the rule that shows it: None for everyone)
NAVIGATION = [
    ("home", _("Home"), None),
    ("practices:practice_list", _("Awarded practices"), None),
    ("dashboard:index", _("Statistics"), None),
    ("cases:my_cases", _("My cases"), "cases.view_own_cases"),
    ("reviews:my_assignments", _("My reviews"), "reviews.review_cases"),
    ("afterward:index", _("Follow-ups"), "afterward.view_follow_ups"),
    ("reviews:manage", _("Manage awards"), "reviews.manage_awards"),
    ("accounts:manage_staff", _("Staff"), "accounts.view_staff"),
    ("audit_log", _("Audit log"), "innovation.view_audit"),
    ("api-root", _("Open API"), None),
]


def navigation(request):
    user = getattr(request, "user", None)
    items = []
    for url_name, label, rule in NAVIGATION:
        if rule is not None and not allowed(user, rule):
            continue
        url = reverse(url_name)
        current = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "current": current})
    return {"main_navigation": items}
