import factory
from django.utils import timezone

from outbox.models import MessageState, OutboxMessage


class OutboxMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboxMessage

    kind = "test.notice"
    to = factory.Sequence(lambda n: f"person{n}@example.go.kr")
    language = "en"
    subject = factory.Sequence(lambda n: f"Notice {n}")
    body = "Dear person,\n\nSomething happened.\n"
    state = MessageState.PENDING
    next_attempt_at = factory.LazyFunction(timezone.now)
