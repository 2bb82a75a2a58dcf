import pytest
from django.core.management import call_command

from governments.services import REGISTRY_CSV, load_registry, read_registry_csv


@pytest.fixture
def registry(db):
    """The full 2006 registry of 246 governments, as the demo loads it."""
    load_registry(rows=read_registry_csv(REGISTRY_CSV))


@pytest.fixture
def demo_data(db):
    call_command("load_demo", password="demo-password-123", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    settings.LANGUAGE_CODE = "en"
