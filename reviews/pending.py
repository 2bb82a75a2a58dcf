"""What is left to decide in a cycle: the one definition behind the overview's "Awaiting a decision",
the publication summary and the rule that refuses to publish (``reviews.publish_cycle``), so that
they cannot disagree."""

from __future__ import annotations

from django.db.models import QuerySet

from cases.models import AwardCycle, CaseState, InnovationCase

# Submitted cases that have no decision yet are in one of these states. A decided case stays "in
# review" until its cycle is published (the decision is confidential until then).
UNDECIDED_CASE_STATES = (CaseState.SUBMITTED, CaseState.IN_REVIEW, CaseState.REVISION_REQUESTED)


def cases_awaiting_decision(*cycles: AwardCycle) -> QuerySet[InnovationCase]:
    """The cycles' submitted cases without a decision, those out for revision included: a cycle
    cannot be published while one is left (it would come back into a cycle whose results are final)."""
    return InnovationCase.objects.filter(
        cycle__in=[cycle.pk for cycle in cycles], state__in=UNDECIDED_CASE_STATES, decision__isnull=True
    )
