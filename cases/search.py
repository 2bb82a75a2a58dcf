"""What the practices search looks in, in one place.

``CASE_TEXT_FIELDS`` lists the case's own texts (both languages) with their full-text weight
(A ranks highest); ``GOVERNMENT_TEXT`` the government's and its parent's names. On PostgreSQL the
database keeps, for every case, a ``tsvector`` of these texts (a word matches a word that starts
with it) and a lower-cased, unaccented ``search_document`` of the short texts (``SUBSTRING_FIELDS``
and the names) for the trigram index (a word matches anywhere inside them). The trigger that keeps
both is generated from these lists (cases/derived.py), and ``migrate`` recomputes every case when a
list changes. On SQLite the search is a plain ``icontains`` over ``SEARCH_FIELDS``. To search a new
field, add it here and run ``migrate``."""

from __future__ import annotations

CASE_TEXT_FIELDS: list[tuple[str, str]] = [
    ("title", "A"),
    ("title_local", "A"),
    ("summary", "B"),
    ("summary_local", "B"),
    ("description", "C"),
    ("description_local", "C"),
]
# (alias in the trigger's government lookup, ORM path from the case), weight D.
GOVERNMENT_TEXT: list[tuple[str, str]] = [
    ("name", "government__name"),
    ("name_local", "government__name_local"),
    ("parent_name", "government__parent__name"),
    ("parent_name_local", "government__parent__name_local"),
]
GOVERNMENT_WEIGHT = "D"
# Case fields also matched inside words (trigram index on PostgreSQL); long texts are left out.
SUBSTRING_FIELDS = ("title", "title_local", "summary", "summary_local")

SEARCH_FIELDS = (*(field for field, _weight in CASE_TEXT_FIELDS), *(path for _alias, path in GOVERNMENT_TEXT))
