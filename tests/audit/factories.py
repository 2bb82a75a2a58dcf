import factory

from audit.models import AREA_OF, Action, AuditEvent
from tests.accounts.factories import ManagerFactory


class AuditEventFactory(factory.django.DjangoModelFactory):
    """An event as ``audit.services.record`` writes it (of a cycle state change by default)."""

    class Meta:
        model = AuditEvent

    actor = factory.SubFactory(ManagerFactory)
    action = Action.CYCLE_STATE_CHANGED
    area = factory.LazyAttribute(lambda o: AREA_OF[o.action])
    target_type = "cases.awardcycle"
    target_id = factory.Sequence(str)
    target_label = factory.Sequence(lambda n: f"{2100 + n} Awards")
