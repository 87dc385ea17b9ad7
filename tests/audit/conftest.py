"""Fixtures for the audit tests (the builder lives in audit_logbuilder.py)."""

from __future__ import annotations

import pytest

from tests.audit.audit_logbuilder import Built, build_log


@pytest.fixture(scope="module")
def base_log(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_log(tmp_path_factory.mktemp("base"))
