import pytest
from django.utils import translation

from tests.factories import CouncilFactory


@pytest.fixture(autouse=True)
def norwegian():
    """Every test starts in Norwegian bokmål, whatever an earlier request switched to."""
    with translation.override("nb"):
        yield


@pytest.fixture
def council(db):
    return CouncilFactory(name="Testrådet", slug="testradet")
