"""A paginator for pages a person clicks through: it counts at most ``cap`` rows, so that a list
of a million rows costs a bounded count and not a second full scan (nobody clicks to page 80,000;
the page says there are more and suggests narrowing the search)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        return min(self.object_list.order_by()[: self.cap + 1].count(), self.cap + 1)

    @property
    def capped(self) -> bool:
        """More rows than ``cap``: pages beyond the cap are not offered."""
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        if self.capped:
            return -(-self.cap // self.per_page)
        return super().num_pages
