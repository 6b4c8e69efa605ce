"""The API's routers, one module per resource; :mod:`newskg.api.app` lists them in ``ROUTERS``."""
