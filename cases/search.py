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

from collections.abc import Sequence

CASE_TEXT_FIELDS: list[tuple[str, str]] = [
    ("title", "A"),
    ("title_local", "A"),
    ("summary", "B"),
    ("summary_local", "B"),
    ("description", "C"),
    ("description_local", "C"),
    ("ict_description", "C"),
    ("ict_description_local", "C"),
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

# --- PostgreSQL ---------------------------------------------------------------------------------

# A word matching nearly every case is ranked among the first RANK_CAP matches in the list's order
# (the newest), not among all of them: ranking a million rows to show twelve is what made such a
# search take seconds. The list then says that it shows the best of the most recent matches.
RANK_CAP = 1000


def features(connection) -> set[str]:
    """The search extensions the database has (``cases.derived.extensions``), looked up once."""
    from .derived import extensions

    key = connection.settings_dict["NAME"]
    if key not in _FEATURES:
        _FEATURES[key] = extensions(connection)
    return _FEATURES[key]


def forget_features() -> None:
    _FEATURES.clear()


_FEATURES: dict[str, set[str]] = {}


def postgresql_search(queryset, words: list[str], connection):
    """Cases of ``queryset`` in which every word occurs, best first (at most ``RANK_CAP`` of them).

    A word occurs when a word of the case starts with it (full-text index) or, for words of three
    letters or more, when it is inside a title, summary or government name (trigram index)."""
    from django.contrib.postgres.search import SearchQueryField
    from django.db.models import BooleanField, F, FloatField, Func, Q, TextField, Value
    from django.db.models.functions import Lower

    available = features(connection)

    def fold(expression):
        if "unaccent" in available:  # cases.derived.install_search_functions
            return Func(expression, function="cases_unaccent", output_field=TextField())
        return expression

    def tsquery(text_expression):
        return Func(Value("simple"), text_expression, function="to_tsquery", output_field=SearchQueryField())

    class Infix(Func):
        template = "(%(expressions)s)"
        output_field = BooleanField()

    class Joined(Func):
        # text || text, without the COALESCE that Concat adds: the values are never NULL, and a
        # plain expression of constants is what the planner matches with the indexes.
        template = "(%(expressions)s)"
        arg_joiner = " || "
        output_field = TextField()

    class Matches(Infix):
        arg_joiner = " @@ "

    class Like(Infix):
        arg_joiner = " LIKE "

    conditions = []
    prefixes = []
    for word in words:
        prefix = Joined(fold(Value(word)), Value(":*"))
        prefixes.append(prefix)
        condition = Q(Matches(F("search_vector"), tsquery(prefix)))
        if len(word) >= 3:
            escaped = word.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%")
            pattern = Joined(Value("%"), Lower(fold(Value(escaped))), Value("%"))
            condition |= Q(Like(F("search_document"), pattern))
        conditions.append(condition)
    every = prefixes[0]
    for prefix in prefixes[1:]:
        every = Joined(every, Value(" & "), prefix)
    matches = queryset.filter(*conditions).order_by("sort_key")
    capped = matches.values("pk")[:RANK_CAP]
    rank = Func(F("search_vector"), tsquery(every), function="ts_rank", output_field=FloatField())
    ranked = queryset.filter(pk__in=capped).annotate(search_rank=rank).order_by("-search_rank", "sort_key")
    # For RankedResults: the capped matches with their rank in one pass over the rows (each search
    # vector is read once; the query above reads it again to rank), valid while nothing filters
    # the ranked queryset further (its WHERE is compared).
    ranked.query.ranked_matches = (
        matches.annotate(search_rank=rank).values_list("pk", "search_rank")[:RANK_CAP],
        ranked.query.where.clone(),
    )
    return ranked


class RankedResults(Sequence):
    """The matches of a ranked search (``postgresql_search``), best first, for a paginator.

    Their ids come from one query — the ranked set is at most ``RANK_CAP`` rows, so its length is
    the count — and a page then reads only its own rows from ``base`` (the same cases without the
    search, so that the capped search is not run again for the page or for a count)."""

    def __init__(self, ranked, base):
        matches, where = getattr(ranked.query, "ranked_matches", (None, None))
        if matches is not None and ranked.query.where == where:
            # (pk, rank) in the list's order: best first, ties in the list's order, as ``ranked``.
            rows = list(matches)
            order = sorted(range(len(rows)), key=lambda position: (-rows[position][1], position))
            self.ids = [rows[position][0] for position in order]
        else:
            self.ids = list(ranked.values_list("pk", flat=True))
        self.base = base

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1 or None][0]
        ids = self.ids[index]
        rows = self.base.in_bulk(ids) if ids else {}
        return [rows[pk] for pk in ids if pk in rows]


def is_ranked(queryset) -> bool:
    return "search_rank" in getattr(getattr(queryset, "query", None), "annotations", {})
