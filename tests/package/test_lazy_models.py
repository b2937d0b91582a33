"""Models load on first use: importing one operation does not build every model class."""

from __future__ import annotations

import subprocess
import sys

import pytest

import pieces_models_client.models as models
from tools import ROOT


def loaded_after(code: str) -> set[str]:
    """The pieces_models_client.models.* modules loaded by `code` in a fresh interpreter."""
    listing = "print(' '.join(m for m in sys.modules if m.startswith('pieces_models_client.models.')))"
    probe = f"{code}\nimport sys\n{listing}"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT / "generated", capture_output=True, text=True, check=True
    )
    return {name.rsplit(".", 1)[1] for name in out.stdout.split()}


def test_snapshot_operation_loads_only_the_models_it_returns():
    """models_snapshot needs the Models tree, not SeededModel or the cache models."""
    loaded = loaded_after("from pieces_models_client.api.models import models_snapshot")
    assert {"models", "model", "grouped_timestamp", "model_foundation_enum"} <= loaded
    assert not loaded & {
        "seeded_model",
        "model_delete_cache_input",
        "model_delete_cache_output",
        "referenced_model",
    }


def test_every_exported_name_resolves_to_its_class():
    """Each name of models.__all__ is importable and is the class defined in its own module."""
    for name in models.__all__:
        value = getattr(models, name)
        assert value.__name__ == name
        assert value.__module__.startswith("pieces_models_client.models.")


def test_unknown_name_raises_attribute_error():
    """A name the package does not have is an AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="has no attribute 'NotAModel'"):
        models.NotAModel  # noqa: B018


def test_dir_lists_every_model():
    """dir() shows all models, even those not loaded yet (for completion in editors)."""
    assert set(models.__all__) <= set(dir(models))
