from rest_framework import viewsets

from governments.api.filters import LocalGovernmentFilter
from governments.api.serializers import LocalGovernmentSerializer
from governments.models import LocalGovernment


class LocalGovernmentViewSet(viewsets.ReadOnlyModelViewSet):
    """The registry of local governments (public, read-only). Looked up by KOSTAT code."""

    queryset = LocalGovernment.objects.select_related("parent").order_by("code")
    serializer_class = LocalGovernmentSerializer
    filterset_class = LocalGovernmentFilter
    lookup_field = "code"
