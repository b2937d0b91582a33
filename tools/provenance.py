"""What each recording says about where it came from (``metadata.provenance`` of a cassette)."""

from __future__ import annotations

import datetime
from typing import Any

from tools.scenarios import Scenario

SDK = "pieces-os-client 5.0.1"


def synthesized(scenario: Scenario) -> dict[str, Any]:
    """Provenance of a synthesized recording. Fixed text: re-synthesizing gives the same bytes."""
    return {
        "source": "synthesized",
        "captured_live": False,
        "scenario": scenario.name,
        "summary": scenario.summary,
        "made_by": "python -m tools.record --synthesize",
        "how": (
            "The generated client made the scenario's calls through the recording proxy "
            "(tools/proxy.py) to a stand-in Pieces OS (tools/standin.py) that served the answers "
            "written in tools/scenarios.py: the requests are exactly what the client sends, the "
            "responses are what the scenario says Pieces OS answers."
        ),
        "note": (
            "NOT captured from a live Pieces OS. Every success body is accepted by the official SDK, "
            f"{SDK} (checked by tests/contract/test_cross_client.py)."
        ),
    }


def live(scenario: Scenario, pieces_os_url: str, when: datetime.datetime) -> dict[str, Any]:
    """Provenance of a recording captured from a live Pieces OS at ``pieces_os_url``."""
    return {
        "source": "live",
        "captured_live": True,
        "date": when.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "pieces_os_url": pieces_os_url,
        "scenario": scenario.name,
        "summary": scenario.summary,
        "made_by": "make record (python -m tools.record --upstream URL)",
        "how": (
            "The generated client made the scenario's calls through the recording proxy "
            "(tools/proxy.py) to the live Pieces OS named above; requests and responses are as sent "
            "and received (response bodies decoded, only the headers that matter kept)."
        ),
    }
