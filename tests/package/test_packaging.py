"""Packaging: `pip install ./generated` into a fresh venv works and installs a typed package.

Offline: pip gets the build backend and the dependencies from .venv/wheelhouse (--no-index).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

import pytest

from tests.support.venvs import HAS_DATEUTIL_STUBS, fresh_venv, mypy_strict
from tools import ROOT

GOOD_USE = textwrap.dedent(
    """
    from pieces_models_client import Client
    from pieces_models_client.api.models import models_snapshot
    from pieces_models_client.models import Models

    def names(client: Client) -> list[str]:
        snapshot: Models = models_snapshot.sync(client=client)
        return [model.name for model in snapshot.iterable]
    """
)

# A mistake mypy can only catch if the installed package exposes its types (py.typed).
BAD_USE = GOOD_USE + textwrap.dedent(
    """
    def oops(client: Client) -> int:
        return models_snapshot.sync(client=client).iterable[0].name
    """
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv with ./generated installed into it by pip."""
    return fresh_venv(tmp_path_factory.mktemp("fresh-venv"), str(ROOT / "generated"))


def run(python: str, code: str) -> str:
    return subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_installed_package_imports_from_site_packages(installed):
    """The package is importable from the venv, from its site-packages, not from the checkout."""
    location = run(installed, "import pieces_models_client as p; print(p.__file__)")
    assert "site-packages" in location
    assert str(ROOT / "generated") not in location


def test_installed_package_ships_py_typed(installed):
    """py.typed is installed next to the package, so type checkers read its annotations."""
    assert run(installed, "import importlib.resources as r; print(r.files('pieces_models_client')"
                          ".joinpath('py.typed').is_file())") == "True"  # fmt: skip


def test_installed_package_describes_the_real_api(installed):
    """The long description is the package README of templates/, not the generator's placeholder."""
    description = run(
        installed, "import importlib.metadata as m; print(m.metadata('pieces-models-client')['Description'])"
    )
    assert "Pieces OS" in description
    assert "models_snapshot.sync(client=client)" in description
    assert "example.com" not in description


def test_installed_package_declares_only_its_three_dependencies(installed):
    """The metadata requires httpx, attrs and python-dateutil, nothing else."""
    requires = json.loads(
        run(
            installed,
            "import importlib.metadata as m, json; print(json.dumps(m.requires('pieces-models-client')))",
        )
    )
    names = {re.match(r"[A-Za-z0-9_.-]+", entry).group(0) for entry in requires}
    assert names == {"httpx", "attrs", "python-dateutil"}


def test_typing_checks_run_without_dateutil_stubs(installed, tmp_path):
    """The typing checks' venv lacks dateutil stubs and mypy does not see .venv's (so users need none)."""
    assert run(sys.executable, HAS_DATEUTIL_STUBS) == "True", "the probe must see .venv's stubs"
    assert run(installed, HAS_DATEUTIL_STUBS) == "False"
    script = tmp_path / "uses_dateutil.py"
    script.write_text("import dateutil.parser\n")
    result = mypy_strict(installed, str(script), tmp_path)
    assert result.returncode == 1
    assert 'Library stubs not installed for "dateutil.parser"' in result.stdout


@pytest.mark.parametrize(("source", "ok"), [(GOOD_USE, True), (BAD_USE, False)], ids=["good", "bad"])
def test_installed_package_is_typed_for_its_users(installed, tmp_path, source, ok):
    """mypy --strict, pointed at the fresh venv, accepts correct use and rejects a type error."""
    script = tmp_path / "user_code.py"
    script.write_text(source)
    result = mypy_strict(installed, str(script), tmp_path)
    if ok:
        assert result.returncode == 0, result.stdout
        assert "Success: no issues found" in result.stdout
    else:
        assert result.returncode == 1
        assert 'Incompatible return value type (got "str", expected "int")' in result.stdout
