"""Fresh virtual environments for packaging tests, made offline from .venv/wheelhouse."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

from tools import ROOT

WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
# The package's runtime dependencies, as generated/pyproject.toml declares them.
DEPENDENCIES = ("httpx", "attrs", "python-dateutil")


def _python_m(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=cwd, check=False)


def fresh_venv(target: Path, *requirements: str) -> str:
    """A new venv at target with requirements installed by .venv's pip (--no-index); its python."""
    assert WHEELHOUSE.is_dir(), "no .venv/wheelhouse: run `make venv`"
    venv.create(target, with_pip=False)  # pip comes from .venv (--python), which saves installing one
    python = str(target / "bin" / "python")
    offline = ["--disable-pip-version-check", "--no-index", "--find-links", str(WHEELHOUSE)]
    result = _python_m("pip", "--python", python, "install", *offline, *requirements)
    assert result.returncode == 0, result.stdout + result.stderr
    return python


def mypy_strict(python: str, target: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """.venv's mypy --strict on target (a file), looking up third-party packages in the environment of
    python only (--python-executable): stubs installed in .venv are not seen."""
    no_cache = ["--no-incremental", "--cache-dir=/dev/null"]
    return _python_m("mypy", "--strict", *no_cache, "--python-executable", python, target, cwd=cwd)


# Run by an environment's python: prints True when types-python-dateutil is installed there.
HAS_DATEUTIL_STUBS = (
    "import importlib.metadata as m, os, site\n"
    "try:\n"
    "    m.distribution('types-python-dateutil'); found = True\n"
    "except m.PackageNotFoundError:\n"
    "    found = any(os.path.isdir(os.path.join(p, 'dateutil-stubs')) for p in site.getsitepackages())\n"
    "print(found)"
)
