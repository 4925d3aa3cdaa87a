"""What the suite needs from outside the repo: skip when it is missing, fail instead in CI.

CI sets `PRESSFACTS_REQUIRE_SERVICES=1`, so anything CI has (servers, browsers, hard dependencies,
the shared gold and development sets) can never be silently skipped there.
"""

import os

import pytest

REQUIRE_SERVICES = "PRESSFACTS_REQUIRE_SERVICES"


def missing_service(reason: str) -> None:
    """Skip, or fail when the environment says services are required (CI)."""
    if os.environ.get(REQUIRE_SERVICES) == "1":
        pytest.fail(f"{reason} ({REQUIRE_SERVICES}=1)")
    pytest.skip(reason)
