"""The generated package type-checks under mypy --strict, as shipped."""

from __future__ import annotations

import subprocess
import sys

from tests.support.spec import ROOT


def test_generated_package_passes_mypy_strict():
    """`mypy --strict` reports no issue in generated/pieces_models_client."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir=/dev/null",
            "pieces_models_client",
        ],
        cwd=ROOT / "generated",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
