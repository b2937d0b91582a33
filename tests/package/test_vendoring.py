"""Vendoring: the package folder copied alone into a project works with only its three dependencies.

The folder generated/pieces_models_client is copied into an empty directory next to a --target
install of httpx, attrs and python-dateutil (from the offline wheelhouse made with .venv), and run
with site-packages disabled, on every supported Python (3.10 to 3.13), against a loopback server. A
supported Python missing from the machine is a skip that names it, never a silently smaller run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap

import pytest

from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import SNAPSHOT_BYTES
from tests.support.interpreters import SUPPORTED, supported_interpreters
from tools import ROOT

WHEELHOUSE = ROOT / ".venv" / "wheelhouse"

SCRIPT = textwrap.dedent(
    """
    import asyncio, json, sys
    from pieces_models_client import Client
    from pieces_models_client.api.models import models_snapshot

    client = Client(base_url=URL)
    snapshot = models_snapshot.sync(client=client)

    async def main():
        async with Client(base_url=URL) as async_client:
            return await models_snapshot.asyncio(client=async_client)

    again = asyncio.run(main())
    outside = sorted(
        name for name, module in sys.modules.items()
        if getattr(module, "__file__", None) and not module.__file__.startswith((APP, SITE, sys.base_prefix))
    )
    print(json.dumps({
        "count": len(snapshot.iterable),
        "first": snapshot.iterable[0].name,
        "created": snapshot.iterable[0].created.value.isoformat(),
        "async_count": len(again.iterable),
        "outside": outside,
        "third_party": sorted({n.split(".")[0] for n, m in sys.modules.items()
                               if getattr(m, "__file__", "") and m.__file__.startswith(SITE)}),
    }))
    """
)

INTERPRETERS = supported_interpreters()


def test_every_supported_python_is_a_case():
    """The cases below are the supported versions themselves, 3.10 to 3.13, not those found."""
    assert SUPPORTED == ("3.10", "3.11", "3.12", "3.13")


@pytest.mark.parametrize("version", SUPPORTED)
def test_copied_folder_works_with_only_its_dependencies(version, tmp_path):
    """Copied alone, the package imports and makes sync and async calls with nothing but its deps."""
    if version not in INTERPRETERS:
        pytest.skip(f"no Python {version} interpreter on this machine (python{version} on PATH or pyenv)")
    python = INTERPRETERS[version]
    assert WHEELHOUSE.is_dir(), "no .venv/wheelhouse: run `make venv`"
    site, app = tmp_path / "site", tmp_path / "app"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index",
         "--find-links", str(WHEELHOUSE), "--target", str(site), "httpx", "attrs", "python-dateutil"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    shutil.copytree(ROOT / "generated" / "pieces_models_client", app / "pieces_models_client")
    reply = faults.status(200, SNAPSHOT_BYTES, "application/json")
    with loopback.serve(reply) as server:
        script = f"APP, SITE, URL = {str(app)!r}, {str(site)!r}, {server.url!r}\n" + SCRIPT
        # -S: no site-packages; the environment is only PYTHONPATH: the app, then its dependencies.
        result = subprocess.run(
            [python, "-S", "-c", script],
            env={"PYTHONPATH": os.pathsep.join([str(app), str(site)])},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["count"] == report["async_count"] == 23
    assert report["first"] == "GPT-4o"
    assert report["created"] == "2025-03-12T17:04:11.482913+00:00"
    assert report["outside"] == [], "modules imported from outside the vendored folders"
    assert "pydantic" not in report["third_party"]
    assert {"httpx", "attr", "attrs"} <= set(report["third_party"])
