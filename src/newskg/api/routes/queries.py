"""Named queries over HTTP: ``GET /api/queries`` lists them, ``GET /api/queries/{name}`` runs one.

One route per query file is generated when the app is created, with the query's declared
parameters as typed query parameters, so that /docs and /openapi.json show every named query with
its summary, description and parameters. Values are checked by :meth:`NamedQuery.bindings` and
bound to the query's variables by the store, never pasted into its text.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine, Mapping
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import WithJsonSchema
from starlette.concurrency import run_in_threadpool

from newskg.api.deps import QueriesDep, get_settings, get_store
from newskg.api.routes.sparql import requested_formats, result_response
from newskg.formats import GRAPH_FORMATS, RESULT_FORMATS
from newskg.queries import NamedQuery, Parameter, ParamType
from newskg.store.base import QueryOptions

router = APIRouter(tags=["named queries"])

# The IRI type carries its JSON-schema format on the string itself, so an optional IRI shows
# as anyOf[{string, format: uri}, null] rather than a format beside the anyOf.
_IRI = Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]
_PYTHON_TYPES: dict[ParamType, Any] = {
    ParamType.IRI: _IRI,
    ParamType.STRING: str,
    ParamType.INTEGER: int,
    ParamType.DECIMAL: Decimal,
    ParamType.DATE: date,
    ParamType.BOOLEAN: bool,
}
_FORMAT_NAMES = ["json", "xml", "csv", "tsv", "ttl", "nt", "jsonld", "rdfxml"]
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The query's results, in the format the Accept header or `format` asks for.",
        "content": {fmt.media_type: {} for fmt in RESULT_FORMATS + GRAPH_FORMATS},
    }
}


@router.get("/api/queries", summary="The named queries and their parameters")
async def list_queries(request: Request, queries: QueriesDep) -> dict[str, Any]:
    """Every published named query: name, summary, description, parameters and URL."""
    return {
        "queries": [
            describe(query, str(request.url_for("list_queries"))) for query in queries.values()
        ]
    }


def describe(query: NamedQuery, base: str) -> dict[str, Any]:
    """A JSON description of a named query."""
    return {
        "name": query.name,
        "summary": query.summary,
        "description": query.description,
        "url": f"{base.rstrip('/')}/{query.name}",
        "parameters": [
            {
                "name": param.name,
                "type": param.type.value,
                "required": param.required,
                "default": param.default,
                "description": param.description,
            }
            for param in query.parameters
        ],
    }


def named_query_router(queries: Mapping[str, NamedQuery]) -> APIRouter:
    """A router with one ``GET /api/queries/{name}`` route per named query."""
    generated = APIRouter(tags=["named queries"])
    for query in queries.values():
        generated.add_api_route(
            f"/api/queries/{query.name}",
            _endpoint_for(query),
            methods=["GET"],
            summary=query.summary,
            description=query.description or query.summary,
            operation_id=f"query_{query.name.replace('-', '_')}",
            response_class=Response,
            responses=_RESPONSES,
        )
    return generated


def _endpoint_for(query: NamedQuery) -> Callable[..., Coroutine[Any, Any, Response]]:
    """An endpoint whose signature declares the query's parameters, for FastAPI to validate."""
    declared = {f"p_{param.name}": param for param in query.parameters}

    async def run_named_query(request: Request, **values: Any) -> Response:
        raw = {
            declared[key].name: _as_text(value)
            for key, value in values.items()
            if key in declared and value is not None
        }
        names = {param.name for param in query.parameters} | {"format"}
        # Unknown parameters go to bindings() too, which refuses them by name: a misspelt
        # filter must not be ignored silently.
        raw.update((key, value) for key, value in request.query_params.items() if key not in names)
        bindings = query.bindings(raw)
        options = QueryOptions(
            accept=requested_formats(
                request.headers.get("accept"), request.query_params.multi_items()
            ),
            bindings=bindings,
            timeout=get_settings(request).query_timeout,
        )
        result = await run_in_threadpool(get_store(request).query, query.text, options)
        return result_response(result, vary="format" not in request.query_params)

    parameters = [
        inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)
    ]
    for key, param in declared.items():
        parameters.append(
            inspect.Parameter(
                key,
                inspect.Parameter.KEYWORD_ONLY,
                annotation=_annotation(param),
                default=_default(param),
            )
        )
    parameters.append(
        inspect.Parameter(
            "result_format",
            inspect.Parameter.KEYWORD_ONLY,
            annotation=Annotated[
                str | None,
                Query(
                    alias="format",
                    description="The result format, instead of the Accept header.",
                    json_schema_extra={"enum": _FORMAT_NAMES},
                ),
            ],
            default=None,
        )
    )
    run_named_query.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    run_named_query.__name__ = f"query_{query.name.replace('-', '_')}"
    return run_named_query


def _annotation(param: Parameter) -> Any:
    python_type = _PYTHON_TYPES[param.type]
    options = Query(alias=param.name, description=param.description or None)
    if param.required:
        return Annotated[python_type, options]
    return Annotated[python_type | None, options]


def _default(param: Parameter) -> Any:
    if param.required:
        return inspect.Parameter.empty
    if param.default is None:
        return None
    text = param.default
    converters: dict[ParamType, Callable[[str], Any]] = {
        ParamType.INTEGER: int,
        ParamType.DECIMAL: Decimal,
        ParamType.DATE: date.fromisoformat,
        ParamType.BOOLEAN: lambda value: value.lower() in ("true", "1"),
    }
    return converters.get(param.type, str)(text)


def _as_text(value: Any) -> str:
    """A validated value back as the text :meth:`NamedQuery.bindings` parses."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
