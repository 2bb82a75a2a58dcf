"""Developer settings: debug on, SQLite by default, console email."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# `make run` collects the static files compressed (gzip, Brotli) and WhiteNoise serves those, as in
# production; a plain `manage.py runserver` keeps serving the source files so that edits show at once.
if env_bool("DJANGO_COMPRESSED_STATIC", False):
    STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}}
    WHITENOISE_USE_FINDERS = False
    WHITENOISE_AUTOREFRESH = False
