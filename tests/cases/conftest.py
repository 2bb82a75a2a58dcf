import pytest

from tests.accounts.factories import SubmitterFactory
from tests.cases.factories import AwardCycleFactory


@pytest.fixture
def submitter(db):
    """A submitter of a city (made by the factory)."""
    return SubmitterFactory()


@pytest.fixture
def cycle(db):
    """An open cycle: submissions opened yesterday and close in 30 days."""
    return AwardCycleFactory()
