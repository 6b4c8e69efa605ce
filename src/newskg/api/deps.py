"""Dependencies of the API's routes, as ``Annotated`` aliases: ``def route(store: StoreDep)``.

The settings, the store and the named queries live on ``app.state`` (set by
:func:`newskg.api.app.create_app`); routes reach them only through these aliases.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Annotated

from fastapi import Depends, Request

from newskg.errors import Forbidden, Unauthorized
from newskg.queries import NamedQuery
from newskg.settings import Settings
from newskg.store.base import Store


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_store(request: Request) -> Store:
    """The store the app opened (or was given)."""
    store: Store = request.app.state.store
    return store


def get_queries(request: Request) -> Mapping[str, NamedQuery]:
    """The named queries the app publishes, by name."""
    queries: Mapping[str, NamedQuery] = request.app.state.queries
    return queries


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
QueriesDep = Annotated[Mapping[str, NamedQuery], Depends(get_queries)]


def check_write_access(request: Request, settings: Settings) -> None:
    """Raise Forbidden when writes are disabled, Unauthorized without the right bearer token."""
    if settings.api_token is None or not settings.api_token.get_secret_value():
        raise Forbidden("writes are disabled: set NEWSKG_API_TOKEN")
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        raise Unauthorized("this request needs a bearer token (Authorization: Bearer <token>)")
    expected = settings.api_token.get_secret_value().encode()
    if not hmac.compare_digest(credentials.strip().encode(), expected):
        raise Unauthorized("the bearer token is not valid")


def require_write_access(request: Request, settings: SettingsDep) -> None:
    """Dependency form of :func:`check_write_access`."""
    check_write_access(request, settings)


#: Add ``_: WriteAccess`` to a route's parameters to make it need the bearer token.
WriteAccess = Annotated[None, Depends(require_write_access)]
