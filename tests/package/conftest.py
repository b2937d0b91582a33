"""Fixtures of the packaging tests."""

from __future__ import annotations

import pytest

from tests.support.venvs import DEPENDENCIES, fresh_venv


@pytest.fixture(scope="session")
def deps_venv(tmp_path_factory) -> str:
    """A fresh venv holding only the package's three dependencies (no stubs, no package): its python."""
    return fresh_venv(tmp_path_factory.mktemp("deps-venv"), *DEPENDENCIES)
