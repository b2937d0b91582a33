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
        command = [executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]
        return subprocess.run(command, capture_output=True, text=True, timeout=20, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def supported_interpreters() -> dict[str, str]:
    """One interpreter per supported minor version found, the running one first: {version: path}."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [sys.executable, *(shutil.which(f"python{version}") or "" for version in SUPPORTED)]
    for version in SUPPORTED:
        candidates += [str(p) for p in sorted(pyenv.glob(f"versions/{version}.*/bin/python{version}"))]
    by_version: dict[str, str] = {}
    for candidate in filter(None, candidates):
        version = _version_of(candidate)
        if version in SUPPORTED and version not in by_version:
            by_version[version] = candidate
    return by_version
