"""The generated package type-checks under mypy --strict, as shipped and as a vendored copy.

A vendored copy is checked the way its users' projects check it: .venv's mypy pointed
(--python-executable) at an environment with only httpx, attrs and python-dateutil, and no
types-python-dateutil, so the copy must not need dateutil stubs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.support.venvs import HAS_DATEUTIL_STUBS, mypy_strict
from tools import ROOT

USER_CODE = textwrap.dedent(
    """
    from __future__ import annotations

    import datetime

    from yourproject._vendor.pieces_models_client import Client
    from yourproject._vendor.pieces_models_client.api.models import models_snapshot
    from yourproject._vendor.pieces_models_client.models import GroupedTimestamp, Model, Models


    def names(client: Client) -> list[str]:
        snapshot: Models = models_snapshot.sync(client=client)
        return [model.name for model in snapshot.iterable]


    def created(model: Model) -> datetime.datetime:
        return model.created.value


    def stamp(moment: datetime.datetime) -> GroupedTimestamp:
        return GroupedTimestamp.from_dict(GroupedTimestamp(value=moment).to_dict())
    """
)

# A mistake mypy catches only if the vendored copy's types reach the user's code.
BAD_USER_CODE = USER_CODE + textwrap.dedent(
    """

    def oops(client: Client) -> int:
        return models_snapshot.sync(client=client).iterable[0].name
    """
)


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


def vendor(tmp_path, source: str, sabotage: str = "") -> str:
    """tmp_path/yourproject/_vendor/pieces_models_client (a copy of generated/'s), the __init__.py chain,
    and yourproject/app.py holding source; sabotage is prepended to the copy's types.py. The app's path."""
    project = tmp_path / "yourproject"
    vendored = project / "_vendor" / "pieces_models_client"
    shutil.copytree(
        ROOT / "generated" / "pieces_models_client", vendored, ignore=shutil.ignore_patterns("__pycache__")
    )
    (project / "__init__.py").write_text("")
    (project / "_vendor" / "__init__.py").write_text("")
    if sabotage:
        types = vendored / "types.py"
        types.write_text(sabotage + types.read_text())
    (project / "app.py").write_text(source)
    return "yourproject/app.py"


def test_environment_of_the_vendored_check_has_no_dateutil_stubs(deps_venv):
    """The environment the vendored copy is checked against lacks types-python-dateutil."""
    result = subprocess.run([deps_venv, "-c", HAS_DATEUTIL_STUBS], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(("source", "ok"), [(USER_CODE, True), (BAD_USER_CODE, False)], ids=["good", "bad"])
def test_vendored_copy_passes_mypy_strict_without_dateutil_stubs(deps_venv, tmp_path, source, ok):
    """User code of a vendored copy passes mypy --strict without dateutil stubs; its type errors show."""
    app = vendor(tmp_path, source)
    result = mypy_strict(deps_venv, app, tmp_path)
    if ok:
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Success: no issues found" in result.stdout
    else:
        assert result.returncode == 1, result.stdout + result.stderr
        line = (
            source.splitlines().index("    return models_snapshot.sync(client=client).iterable[0].name") + 1
        )
        expected = (
            f'yourproject/app.py:{line}: error: Incompatible return value type (got "str", expected "int")'
        )
        assert expected in result.stdout
        assert result.stdout.count("error:") == 1, result.stdout


def test_vendored_check_catches_a_copy_that_needs_dateutil_stubs(deps_venv, tmp_path):
    """A vendored copy importing dateutil for type checkers fails the check, the error in the copy."""
    app = vendor(tmp_path, USER_CODE, sabotage="import dateutil.parser  # noqa\n")
    result = mypy_strict(deps_venv, app, tmp_path)
    assert result.returncode == 1
    where = "yourproject/_vendor/pieces_models_client/types.py:1: "
    assert where + 'error: Library stubs not installed for "dateutil.parser"' in result.stdout
