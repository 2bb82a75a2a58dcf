import pytest

from cases.models import CaseEvent, CaseState, InnovationCase
from cases.workflow import ALLOWED_TRANSITIONS, WorkflowError, transition
from tests.accounts.factories import ManagerFactory
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db

EDGES = [(source, target) for source in CaseState.values for target in CaseState.values if source != target]


def _case_in(state):
    case = CaseFactory(submitted=True)
    InnovationCase.objects.filter(pk=case.pk).update(state=state)
    case.refresh_from_db()
    return case


@pytest.mark.parametrize(("source", "target"), [e for e in EDGES if e[1] in ALLOWED_TRANSITIONS[e[0]]])
def test_allowed_transition_changes_state_and_records_event(source, target):
    case = _case_in(source)
    manager = ManagerFactory()
    transition(case, to_state=target, actor=manager, message="why")
    assert case.state == target
    event = CaseEvent.objects.get(case=case)
    assert (event.kind, event.from_state, event.to_state, event.actor, event.message) == (
        "transition",
        source,
        target,
        manager,
        "why",
    )


@pytest.mark.parametrize(("source", "target"), [e for e in EDGES if e[1] not in ALLOWED_TRANSITIONS[e[0]]])
def test_refused_transition_changes_nothing(source, target):
    case = _case_in(source)
    with pytest.raises(WorkflowError, match="cannot become"):
        transition(case, to_state=target, actor=ManagerFactory())
    assert InnovationCase.objects.get(pk=case.pk).state == source
    assert CaseEvent.objects.count() == 0


def test_the_documented_edges():
    assert {k: sorted(v) for k, v in ALLOWED_TRANSITIONS.items()} == {
        "draft": ["submitted", "withdrawn"],
        "submitted": ["in_review", "withdrawn"],
        "in_review": ["awarded", "not_awarded", "revision_requested"],
        "revision_requested": ["in_review", "submitted"],  # answered, or the request withdrawn
        "awarded": [],
        "not_awarded": [],
        "withdrawn": [],
    }
