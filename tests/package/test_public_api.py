"""The generated package's public face: what imports, and the typed signatures of every endpoint."""

from __future__ import annotations

import importlib
import inspect
import typing

import pytest

import pieces_models_client
from pieces_models_client import Client, errors
from pieces_models_client.types import Response, Unset
from tools import endpoints

# operation module -> (path parameters, body type, type returned by sync()/asyncio()), from the spec
ENDPOINTS = {e.name: (e.path_params, e.body_type, e.response_type) for e in endpoints.ENDPOINTS}


def endpoint(name: str):
    return importlib.import_module(f"pieces_models_client.api.models.{name}")


def test_package_exports_the_client():
    """`from pieces_models_client import Client` is the entry point."""
    assert pieces_models_client.Client is Client
    assert "Client" in pieces_models_client.__all__


def test_model_classes_are_exactly_the_spec_schemas():
    """One class per components/schemas entry, named as in the spec: no invented inline names."""
    from pieces_models_client import models
    from tools import endpoints as spec

    assert set(models.__all__) == set(spec.schemas())


def test_every_exception_derives_from_one_base():
    """The package's exceptions form one hierarchy rooted at PiecesModelsError."""
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.PiecesModelsError) or name == "PiecesModelsError"
    assert issubclass(errors.UnexpectedStatus, errors.ApiError)
    assert issubclass(errors.ServerUnreachable, errors.TransportError)
    assert issubclass(errors.RequestTimeout, errors.TransportError)
    assert issubclass(errors.ResponseParseError, ValueError)
    assert issubclass(errors.InvalidParameter, ValueError)


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_endpoint_has_the_four_functions(name):
    """Each operation module has sync, sync_detailed, asyncio and asyncio_detailed."""
    module = endpoint(name)
    for function in ("sync", "sync_detailed"):
        assert inspect.isfunction(getattr(module, function))
        assert not inspect.iscoroutinefunction(getattr(module, function))
    for function in ("asyncio", "asyncio_detailed"):
        assert inspect.iscoroutinefunction(getattr(module, function))


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_endpoint_signatures_are_typed(name):
    """Path parameters are positional str, client and body keyword-only, returns typed."""
    path_params, body_type, returns = ENDPOINTS[name]
    module = endpoint(name)
    for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        fn = getattr(module, function)
        hints = typing.get_type_hints(fn)
        params = inspect.signature(fn).parameters
        for param in path_params:
            assert hints[param] is str
            assert params[param].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        assert params["client"].kind is inspect.Parameter.KEYWORD_ONLY
        assert hints["client"] is Client
        if body_type is None:
            assert "body" not in params
        else:
            assert set(typing.get_args(hints["body"])) == {body_type, Unset}
            assert params["body"].kind is inspect.Parameter.KEYWORD_ONLY
        expected = Response[returns] if function.endswith("_detailed") else returns
        actual = hints["return"]
        assert actual == (type(None) if expected is None else expected), f"{function}: {actual}"


def test_enums_list_spec_values_and_accept_unknown_ones():
    """Enums are str enums with every spec value; an unknown value is kept (see tests/robustness)."""
    from pieces_models_client.models import ModelFoundationEnum, ModelTypeEnum

    assert [m.value for m in ModelTypeEnum] == ["BALANCED", "SPEED", "ACCURACY"]
    assert ModelFoundationEnum("GPT_3.5") is ModelFoundationEnum.GPT_3_5
    assert ModelFoundationEnum("NOT_YET_RELEASED").value == "NOT_YET_RELEASED"


def test_package_exports_discovery():
    """find_pieces_os and its async twin are importable from the package root, next to Client."""
    from pieces_models_client import client as client_module

    assert pieces_models_client.find_pieces_os is client_module.find_pieces_os
    assert pieces_models_client.afind_pieces_os is client_module.afind_pieces_os
    assert {"find_pieces_os", "afind_pieces_os"} <= set(pieces_models_client.__all__)
    assert inspect.iscoroutinefunction(pieces_models_client.afind_pieces_os)
