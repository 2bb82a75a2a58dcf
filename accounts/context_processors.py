from django.conf import settings


def session_timeout(request):
    """What the idle-timeout warning (static/js/session-timeout.js) needs on every signed-in page."""
    seconds_left = getattr(request, "session_seconds_left", None)
    if seconds_left is None:
        return {}
    return {
        "session_timeout": {
            "seconds_left": seconds_left,
            "warn_before": settings.SESSION_WARNING_BEFORE,
            "idle_minutes": settings.SESSION_IDLE_TIMEOUT // 60,
        }
    }
