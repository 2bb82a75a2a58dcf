import django_filters
from django.db.models import Q

from core.filters import StrictBooleanFilter
from governments.models import LocalGovernment, Tier


class LocalGovernmentFilter(django_filters.FilterSet):
    tier = django_filters.MultipleChoiceFilter(choices=Tier.choices)
    parent = django_filters.CharFilter(field_name="parent__code", label="Parent government code")
    search = django_filters.CharFilter(method="filter_search", label="Name or code contains")
    is_active = StrictBooleanFilter(label="Active (true or false)")

    class Meta:
        model = LocalGovernment
        fields = ["tier", "parent", "is_active"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(name_local__icontains=value) | Q(code=value))
