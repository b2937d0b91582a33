"""Loopback servers for tests: ``serve(answer)``, with ``answer`` a werkzeug Response or handler
(pytest-httpserver), or a tools.loopback.RawServer. Both keep each request in ``received``."""

from __future__ import annotations

import logging
import re
import ssl
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Response

from pieces_models_client import Client
from tools import ROOT
from tools.loopback import HTTPServerMixin, RawServer

logging.getLogger("werkzeug").disabled = True  # no line on stderr per request

# httpx loads the CA bundle for every client it creates (about 60 ms), even for plain http:// URLs.
# Loopback tests speak plain HTTP, so their clients share one context.
SSL_CONTEXT = ssl.create_default_context()


def client(base_url: str, **kwargs: Any) -> Client:
    """A generated-client Client for a loopback URL, sharing SSL_CONTEXT."""
    return Client(base_url=base_url, verify_ssl=SSL_CONTEXT, **kwargs)


class Server(HTTPServerMixin, HTTPServer):
    """pytest-httpserver's server answering ``answer`` to every request, on 127.0.0.1 (or ``host``) and a
    free port outside the discovery range (or ``port``)."""

    def __init__(self, answer: Any, host: str = "127.0.0.1", port: int = 0, **kwargs: Any):
        super().__init__(host, port, threaded=True, **kwargs)
        respond = (lambda request: answer) if isinstance(answer, Response) else answer
        self.expect_request(re.compile(".*")).respond_with_handler(respond)


def serve(answer: Any, **kwargs: Any) -> Server | RawServer:
    return answer if isinstance(answer, RawServer) else Server(answer, **kwargs)


TLS = ROOT / "tests" / "data" / "tls"  # a self-signed certificate for 127.0.0.1, and its key


def serve_tls(answer: Any) -> Server:
    """``answer`` served over TLS with the certificate of TLS."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "cert.pem", TLS / "key.pem")
    return Server(answer, ssl_context=context)


def trusting_tls() -> ssl.SSLContext:
    """A client context that trusts the certificate of TLS (and nothing else)."""
    return ssl.create_default_context(cafile=str(TLS / "cert.pem"))
