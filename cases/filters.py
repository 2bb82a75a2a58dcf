"""The filters of the awarded-practices page and of ``/api/v1/cases/`` (one FilterSet for both).

Visibility is applied by the caller (``selectors.public_cases`` / ``visible_cases``) before
filtering: every filter here only narrows the queryset it is given.

Text search (``q``): every word must occur in one of the searchable fields (case texts in both
languages, the government's and its parent's names). On PostgreSQL the matches are also ranked by
full-text search with the ``simple`` configuration (no stemming, so Korean words work) and word
prefixes, best first; on SQLite the match is a plain case-insensitive ``contains``.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import and_, or_

import django_filters
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from governments.models import Tier

from .models import (
    AwardCycle,
    CaseObstacle,
    CaseRemedy,
    CaseState,
    InnovationCase,
    ObstacleType,
    ParticipationLevel,
    Purpose,
    RemedyType,
)

MAX_YEAR = 9999
SEARCH_FIELDS = (
    "title",
    "title_local",
    "summary",
    "summary_local",
    "description",
    "description_local",
    "ict_description",
    "ict_description_local",
    "government__name",
    "government__name_local",
    "government__parent__name",
    "government__parent__name_local",
)
# At most this many words of a query are used (a query is typed by a person, not a script).
MAX_SEARCH_WORDS = 8
WORD = re.compile(r"\w+")


def search_words(text: str) -> list[str]:
    """The words of a search query: letters and digits of any script, punctuation dropped."""
    return WORD.findall(text or "")[:MAX_SEARCH_WORDS]


def text_search(queryset: QuerySet[InnovationCase], text: str) -> QuerySet[InnovationCase]:
    words = search_words(text)
    if not words:
        return queryset
    every_word = reduce(
        and_, (reduce(or_, (Q(**{f"{field}__icontains": word}) for field in SEARCH_FIELDS)) for word in words)
    )
    queryset = queryset.filter(every_word)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        # Prefix query over the words ("철새:* & bird:*"); the words contain no tsquery operators.
        query = SearchQuery(" & ".join(f"{word}:*" for word in words), config="simple", search_type="raw")
        vector = SearchVector(*SEARCH_FIELDS, config="simple")
        queryset = queryset.annotate(search_rank=SearchRank(vector, query)).order_by(
            "-search_rank", *InnovationCase._meta.ordering
        )
    return queryset


class CycleYearField(django_filters.fields.ModelMultipleChoiceField):
    def label_from_instance(self, obj: AwardCycle) -> str:
        return str(obj.year)

    def _check_values(self, value):
        # Refuse what cannot be a year before it reaches the database: a 20-digit number overflows
        # SQLite's integers and PostgreSQL's smallint, which would be a server error, not a 400.
        for year in value:
            if not str(year).strip().isdigit() or not 1 <= int(year) <= MAX_YEAR:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": year}
                )
        return super()._check_values(value)


class CycleYearFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = CycleYearField


class CaseFilter(django_filters.FilterSet):
    cycle = CycleYearFilter(
        label=_("Cycle"),
        field_name="cycle__year",
        to_field_name="year",
        queryset=AwardCycle.objects.order_by("-year"),
        distinct=False,
    )
    tier = django_filters.MultipleChoiceFilter(label=_("Tier"), choices=Tier.choices, distinct=False)
    government = django_filters.CharFilter(label=_("Government (KOSTAT code)"), field_name="government__code")
    region = django_filters.CharFilter(
        label=_("Region (a government and the governments under it, by KOSTAT code)"), method="filter_region"
    )
    purpose = django_filters.ModelChoiceFilter(
        label=_("Purpose"), field_name="purpose", to_field_name="code", queryset=Purpose.objects.all()
    )
    ict = django_filters.BooleanFilter(label=_("ICT was the major means"), field_name="uses_ict")
    obstacle = django_filters.ModelChoiceFilter(
        label=_("Obstacle"), to_field_name="code", queryset=ObstacleType.objects.all(), method="filter_obstacle"
    )
    remedy = django_filters.ModelChoiceFilter(
        label=_("Remedy"), to_field_name="code", queryset=RemedyType.objects.all(), method="filter_remedy"
    )
    participation = django_filters.ChoiceFilter(
        label=_("Citizen participation"), field_name="participation_level", choices=ParticipationLevel.choices
    )
    state = django_filters.MultipleChoiceFilter(label=_("State"), choices=CaseState.choices, distinct=False)
    q = django_filters.CharFilter(label=_("Search"), method="filter_text", max_length=200)

    class Meta:
        model = InnovationCase
        fields = [
            "cycle",
            "tier",
            "government",
            "region",
            "purpose",
            "ict",
            "obstacle",
            "remedy",
            "participation",
            "state",
            "q",
        ]

    def filter_region(self, queryset, name, value):
        return queryset.filter(Q(government__code=value) | Q(government__parent__code=value))

    def filter_obstacle(self, queryset, name, value):
        return queryset.filter(Exists(CaseObstacle.objects.filter(case=OuterRef("pk"), obstacle_type=value)))

    def filter_remedy(self, queryset, name, value):
        return queryset.filter(Exists(CaseRemedy.objects.filter(case=OuterRef("pk"), remedy_type=value)))

    def filter_text(self, queryset, name, value):
        return text_search(queryset, value)
