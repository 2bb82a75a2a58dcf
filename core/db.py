"""Read replicas for the public pages (DESIGN.md §9: "one PostgreSQL with read replicas").

``ReplicaRouter`` sends reads to one of ``DATABASE_READ_REPLICAS`` only while a request for one of
``DATABASE_REPLICA_VIEWS`` is being answered (``ReplicaMiddleware`` marks it); everything else —
every write, every read of a signed-in user's work, every read inside a service — uses ``default``,
so nobody reads their own write from a replica that has not caught up. Migrations run on
``default`` only (replicas follow it)."""

from __future__ import annotations

import contextvars
import random

from django.conf import settings

_reading_from_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("reading_from_replica", default=False)

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def replicas() -> list[str]:
    return list(getattr(settings, "DATABASE_READ_REPLICAS", []))


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reading_from_replica.get():
            choices = replicas()
            if choices:
                return random.choice(choices)
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas hold the same rows as default

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaMiddleware:
    """Marks safe requests to the public views listed in ``DATABASE_REPLICA_VIEWS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            token = request.__dict__.pop("_replica_token", None)
            if token is not None:
                _reading_from_replica.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in SAFE_METHODS or not replicas() or "_replica_token" in request.__dict__:
            return None
        match = request.resolver_match
        if match is not None and match.view_name in getattr(settings, "DATABASE_REPLICA_VIEWS", ()):
            request._replica_token = _reading_from_replica.set(True)
        return None
