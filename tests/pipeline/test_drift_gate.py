"""The drift gate (`make drift`, part of `make check`) passes on a faithful tree and fails otherwise.

Each test runs the real Makefile target in a copy of the repository's generation inputs, sharing the
repository's .venv, so that it can break the copy freely.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from tests.support.scratch import copy_inputs

INPUTS = ("Makefile", "openapi", "generator-config.yml", "templates", "generated", "requirements")


@pytest.fixture
def tree(tmp_path):
    return copy_inputs(tmp_path, INPUTS)


def drift(tree) -> subprocess.CompletedProcess[str]:
    # -o: the shared .venv counts as up to date, whatever the copied requirements files mtimes say.
    command = ["make", "-s", "-o", ".venv/bin/.installed", "drift"]
    return subprocess.run(command, cwd=tree, capture_output=True, text=True, check=False)


def test_committed_tree_passes(tree):
    """Regenerating the committed spec reproduces generated/ byte for byte, in another folder too."""
    result = drift(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "generated/ is exactly what openapi/models.yaml produces" in result.stdout


def test_hand_edit_of_generated_code_fails(tree):
    """A hand edit of generated/ fails the gate, with a diff of the edited file alone and its line."""
    target = tree / "generated" / "pieces_models_client" / "client.py"
    text = target.read_text()
    # The DEFAULT_TIMEOUT line, whatever its value: the edit does not depend on today's numbers.
    [original] = re.findall(r"^DEFAULT_TIMEOUT = .+$", text, flags=re.MULTILINE)
    edited = original + "  # tuned by hand"
    target.write_text(text.replace(original + "\n", edited + "\n", 1))
    assert target.read_text() != text
    result = drift(tree)
    assert result.returncode != 0
    compared = [line for line in result.stdout.splitlines() if line.startswith("diff ")]
    assert len(compared) == 1, compared
    assert compared[0].endswith(
        " generated/pieces_models_client/client.py .check/generated/pieces_models_client/client.py"
    )
    assert "--- generated/pieces_models_client/client.py" in result.stdout
    assert "+++ .check/generated/pieces_models_client/client.py" in result.stdout
    assert f"\n-{edited}\n" in result.stdout
    assert f"\n+{original}\n" in result.stdout
    assert "Never edit generated/ by hand" in result.stdout


def test_spec_change_without_regeneration_fails(tree):
    """Changing the spec without `make generate` is caught, naming the generated file that moved."""
    spec = tree / "openapi" / "models.yaml"
    text = spec.read_text()
    assert text.count("        - TECHNICAL_ERROR\n") == 1, "the spec no longer lists TECHNICAL_ERROR once"
    spec.write_text(
        text.replace("        - TECHNICAL_ERROR\n", "        - TECHNICAL_ERROR\n        - NEW_USAGE\n")
    )
    result = drift(tree)
    assert result.returncode != 0
    assert "models/model_usage_enum.py" in result.stdout
    assert '+    NEW_USAGE = "NEW_USAGE"' in result.stdout
