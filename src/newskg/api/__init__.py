"""newskg's HTTP API: a SPARQL 1.1 Protocol endpoint, named queries and (from routes/) the rest.

Create the ASGI app with :func:`newskg.api.app.create_app`; ``uvicorn --factory
newskg.api.app:create_app`` reads its settings from ``NEWSKG_*`` variables.
"""
