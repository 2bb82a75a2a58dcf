import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innovation.settings.production")
application = get_wsgi_application()


def _freeze_startup_objects() -> None:
    """Import every view now and move what start-up allocated (modules, classes, the URL
    resolver, translations: well over 100,000 objects that live as long as the process) out of
    the garbage collector's reach. Otherwise every full collection walks them all, and a request
    that triggers one pays for it (docs/performance.md)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (imports the URLconf and so every view)
    gc.collect()
    gc.freeze()


_freeze_startup_objects()
