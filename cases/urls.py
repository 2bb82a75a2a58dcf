"""The cases app's pages: the public practices and the submitters' own cases share one namespace."""

from .urls_public import urlpatterns as public_urlpatterns
from .urls_submitter import urlpatterns as submitter_urlpatterns

app_name = "cases"

urlpatterns = [*public_urlpatterns, *submitter_urlpatterns]
