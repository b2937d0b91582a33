"""Python interpreters of the supported versions (3.10+) found on this machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SUPPORTED = ("3.10", "3.11", "3.12", "3.13")


def _version_of(executable: str) -> str | None:
    try:
        out = subprocess.run(
            [executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip()


def _candidates() -> list[str]:
    found = [sys.executable]
    for version in SUPPORTED:
        found.append(shutil.which(f"python{version}") or "")
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    for version in SUPPORTED:
        found.extend(str(p) for p in sorted(pyenv_root.glob(f"versions/{version}.*/bin/python{version}")))
    return [c for c in found if c]


def supported_interpreters() -> dict[str, str]:
    """One interpreter per supported minor version found, the running one first: {version: path}."""
    by_version: dict[str, str] = {}
    for candidate in _candidates():
        version = _version_of(candidate)
        if version in SUPPORTED and version not in by_version:
            by_version[version] = candidate
    return by_version
