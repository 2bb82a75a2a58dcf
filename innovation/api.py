"""The versioned API's router: each app registers its viewsets here (one line per viewset)."""

from rest_framework.routers import DefaultRouter

from governments.api.views import LocalGovernmentViewSet

router = DefaultRouter()
router.register("governments", LocalGovernmentViewSet, basename="government")
