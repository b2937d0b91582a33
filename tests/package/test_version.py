"""One version, from the spec: openapi/models.yaml's info.version is the package version, and
CHANGELOG.md has a section for it.

openapi-python-client 0.28.4 renders generated/pyproject.toml's version from info.version already
(``config.package_version_override or openapi.version``), so no template overrides it: these tests pin
that the committed file carries it, that nothing in generator-config.yml overrides it, and that raising
info.version and running `make generate` moves it. The installed package reports the same version at
run time through its metadata (``importlib.metadata.version("pieces-models-client")``), checked on the
built wheel by tests/package/test_dist.py; the package itself carries no ``__version__``, so importing it
costs nothing more.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
import yaml

from tests.support.scratch import copy_inputs
from tools import ROOT
from tools.endpoints import load_spec

CHANGELOG = ROOT / "CHANGELOG.md"
# A release heading, "## [1.2.3] - 2026-01-31", or "## [Unreleased]".
HEADING = re.compile(r"^## \[(?P<name>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?$", re.MULTILINE)
# Keep a Changelog's kinds of change.
KINDS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")
SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def spec_version() -> str:
    return str(load_spec()["info"]["version"])


def pyproject_version(text: str) -> str:
    """The version of the [project] table of a generated pyproject.toml (no tomllib on Python 3.10)."""
    project = text.split("[project]\n", 1)[1].split("\n[", 1)[0]
    [version] = re.findall(r'^version = "([^"]*)"$', project, flags=re.MULTILINE)
    return version


def releases() -> dict[str, str | None]:
    """CHANGELOG.md's sections in order: name ("Unreleased" or a version) -> date."""
    return {m["name"]: m["date"] for m in HEADING.finditer(CHANGELOG.read_text(encoding="utf-8"))}


def sections() -> dict[str, str]:
    """CHANGELOG.md's sections: name -> the text under the heading, up to the next one."""
    text = CHANGELOG.read_text(encoding="utf-8")
    matches = list(HEADING.finditer(text))
    ends = [m.start() for m in matches[1:]] + [len(text)]
    return {m["name"]: text[m.end() : end] for m, end in zip(matches, ends, strict=True)}


def test_spec_version_is_semantic():
    """info.version is MAJOR.MINOR.PATCH, which the api-diff gate and the changelog compare."""
    assert SEMVER.match(spec_version()), spec_version()


def test_generated_pyproject_carries_the_spec_version():
    """generated/pyproject.toml's version is the spec's info.version."""
    text = (ROOT / "generated" / "pyproject.toml").read_text(encoding="utf-8")
    assert pyproject_version(text) == spec_version()


def test_generator_config_does_not_override_the_version():
    """Without package_version_override, the generator takes the version from info.version only."""
    config = yaml.safe_load((ROOT / "generator-config.yml").read_text(encoding="utf-8"))
    assert "package_version_override" not in config


def test_generation_follows_a_raised_spec_version(tmp_path):
    """Raising info.version in a copy of the repository and running `make generate` there writes the new
    version into that copy's generated/pyproject.toml (the repository's .venv is shared)."""
    copy_inputs(tmp_path, ("Makefile", "openapi", "generator-config.yml", "templates", "requirements"))
    spec = tmp_path / "openapi" / "models.yaml"
    text = spec.read_text(encoding="utf-8")
    line = f"  version: {spec_version()}\n"
    assert text.count(line) == 1, "the spec's info.version line is not where this test expects it"
    spec.write_text(text.replace(line, "  version: 7.8.9\n"), encoding="utf-8")
    # -o: the shared .venv counts as up to date, whatever the copied requirements files' mtimes say.
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/bin/.installed", "generate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    generated = (tmp_path / "generated" / "pyproject.toml").read_text(encoding="utf-8")
    assert pyproject_version(generated) == "7.8.9"


def test_changelog_has_a_section_for_the_current_version():
    """CHANGELOG.md has `## [<info.version>] - <date>`, with a real date not in the future."""
    found = releases()
    assert spec_version() in found, f"CHANGELOG.md has no section for {spec_version()}: add one"
    released = found[spec_version()]
    assert released is not None, f"the {spec_version()} section has no date"
    assert date.fromisoformat(released) <= date.today()


def test_changelog_starts_with_unreleased_then_versions_newest_first():
    """[Unreleased] on top, then each version once, newest first, each with an ISO date."""
    names = list(releases())
    assert names[0] == "Unreleased"
    assert releases()["Unreleased"] is None
    versions = names[1:]
    assert versions, "CHANGELOG.md lists no version"
    for version in versions:
        assert SEMVER.match(version), version
        assert releases()[version] is not None, f"{version} has no date"
    keys = [tuple(int(n) for n in SEMVER.match(v).groups()) for v in versions]
    assert keys == sorted(set(keys), reverse=True), "versions are not unique and newest first"


@pytest.mark.parametrize("version", [v for v in releases() if v != "Unreleased"])
def test_changelog_sections_use_keep_a_changelog_kinds(version):
    """Each version's entry is grouped under Keep a Changelog's headings (Added, Changed, Fixed, ...),
    none empty."""
    body = sections()[version]
    kinds = re.findall(r"^### (.+)$", body, flags=re.MULTILINE)
    assert kinds, f"{version} has no ### Added/Changed/... subsection"
    assert set(kinds) <= set(KINDS), kinds
    for kind, text in zip(kinds, re.split(r"^### .+$", body, flags=re.MULTILINE)[1:], strict=True):
        assert re.search(r"^- ", text, flags=re.MULTILINE), f"{version}: ### {kind} lists nothing"
