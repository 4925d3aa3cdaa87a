"""What the suite needs from outside the repo: skip when it is missing, fail instead in CI.

CI sets `PRESSFACTS_REQUIRE_SERVICES=1`, so anything CI has (servers, browsers, hard dependencies,
the shared gold and development sets) can never be silently skipped there: a broken install of
a service or a hard dependency fails instead of passing as a skip.
"""

import importlib
import os
from pathlib import Path
from types import ModuleType
from typing import NoReturn

import pytest

REQUIRE_SERVICES = "PRESSFACTS_REQUIRE_SERVICES"


def services_required() -> bool:
    return os.environ.get(REQUIRE_SERVICES) == "1"


def missing_service(reason: str) -> NoReturn:
    """Skip, or fail when the environment says services are required (CI)."""
    if services_required():
        pytest.fail(f"{reason} ({REQUIRE_SERVICES}=1)")
    pytest.skip(reason)


def require_module(name: str) -> ModuleType:
    """Import a dependency the project declares; missing or broken, the test skips (fails in CI)."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        missing_service(f"cannot import {name}: {exc}")


def require_path(path: Path, what: str) -> Path:
    """A file or folder the test needs (`../shared`, a command); absent, the test skips (fails in CI)."""
    if not path.exists():
        missing_service(f"{what} not found at {path}")
    return path
