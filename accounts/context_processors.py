from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import permissions

# (url name, label, who sees it). URLs not yet built by a later app are skipped.
NAVIGATION = [
    ("home", _("Home"), None),
    ("cases:practice_list", _("Awarded practices"), None),
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
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        current = request.path == url if url == "/" else request.path.startswith(url)
        items.append({"url": url, "label": label, "current": current})
    return {"main_navigation": items}
