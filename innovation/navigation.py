"""The main menu: one entry per area, shown to the roles that use it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts import permissions

# (url name, label, who sees it)
NAVIGATION = [
    ("home", _("Home"), None),
    ("practices:practice_list", _("Awarded practices"), None),
    ("dashboard:index", _("Statistics"), None),
    ("cases:my_cases", _("My cases"), permissions.is_submitter),
    ("reviews:my_assignments", _("My reviews"), permissions.is_reviewer),
    ("reviews:manage", _("Manage awards"), permissions.is_manager),
    ("api-root", _("Open API"), None),
]


def navigation(request):
    user = getattr(request, "user", None)
    items = []
    for url_name, label, allowed in NAVIGATION:
        if allowed is not None and not allowed(user):
            continue
        url = reverse(url_name)
        current = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "current": current})
    return {"main_navigation": items}
