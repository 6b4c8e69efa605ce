"""One exception hierarchy for newskg; ``status`` is the HTTP status the API answers with."""

from __future__ import annotations

from typing import Any


class NewskgError(Exception):
    """Base of every error newskg raises on purpose; the message is meant for the user."""

    status: int = 500
    code: str = "error"

    def __init__(self, message: str, *, detail: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class InputError(NewskgError):
    """An article or request that cannot be read (bad JSON, no text, unknown file type)."""

    status = 422
    code = "invalid_input"


class ValidationFailed(NewskgError):
    """An article graph that does not conform to the SHACL shapes; ``detail`` is the report."""

    status = 422
    code = "shacl_violation"


class QueryError(NewskgError):
    """A SPARQL query or update that does not parse or cannot run."""

    status = 400
    code = "malformed_query"


class QueryRefused(NewskgError):
    """A query newskg will not run (SERVICE to a host outside the allow-list)."""

    status = 403
    code = "query_refused"


class QueryTimeout(NewskgError):
    """A query that ran past the configured time limit."""

    status = 503
    code = "query_timeout"


class NotFound(NewskgError):
    """A resource, article or named query that does not exist."""

    status = 404
    code = "not_found"


class NotAcceptable(NewskgError):
    """No representation matches the request's Accept header."""

    status = 406
    code = "not_acceptable"


class Unauthorized(NewskgError):
    """A write without a valid bearer token."""

    status = 401
    code = "unauthorized"


class Forbidden(NewskgError):
    """A write to a read-only service (no token configured)."""

    status = 403
    code = "forbidden"


class StoreError(NewskgError):
    """The store failed or could not be reached; nothing was changed by newskg."""

    status = 502
    code = "store_error"


class StoreBusy(StoreError):
    """The embedded store is locked by another process."""

    status = 503
    code = "store_busy"
