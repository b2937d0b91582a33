"""Release artifacts: `make dist` builds a wheel and an sdist of generated/, named with the spec's
info.version, that pass `twine check --strict`; the wheel installs offline into a fresh venv and talks
to the recorded server from there.

`make dist` runs once per module, into a temporary folder (DIST=...), with the repository's .venv; the
fresh venv gets the wheel and its dependencies from .venv/wheelhouse only (pip --no-index).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import tarfile
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests.support.venvs import fresh_venv
from tools import GENERATED, ROOT
from tools.cassettes import load_all
from tools.endpoints import load_spec
from tools.recorded_server import RecordedServer

PACKAGE = "pieces_models_client"
VERSION = str(load_spec()["info"]["version"])

# Run by the fresh venv's python with the recorded server's URL: what a user of the wheel sees.
SCRIPT = textwrap.dedent(
    """
    import importlib.metadata, json, sys
    import pieces_models_client
    from pieces_models_client import Client
    from pieces_models_client.api.models import models_snapshot

    with Client(base_url=sys.argv[1]) as client:
        snapshot = models_snapshot.sync(client=client)
    print(json.dumps({
        "models": len(snapshot.iterable),
        "names": [model.name for model in snapshot.iterable[:2]],
        "version": importlib.metadata.version("pieces-models-client"),
        "file": pieces_models_client.__file__,
    }))
    """
)


class Dist:
    def __init__(self, folder: Path, result: subprocess.CompletedProcess[str]):
        self.folder, self.output = folder, result.stdout + result.stderr
        self.wheel = folder / f"{PACKAGE}-{VERSION}-py3-none-any.whl"
        self.sdist = folder / f"{PACKAGE}-{VERSION}.tar.gz"


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Dist:
    folder = tmp_path_factory.mktemp("dist")
    # A leftover of another version in DIST is replaced, not checked or shipped alongside.
    (folder / f"{PACKAGE}-0.0.0-py3-none-any.whl").write_bytes(b"stale")
    # -o: the shared .venv counts as up to date (as in tests/pipeline/test_drift_gate.py). COLUMNS: twine
    # prints through rich, which would wrap a long temporary path onto lines of its own.
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/bin/.installed", "dist", f"DIST={folder}"],
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "1000"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return Dist(folder, result)


def package_files() -> set[str]:
    """The files of generated/pieces_models_client, relative to generated/ (caches aside)."""
    return {
        path.relative_to(GENERATED).as_posix()
        for path in (GENERATED / PACKAGE).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_dist_holds_a_wheel_and_an_sdist_named_with_the_spec_version(dist):
    """Exactly two artifacts, both carrying info.version in their names (the stale one is gone)."""
    assert sorted(p.name for p in dist.folder.iterdir()) == sorted([dist.wheel.name, dist.sdist.name])


def test_twine_check_strict_passes_on_both(dist):
    """`twine check --strict` (warnings fail it) passed on the wheel and the sdist."""
    for artifact in (dist.wheel, dist.sdist):
        assert re.search(rf"Checking \S*{re.escape(artifact.name)}: (\x1b\[\d+m)?PASSED", dist.output), (
            dist.output
        )
    assert "WARNING" not in dist.output


def test_wheel_holds_the_package_and_its_metadata(dist):
    """The wheel is the generated package file for file (py.typed included), with the spec's version,
    the three dependencies and the package README as a Markdown long description."""
    with zipfile.ZipFile(dist.wheel) as wheel:
        names = set(wheel.namelist())
        info = f"{PACKAGE}-{VERSION}.dist-info"
        metadata = wheel.read(f"{info}/METADATA").decode()
    assert {n for n in names if not n.startswith(info + "/")} == package_files()
    assert f"\nVersion: {VERSION}\n" in metadata
    assert "\nDescription-Content-Type: text/markdown\n" in metadata
    requires = re.findall(r"^Requires-Dist: ([A-Za-z0-9_.-]+)", metadata, flags=re.MULTILINE)
    assert sorted(requires) == ["attrs", "httpx", "python-dateutil"]
    assert (GENERATED / "README.md").read_text(encoding="utf-8").strip() in metadata


def test_sdist_holds_the_package_and_its_build_files(dist):
    """The sdist is generated/'s package, pyproject.toml, README.md and PKG-INFO: no caches, no
    editable-install leftovers (.pdm-build)."""
    top = f"{PACKAGE}-{VERSION}/"
    with tarfile.open(dist.sdist) as sdist:
        names = {member.name.removeprefix(top) for member in sdist.getmembers() if member.isfile()}
    assert names == package_files() | {"pyproject.toml", "README.md", "PKG-INFO"}


def test_build_backend_pin_matches_the_wheelhouse():
    """make dist builds with .venv's pdm-backend (--no-isolation); the packaging tests install with the
    wheelhouse's. One pin for both."""
    pin = re.compile(r"^pdm-backend==(\S+)$", re.MULTILINE)
    dev = pin.findall((ROOT / "requirements" / "dev.txt").read_text(encoding="utf-8"))
    wheelhouse = pin.findall((ROOT / "requirements" / "wheelhouse.txt").read_text(encoding="utf-8"))
    assert dev == wheelhouse
    assert len(dev) == 1


def test_wheel_installed_offline_calls_the_recorded_server(dist, tmp_path):
    """The wheel, installed with its dependencies from the wheelhouse alone into a fresh venv, reads the
    recorded 23-model snapshot and reports the spec's version from its installed metadata."""
    python = fresh_venv(tmp_path / "venv", str(dist.wheel))
    with RecordedServer() as server, server.replaying(load_all(names=["models_snapshot"])):
        result = subprocess.run(
            [python, "-c", SCRIPT, server.url],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["models"] == 23
    assert seen["names"] == ["GPT-4o", "GPT-4o Mini"]
    assert seen["version"] == VERSION
    assert Path(seen["file"]).is_relative_to(tmp_path / "venv")
