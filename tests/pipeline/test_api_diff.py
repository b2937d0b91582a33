"""`make api-diff` lists breaking changes to the generated package's public API; `make api-gate` (part of
`make check`) lets them through only with the version bump semantic versioning asks for.

Each test works in a git clone of a scratch repository holding the Makefile, tools/, generated/ and the
spec, sharing the repository's .venv. Only the public API matters, so the tests edit the generated
Python of the clone directly (as a regeneration would change it) instead of running `make generate`.
"""

from __future__ import annotations

import os
import re
import subprocess

import pytest
import yaml
from packaging.version import Version

from tests.support.scratch import copy_inputs
from tools import ROOT
from tools.api_diff import bump_allows_breaking

INPUTS = ("Makefile", "tools", "openapi", "requirements", "generated/pieces_models_client")
PACKAGE = "generated/pieces_models_client"
MODEL = f"{PACKAGE}/models/model.py"
DESCRIPTION = "    description: str | Unset = UNSET\n"
GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def git(repo, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    """A one-commit repository holding what `make api-diff` reads, built once per module (and worker)."""
    path = copy_inputs(tmp_path_factory.mktemp("origin"), INPUTS, venv=False)
    git(path, "init", "--quiet", "--initial-branch=main")
    git(path, "add", "--all")
    git(path, "commit", "--quiet", "--message=base")
    return path


@pytest.fixture
def repo(origin, tmp_path):
    clone = tmp_path / "repo"
    git(tmp_path, "clone", "--quiet", str(origin), str(clone))
    (clone / ".venv").symlink_to(ROOT / ".venv")
    return clone


def make(repo, target: str = "api-diff", **variables: str) -> subprocess.CompletedProcess[str]:
    # -o: the shared .venv counts as up to date, whatever the copied requirements files' mtimes say.
    command = ["make", "-s", "-o", ".venv/bin/.installed", target]
    command += [f"{name}={value}" for name, value in variables.items()]
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env, check=False)


def status(result: subprocess.CompletedProcess[str]) -> int:
    """The tool's exit status: make itself exits 2 whenever a recipe fails, and says "Error N"."""
    if result.returncode == 0:
        return 0
    # "make[1]: ***" when this suite itself runs under make (make test): MAKELEVEL is inherited.
    [code] = re.findall(r"^make(?:\[\d+\])?: \*\*\* \[.+\] Error (\d+)$", result.stderr, flags=re.MULTILINE)
    return int(code)


def edit(repo, path: str, old: str, new: str, count: int = 1) -> None:
    """Replace ``old``, which must occur exactly ``count`` times in ``path``, with ``new``."""
    target = repo / path
    text = target.read_text()
    assert text.count(old) == count, f"{path} no longer holds {old!r} {count} time(s)"
    target.write_text(text.replace(old, new))


def set_version(repo, version: str) -> None:
    spec = repo / "openapi" / "models.yaml"
    text = spec.read_text()
    [line] = re.findall(r"^  version: .+$", text, flags=re.MULTILINE)
    spec.write_text(text.replace(line + "\n", f"  version: {version}\n", 1))


def spec_version(repo) -> Version:
    return Version(str(yaml.safe_load((repo / "openapi" / "models.yaml").read_text())["info"]["version"]))


def test_unchanged_tree_passes(repo):
    """The working tree of a fresh clone has no breaking change against HEAD (there is no tag)."""
    result = make(repo)
    assert status(result) == 0, result.stdout + result.stderr
    assert "at HEAD (no v* tag yet, so HEAD)" in result.stdout
    assert "no breaking change since HEAD" in result.stdout


def test_removed_optional_field_fails(repo):
    """Removing an optional model field is a breaking change, named with its file and line at BASE."""
    edit(repo, MODEL, DESCRIPTION, "")
    result = make(repo)
    assert status(result) == 1, result.stdout + result.stderr
    assert f"HEAD:{MODEL}:" in result.stdout
    assert "Model.description: Public object was removed" in result.stdout
    assert "1 breaking change since HEAD" in result.stdout


def test_added_optional_field_passes(repo):
    """Adding an optional model field is not a breaking change."""
    edit(repo, MODEL, DESCRIPTION, DESCRIPTION + "    nickname: str | Unset = UNSET\n")
    result = make(repo)
    assert status(result) == 0, result.stdout + result.stderr
    assert "no breaking change since HEAD" in result.stdout


def test_removed_enum_member_fails(repo):
    """Removing an enum member is a breaking change."""
    edit(repo, f"{PACKAGE}/models/model_usage_enum.py", '    TECHNICAL_ERROR = "TECHNICAL_ERROR"\n', "")
    result = make(repo)
    assert status(result) == 1, result.stdout + result.stderr
    assert "ModelUsageEnum.TECHNICAL_ERROR: Public object was removed" in result.stdout


def test_changed_enum_value_fails(repo):
    """Changing the value of an enum member (what goes on the wire) is a breaking change."""
    enum = f"{PACKAGE}/models/model_usage_enum.py"
    member = '    TECHNICAL_ERROR = "TECHNICAL_ERROR"\n'
    edit(repo, enum, member, member.replace('"TECHNICAL_ERROR"', '"TECHNICAL_FAILURE"'))
    result = make(repo)
    assert status(result) == 1, result.stdout + result.stderr
    assert (
        "ModelUsageEnum.TECHNICAL_ERROR: Attribute value was changed: "
        "'TECHNICAL_ERROR' -> 'TECHNICAL_FAILURE'" in result.stdout
    ), result.stdout


def test_renamed_endpoint_parameter_fails(repo):
    """Renaming a parameter of an endpoint function is a breaking change, once per function."""
    module = f"{PACKAGE}/api/models/models_delete_specific_model.py"
    edit(repo, module, "\n    model: str,\n", "\n    model_id: str,\n", count=5)  # _get_kwargs and four
    result = make(repo)
    assert status(result) == 1, result.stdout + result.stderr
    for function in ("sync_detailed", "sync", "asyncio_detailed", "asyncio"):
        assert f"{function}(model): Parameter was removed" in result.stdout
        assert f"{function}(model_id): Parameter was added as required" in result.stdout
    assert "_get_kwargs" not in result.stdout


def test_changed_field_type_fails(repo):
    """Changing the type of a model field is a breaking change, griffe's own check leaves out."""
    edit(repo, MODEL, DESCRIPTION, "    description: int | Unset = UNSET\n")
    result = make(repo)
    assert status(result) == 1, result.stdout + result.stderr
    assert "Model.description: Attribute types are incompatible: str | Unset -> int | Unset" in result.stdout


def test_private_names_are_not_public_api(repo):
    """Changes to private names (the _parsing module, _get_kwargs) are not breaking changes."""
    edit(repo, f"{PACKAGE}/_parsing.py", "def json_type(", "def json_type_renamed(")
    module = f"{PACKAGE}/api/models/models_delete_specific_model.py"
    edit(repo, module, "def _get_kwargs(\n    model: str,", "def _get_kwargs(\n    model_id: str,")
    result = make(repo)
    assert status(result) == 0, result.stdout + result.stderr


def test_version_gate_needs_the_semver_bump(repo):
    """With a breaking change, `make api-gate` fails on a patch bump and passes on a minor one at 0.x."""
    base = spec_version(repo)
    assert base.major == 0, "the spec left 0.x: bump the major number below instead of the minor one"
    edit(repo, MODEL, DESCRIPTION, "")
    set_version(repo, f"{base.major}.{base.minor}.{base.micro + 1}")
    failed = make(repo, "api-gate")
    assert status(failed) == 1, failed.stdout + failed.stderr
    assert "Model.description: Public object was removed" in failed.stdout
    assert f"Raise info.version in openapi/models.yaml to {base.major}.{base.minor + 1}.0" in failed.stdout
    set_version(repo, f"{base.major}.{base.minor + 1}.0")
    passed = make(repo, "api-gate")
    assert status(passed) == 0, passed.stdout + passed.stderr
    assert "1 breaking change since HEAD, allowed" in passed.stdout


def test_version_gate_passes_without_breaking_change(repo):
    """Without a breaking change, `make api-gate` passes whatever the version says."""
    result = make(repo, "api-gate")
    assert status(result) == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        ("0.1.0", "0.1.1", False),
        ("0.1.0", "0.2.0", True),
        ("0.1.0", "1.0.0", True),
        ("0.1.3", "0.1.4", False),
        ("1.2.3", "1.3.0", False),
        ("1.2.3", "2.0.0", True),
        ("1.2.3", "1.2.3", False),
    ],
)
def test_semver_rule(old, new, allowed):
    """A breaking change needs a new major number, or a new minor one while the major is 0."""
    assert bump_allows_breaking(Version(old), Version(new)) is allowed


def test_base_defaults_to_latest_release_tag(repo):
    """Without BASE, the latest v* tag is the base: later commits are compared with it."""
    git(repo, "tag", "v0.1.0")
    edit(repo, MODEL, DESCRIPTION, "")
    git(repo, "commit", "--quiet", "--all", "--message=drop Model.description")
    git(repo, "tag", "nightly")  # not a release tag
    result = make(repo)
    assert status(result) == 1, result.stdout + result.stderr
    assert "at v0.1.0 (the latest v* tag)" in result.stdout
    assert f"v0.1.0:{MODEL}:" in result.stdout
    assert "Model.description: Public object was removed" in result.stdout
    git(repo, "tag", "v0.2.0")
    result = make(repo)
    assert status(result) == 0, result.stdout + result.stderr
    assert "no breaking change since v0.2.0" in result.stdout


def test_base_defaults_to_head_without_tags(repo):
    """Without a v* tag, HEAD is the base: a committed change is no longer found, unless BASE names it."""
    edit(repo, MODEL, DESCRIPTION, "")
    assert status(make(repo)) == 1
    git(repo, "commit", "--quiet", "--all", "--message=drop Model.description")
    result = make(repo)
    assert status(result) == 0, result.stdout + result.stderr
    assert "no breaking change since HEAD" in result.stdout
    result = make(repo, BASE="HEAD~1")
    assert status(result) == 1, result.stdout + result.stderr
    assert "Model.description: Public object was removed" in result.stdout


def test_unknown_base_is_an_error(repo):
    """A BASE that names no commit exits 2 with a message, not with a comparison."""
    result = make(repo, BASE="no-such-ref")
    assert status(result) == 2
    assert "'no-such-ref' is not a commit of this repository" in result.stderr
