"""Functions run in worker processes by test_pickling (importable by name, as "spawn" requires), and
the realistic exception instances both sides build."""

from __future__ import annotations

from pieces_models_client import Client, errors
from pieces_models_client.api.models import models_snapshot

URL = "http://127.0.0.1:39300/models"
OPERATION = "models-snapshot"


def examples() -> dict[str, errors.PiecesModelsError]:
    """One realistic instance of every class in errors.__all__, by class name."""
    headers = {
        "Content-Type": "text/plain",
        "Location": "http://127.0.0.1:39301/models",
        "X-Request-Id": "r1",
    }
    return {
        "PiecesModelsError": errors.PiecesModelsError("something went wrong"),
        "ApiError": errors.ApiError(500, b"Internal Server Error: model not found", OPERATION, headers),
        "UnexpectedStatus": errors.UnexpectedStatus(307, b"moved", OPERATION, headers),
        "ResponseParseError": errors.ResponseParseError(
            "expected a date-time string, got 5",
            ["iterable", 3, "created", "value"],
            status_code=200,
            content=b'{"iterable": [{"created": {"value": 5}}]}',
            operation=OPERATION,
        ),
        "TransportError": errors.TransportError(
            f"{OPERATION}: the connection to {URL} failed", URL, OPERATION
        ),
        "ServerUnreachable": errors.ServerUnreachable(
            f"{OPERATION}: cannot connect to {URL}", URL, OPERATION
        ),
        "RequestTimeout": errors.RequestTimeout(f"{OPERATION}: {URL} did not answer in time", URL, OPERATION),
        "ResponseTooLarge": errors.ResponseTooLarge(1000, 65536, 200, URL, OPERATION),
        "ClientClosed": errors.ClientClosed(
            f"{OPERATION}: the httpx client given to set_httpx_client is closed"
        ),
        "InvalidParameter": errors.InvalidParameter("model", "expected a str, got int 5"),
    }


def raise_example(name: str) -> None:
    raise examples()[name]


def call_snapshot(base_url: str) -> None:
    """Call models_snapshot against `base_url`: whatever it raises travels back to the parent."""
    with Client(base_url=base_url, max_response_bytes=10_000) as client:
        models_snapshot.sync(client=client)
