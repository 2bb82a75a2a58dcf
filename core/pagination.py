"""A paginator for pages a person clicks through: it counts at most ``cap`` rows, so that a list
of a million rows costs a bounded count and not a second full scan (nobody clicks to page 80,000;
the page says there are more and suggests narrowing the search)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """``count_by``: the column the bounded count selects (one that the filters' indexes hold lets
    PostgreSQL count from the index alone). ``remember`` (optional) is given the counting function
    and returns the count: a cache of counts under the data's revision (``core.revisions``)."""

    def __init__(self, object_list, per_page, *, cap: int, count_by: str = "pk", remember=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap
        self.count_by = count_by
        self.remember = remember

    @cached_property
    def count(self) -> int:
        if not isinstance(self.object_list, QuerySet):  # a list already in memory
            return min(len(self.object_list), self.cap + 1)

        def counted() -> int:
            bounded = self.object_list.order_by().values(self.count_by)[: self.cap + 1]
            return min(bounded.count(), self.cap + 1)

        return self.remember(counted) if self.remember else counted()

    @property
    def capped(self) -> bool:
        """More rows than ``cap``: pages beyond the cap are not offered."""
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        if self.capped:
            return -(-self.cap // self.per_page)
        return super().num_pages
