"""The versioned API's router: each app registers its viewsets here (one line per viewset)."""

from rest_framework.routers import DefaultRouter

from afterward.api import views as afterward_api
from cases.api.views import CaseViewSet
from governments.api.views import LocalGovernmentViewSet
from reviews.api import views as reviews_api

router = DefaultRouter()
router.register("governments", LocalGovernmentViewSet, basename="government")
router.register("cases", CaseViewSet, basename="case")
router.register("reviews", reviews_api.ReviewViewSet, basename="review")
router.register("review-assignments", reviews_api.AssignmentViewSet, basename="review-assignment")
router.register("award-decisions", reviews_api.DecisionViewSet, basename="award-decision")
router.register("review-cycles", reviews_api.ReviewCycleViewSet, basename="review-cycle")
router.register("follow-up-reports", afterward_api.FollowUpReportViewSet, basename="follow-up-report")
router.register("adoptions", afterward_api.AdoptionViewSet, basename="adoption")
