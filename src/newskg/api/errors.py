"""The API's one JSON error envelope: ``{"error": {"code": ..., "message": ..., "detail": ...}}``.

Every error leaves the API in this shape: newskg's own errors (with their ``status`` and
``code``), FastAPI's request validation errors, Starlette's HTTP exceptions (404, 405, ...) and
any unexpected exception, which is logged here and answered with a generic 500 message (never a
stack trace).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newskg.errors import NewskgError

logger = logging.getLogger("newskg.api")


class BadRequest(NewskgError):
    """A request that breaks the protocol (two queries, a query and an update, ...)."""

    status = 400
    code = "bad_request"


class UnsupportedMediaType(NewskgError):
    """A request body in a media type or character set the endpoint does not read."""

    status = 415
    code = "unsupported_media_type"


class PayloadTooLarge(NewskgError):
    """A request body larger than ``Settings.max_body_bytes``."""

    status = 413
    code = "payload_too_large"


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


def envelope(
    status: int,
    code: str,
    message: str,
    detail: Any = None,
    *,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The JSON error response every error of the API is answered with."""
    body = {"error": {"code": code, "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status, headers=headers)


def error_response(error: NewskgError) -> JSONResponse:
    """The envelope for one of newskg's own errors."""
    headers = {"WWW-Authenticate": "Bearer"} if error.status == 401 else None
    return envelope(error.status, error.code, error.message, error.detail, headers=headers)


async def _newskg_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, NewskgError)
    return error_response(error)


async def _validation_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    # Only location, message and type: the raw input and context may hold objects (and echo
    # back whatever the client sent).
    problems = [
        {"loc": list(item.get("loc", ())), "message": item.get("msg", ""), "type": item.get("type")}
        for item in error.errors()
    ]
    first = problems[0] if problems else {"loc": [], "message": "invalid request"}
    where = ".".join(str(part) for part in first["loc"])
    message = f"{where}: {first['message']}" if where else str(first["message"])
    return envelope(422, "invalid_request", message, problems)


async def _http_error(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    status = error.status_code
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    code = _CODES.get(status, phrase.lower().replace(" ", "_").replace("-", "_"))
    message = error.detail if isinstance(error.detail, str) and error.detail else phrase
    return envelope(status, code, message, headers=dict(error.headers or {}) or None)


class CatchUnexpected:
    """ASGI middleware: an unexpected exception is logged and answered with a generic 500.

    It sits inside the CORS middleware, so that browsers can read the envelope, and it does
    not re-raise (as Starlette's last-resort handler does), so each error is logged once.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            logger.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            response = envelope(
                500, "internal_error", "internal server error; the server log has the details"
            )
            await response(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    """Answer newskg errors, validation errors and HTTP exceptions of ``app`` with the envelope."""
    app.add_exception_handler(NewskgError, _newskg_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
