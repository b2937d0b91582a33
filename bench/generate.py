"""Wall time of the generator command of `make generate`, run into a scratch folder.

The command is the Makefile's (same spec, config, templates, post-generation ruff hooks, PATH with
.venv/bin first), but its output goes to a temporary folder under bench/.work/ (on the same file
system as generated/), never to generated/. `rm -rf generated` and make's own start-up are left out.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import ROOT, VENV_BIN, WORK


def command(output: Path) -> list[str]:
    return [
        str(VENV_BIN / "openapi-python-client"),
        "generate",
        "--path",
        "openapi/models.yaml",
        "--config",
        "generator-config.yml",
        "--custom-template-path",
        "templates",
        "--meta",
        "pdm",
        "--fail-on-warning",
        "--output-path",
        str(output),
    ]


def time_generate() -> float:
    """Seconds one generation takes; fails if the generator fails or writes no package."""
    WORK.mkdir(parents=True, exist_ok=True)
    environment = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory(prefix="generate-", dir=WORK) as scratch:
        output = Path(scratch) / "generated"
        start = time.perf_counter()
        done = subprocess.run(command(output), cwd=ROOT, env=environment, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0 or not (output / "pieces_models_client" / "models" / "models.py").is_file():
            raise RuntimeError(f"the generator failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return elapsed


def run(*, runs: int, warmup_runs: int) -> dict[str, Any]:
    for _ in range(warmup_runs):
        time_generate()
    samples = [time_generate() for _ in range(runs)]
    return {"median_s": statistics.median(samples), "samples_s": samples}
