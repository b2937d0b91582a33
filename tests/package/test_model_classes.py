"""The model classes behave like the attrs classes they are: readable reprs, value equality."""

from __future__ import annotations

import copy

import pytest

from pieces_models_client.models import EmbeddedModelSchema, Model, ModelMaxTokens, Models
from pieces_models_client.types import UNSET
from tests.support.endpoints import SNAPSHOT


def test_repr_names_every_field_in_declaration_order():
    """repr shows the class, each field with its value (UNSET for absent ones) and unknown keys."""
    tokens = ModelMaxTokens.from_dict({"total": 8192, "x-new": 1})
    assert repr(tokens) == (
        "ModelMaxTokens(total=8192, schema=UNSET, input_=UNSET, output=UNSET, "
        "additional_properties={'x-new': 1})"
    )
    assert repr(UNSET) == "UNSET"


def test_equal_bodies_give_equal_models():
    """Two parses of the same body are equal; any difference in a field or unknown key is not."""
    assert Models.from_dict(SNAPSHOT) == Models.from_dict(copy.deepcopy(SNAPSHOT))
    changed = copy.deepcopy(SNAPSHOT)
    changed["iterable"][22]["created"]["readable"] = "yesterday"
    assert Models.from_dict(SNAPSHOT) != Models.from_dict(changed)
    extra = copy.deepcopy(SNAPSHOT)
    extra["iterable"][0]["x-new"] = True
    assert Models.from_dict(SNAPSHOT) != Models.from_dict(extra)


@pytest.mark.parametrize(
    ("cls", "body"),
    [
        (EmbeddedModelSchema, {"migration": 0, "semantic": "MAJOR_0_MINOR_0_PATCH_1"}),
        (ModelMaxTokens, {"total": 8192, "input": 4096}),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_equality_needs_the_same_class(cls, body):
    """Like attrs: a model never equals an instance of another class, even with the same fields."""
    model = cls.from_dict(body)

    class Subclass(cls):
        pass

    twin = Subclass.from_dict(body)
    assert model.to_dict() == twin.to_dict()
    assert model != twin
    assert twin != model
    assert model != body
    assert model == cls.from_dict(body)


def test_unknown_keys_read_and_written_by_key():
    """model[key] reads, sets and deletes an unknown key; `in` tells whether one is there."""
    tokens = ModelMaxTokens.from_dict({"total": 8192, "x-new": 1})
    assert "x-new" in tokens
    assert "total" not in tokens  # a known field is an attribute, not an unknown key
    assert tokens["x-new"] == 1
    tokens["x-other"] = [2]
    assert tokens.additional_keys == ["x-new", "x-other"]
    assert tokens.to_dict() == {"total": 8192, "x-new": 1, "x-other": [2]}
    del tokens["x-new"]
    assert "x-new" not in tokens
    assert tokens.to_dict() == {"total": 8192, "x-other": [2]}


def test_from_dict_reads_any_mapping():
    """from_dict takes any Mapping (a read-only MappingProxyType, say), not only a dict."""
    from types import MappingProxyType

    assert ModelMaxTokens.from_dict(MappingProxyType({"total": 8192})) == ModelMaxTokens.from_dict(
        {"total": 8192}
    )


def test_models_are_mutable_and_so_unhashable():
    """Mutable value objects are not hashable (attrs' default for eq=True without frozen)."""
    model = Model.from_dict(SNAPSHOT["iterable"][0])
    with pytest.raises(TypeError, match="unhashable"):
        hash(model)
    model.name = "renamed"
    assert model.to_dict()["name"] == "renamed"


def test_a_subclass_is_built_through_its_own_init():
    """from_dict of a subclass calls the subclass's __init__, with every field read from the body."""
    seen = []

    class Tracked(ModelMaxTokens):
        def __init__(self, *args, **kwargs):
            seen.append(args)
            super().__init__(*args, **kwargs)

    tokens = Tracked.from_dict({"total": 8192, "input": 4096, "output": 2048, "x-new": 1})
    assert type(tokens) is Tracked
    assert len(seen) == 1
    assert (tokens.total, tokens.input_, tokens.output) == (8192, 4096, 2048)
    assert tokens.to_dict() == {"total": 8192, "input": 4096, "output": 2048, "x-new": 1}
