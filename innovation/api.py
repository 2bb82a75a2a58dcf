"""The versioned API's router: apps register their viewsets here."""

from rest_framework.routers import DefaultRouter

from governments.api.views import LocalGovernmentViewSet

router = DefaultRouter()
router.register("governments", LocalGovernmentViewSet, basename="government")
