"""Fixtures for the audit tests (the builder lives in audit_logbuilder.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from tests.audit.audit_logbuilder import Built, build_log  # noqa: E402


@pytest.fixture(scope="module")
def base_log(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_log(tmp_path_factory.mktemp("base"))
