from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from accounts import views as account_views

from . import views
from .api import router

api_v1 = [
    path("stats/", include("dashboard.api.urls")),
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("api/v1/", include(api_v1)),
    path("admin/", admin.site.urls),
    path("", views.home, name="home"),
    path("accounts/", include("accounts.urls")),
    path("manage/audit/", views.audit_log, name="audit_log"),
    path("", include("practices.urls")),
    path("", include("cases.urls")),
    path("reviews/", include("reviews.urls")),
    path("", include("afterward.urls")),
    path("dashboard/", include("dashboard.urls")),
]

handler400 = "innovation.views.bad_request"
handler403 = "innovation.views.permission_denied"
handler404 = "innovation.views.page_not_found"
handler500 = "innovation.views.server_error"
