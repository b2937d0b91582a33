"""Hand-written tools around the generated client, and the repository's shared paths, stated once.

- ``python -m tools.recorded_server`` (``make serve``) replays the recordings over HTTP.
- ``python -m tools.record`` (``make record``) re-records the contract scenarios.
- ``python -m tools.verify`` (``make verify``) reports what a live Pieces OS sends that the spec lacks.
- ``python -m tools.api_diff`` (``make api-diff``, and ``make api-gate`` in ``make check``) lists the
  breaking changes to the generated package's public API since a git ref.

The generated package is installed into .venv in editable mode (``make venv``), so tools, tests and
the benchmark import ``pieces_models_client`` from generated/ without touching sys.path.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
SPEC = ROOT / "openapi" / "models.yaml"
RECORDINGS = ROOT / "tests" / "recordings"
SNAPSHOT = ROOT / "tests" / "data" / "snapshot-23-models.json"
