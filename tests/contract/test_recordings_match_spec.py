"""Contract check 1: every recorded request and response is what openapi/models.yaml describes.

The recordings are the truth the hand-written spec is held against: a recording that the spec does
not allow fails here, with the field named.
"""

from __future__ import annotations

import pytest

from tests.contract import spec_check
from tests.contract.recordings import Operation, with_operation


@pytest.mark.parametrize("operation", with_operation())
def test_recorded_exchange_is_valid_for_the_spec(operation: Operation):
    """Path, parameters, status, content type and both bodies validate against the spec."""
    problems = spec_check.problems(operation.interaction, spec_check.shipped())
    assert not problems, f"{operation.interaction.label} disagrees with the spec:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("operation", with_operation())
def test_recorded_bodies_use_only_fields_the_spec_declares(operation: Operation):
    """No recorded object carries a field the spec does not describe (a renamed or missing one).
    Only what strictness adds is reported here; the test above reports the rest."""
    lenient = spec_check.problems(operation.interaction, spec_check.shipped())
    strict = spec_check.problems(operation.interaction, spec_check.shipped(strict_fields=True))
    problems = [problem for problem in strict if problem not in lenient]
    assert not problems, (
        f"{operation.interaction.label} carries fields the spec does not declare:\n  " + "\n  ".join(problems)
    )
