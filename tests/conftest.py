"""Hypothesis profiles: "default" (fresh examples each run, print_blob), HYPOTHESIS_PROFILE=thorough (ten
times the examples); in CI (CI set, not "0"/"false") derandomized. tests/properties/test_profiles.py pins it.
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
    # Explicit: hypothesis bases unset settings on its own "ci" profile (derandomized) whenever CI is in
    # the environment, even as CI=false; here only the CI test below decides.
    derandomize=False,
)
# Ten times hypothesis' default of 100, for tests that do not set their own count; the tests that do
# scale it through tests/properties/strategies.examples().
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=10 * 100)

profile = os.environ.get("HYPOTHESIS_PROFILE", "default")
if os.environ.get("CI", "").strip().lower() not in ("", "0", "false"):
    settings.register_profile(f"{profile}-ci", parent=settings.get_profile(profile), derandomize=True)
    profile += "-ci"
settings.load_profile(profile)
