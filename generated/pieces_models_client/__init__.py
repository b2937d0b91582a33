"""A client library for accessing Pieces OS Models API"""

from .client import AuthenticatedClient, Client, afind_pieces_os, find_pieces_os

__all__ = (
    "AuthenticatedClient",
    "Client",
    "afind_pieces_os",
    "find_pieces_os",
)
