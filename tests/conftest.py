"""Shared test configuration: hypothesis profiles.

`make test` uses the "default" profile. HYPOTHESIS_PROFILE=thorough multiplies the number of
generated examples by ten for a deeper run (minutes instead of seconds).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    deadline=None,  # loopback and generation times vary on a shared 2-core machine
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,  # no .hypothesis/ state: every run is independent of the last
    print_blob=True,
)
# Ten times hypothesis' default of 100, for tests that do not set their own count; the tests that do
# scale it through tests/properties/strategies.examples().
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=10 * 100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
