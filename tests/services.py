"""What CI has must not be skipped there: one helper for every such skip.

A developer's machine may lack PostgreSQL, a Prefect command or `../shared`; the test then skips.
CI sets PRESSFACTS_REQUIRE_SERVICES=1 (`.ci/run`), and the same test fails instead, so a broken
install of a service or a hard dependency can never pass as a skip.
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


def missing(reason: str) -> NoReturn:
    """Skip, or fail when the environment says services are required (CI)."""
    if services_required():
        pytest.fail(f"{reason} ({REQUIRE_SERVICES}=1)")
    pytest.skip(reason)


def require_module(name: str) -> ModuleType:
    """Import a dependency the project declares; missing or broken, the test skips (fails in CI)."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        missing(f"cannot import {name}: {exc}")


def require_path(path: Path, what: str) -> Path:
    """A file or folder the test needs (`../shared`, a command); absent, the test skips (fails in CI)."""
    if not path.exists():
        missing(f"{what} not found at {path}")
    return path
