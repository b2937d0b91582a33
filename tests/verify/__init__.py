"""`make verify` (tools/verify.py): the read-only drift report against a running Pieces OS."""
