"""Keyset ("cursor") pages for ``/api/v1/cases/``: the next page starts after the last case of this
one in the list's order (``sort_key``), so page 1,000 costs what page 1 does — an index range scan,
never an ``OFFSET`` over the pages before it.

``next`` and ``previous`` are links with an opaque ``cursor``. ``count`` is exact up to
``COUNT_CAP`` and otherwise that cap, with ``count_capped`` true (counting a million rows to say
"a million" is a second scan that a page does not need). A ranked text search (``q`` on
PostgreSQL, at most ``cases.search.RANK_CAP`` results) pages by position instead."""

from __future__ import annotations

import base64
import binascii
import json

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from cases.search import RankedResults, is_ranked

COUNT_CAP = 1_000
CURSOR = "cursor"


def encode(position: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(position, separators=(",", ":")).encode()).decode().rstrip("=")


def decode(value: str) -> dict:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        position = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        position = None
    valid = isinstance(position, dict) and len(position) == 1
    if valid:
        ((kind, where),) = position.items()
        valid = (kind in ("after", "before") and isinstance(where, str) and 0 < len(where) <= 64) or (
            kind == "offset" and isinstance(where, int) and not isinstance(where, bool) and 0 <= where <= 10**6
        )
    if not valid:
        raise ValidationError({CURSOR: [_("This page link is not valid; start again from the first page.")]})
    return position


class CaseCursorPagination(BasePagination):
    page_size = settings.REST_FRAMEWORK.get("PAGE_SIZE", 50)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        raw = request.query_params.get(CURSOR)
        position = decode(raw) if raw else None
        ranked = is_ranked(queryset)
        if position is not None and ("offset" in position) != ranked:
            raise ValidationError({CURSOR: [_("This page link is not valid; start again from the first page.")]})
        self.next_position = self.previous_position = None
        size = self.page_size
        if ranked:
            # One query for the ranked set (at most RANK_CAP ids: its length is the count), then
            # the page's rows by id from the view's queryset without the search.
            base = view.get_queryset() if view is not None else queryset.model._default_manager.all()
            results = RankedResults(queryset, base)
            self.count = min(len(results), COUNT_CAP)
            self.capped = self.count == COUNT_CAP
            offset = position["offset"] if position else 0
            rows = results[offset : offset + size + 1]
            if len(rows) > size:
                self.next_position = {"offset": offset + size}
            if offset:
                self.previous_position = {"offset": max(0, offset - size)}
            return rows[:size]
        # sort_key, which every list index holds: the bounded count reads the index alone.
        self.count = min(queryset.order_by().values("sort_key")[: COUNT_CAP + 1].count(), COUNT_CAP)
        self.capped = self.count == COUNT_CAP
        if position is None or "after" in position:
            after = queryset.filter(sort_key__gt=position["after"]) if position else queryset
            rows = list(after.order_by("sort_key")[: size + 1])
            more_after, more_before = len(rows) > size, position is not None
            rows = rows[:size]
        else:
            rows = list(queryset.filter(sort_key__lt=position["before"]).order_by("-sort_key")[: size + 1])
            more_before, more_after = len(rows) > size, True
            rows = list(reversed(rows[:size]))
        if rows and more_after:
            self.next_position = {"after": rows[-1].sort_key}
        if rows and more_before:
            self.previous_position = {"before": rows[0].sort_key}
        return rows

    def _link(self, position):
        url = self.request.build_absolute_uri()
        if position is None:
            return None
        if position == {"offset": 0}:  # the first page of a ranked search
            return remove_query_param(url, CURSOR)
        return replace_query_param(url, CURSOR, encode(position))

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.count,
                "count_capped": self.capped,
                "next": self._link(self.next_position),
                "previous": self._link(self.previous_position),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "count_capped", "results"],
            "properties": {
                "count": {"type": "integer", "description": f"Matching cases, counted up to {COUNT_CAP:,}."},
                "count_capped": {"type": "boolean", "description": "True when there are at least that many."},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": CURSOR,
                "required": False,
                "in": "query",
                "description": "Where the page starts: take it from the `next` or `previous` link.",
                "schema": {"type": "string"},
            }
        ]
