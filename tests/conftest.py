import pytest

from tests.factories import CouncilFactory


@pytest.fixture
def council(db):
    return CouncilFactory(name="Testrådet", slug="testradet")
