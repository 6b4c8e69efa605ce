"""One settings object for newskg, read from ``NEWSKG_*`` environment variables.

Nothing else in the package reads ``os.environ``: code takes a :class:`Settings` (or the values it
needs) as an argument, so tests build their own settings instead of patching the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_BASE_IRI = "https://w3id.org/newskg/id/"


class Settings(BaseSettings):
    """Configuration of a newskg installation; every field has a ``NEWSKG_`` variable."""

    model_config = SettingsConfigDict(env_prefix="NEWSKG_", extra="ignore")

    store: str = Field(
        default="./newskg-data",
        description="A directory for the embedded Oxigraph store, or the http(s) URL of a remote "
        "SPARQL 1.1 query endpoint.",
    )
    store_update_url: str | None = Field(
        default=None,
        description="Remote store: SPARQL 1.1 Update endpoint (default: the query URL).",
    )
    store_graph_store_url: str | None = Field(
        default=None,
        description="Remote store: SPARQL 1.1 Graph Store Protocol endpoint; without it, "
        "graphs are replaced with SPARQL Update.",
    )
    store_user: str | None = Field(default=None, description="Remote store: HTTP basic user.")
    store_password: SecretStr | None = Field(default=None, description="Remote store: password.")
    store_batch_size: int = Field(
        default=50, ge=1, description="Remote store: article graphs sent per write request."
    )
    store_retries: int = Field(
        default=4, ge=0, description="Remote store: retries of a transient HTTP failure."
    )
    base_iri: str = Field(
        default=DEFAULT_BASE_IRI,
        description="Where resource IRIs are minted; set it to http(s)://<host>/id/ so that IRIs "
        "dereference on the host where newskg serves.",
    )
    api_token: SecretStr | None = Field(
        default=None, description="Bearer token for writes; without it the API is read-only."
    )
    query_timeout: float = Field(default=10.0, gt=0, description="Seconds a query may run.")
    query_workers: int = Field(
        default=2,
        ge=0,
        description="Embedded store: processes that run API queries so that a query past its time "
        "limit can be stopped; 0 runs them in threads of the server process.",
    )
    service_allow: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Hosts that SPARQL SERVICE may call (comma-separated); empty refuses SERVICE.",
    )
    shapes: Annotated[list[Path], NoDecode] = Field(
        default_factory=list,
        description="Extra SHACL files (comma-separated) every article must also conform to: "
        "house rules on top of shapes/, such as requiring a speaker on every figure.",
    )
    max_body_bytes: int = Field(
        default=5_000_000, gt=0, description="Largest request body the API accepts."
    )
    host: str = Field(default="127.0.0.1", description="Address `newskg serve` binds to.")
    port: int = Field(default=8000, description="Port `newskg serve` listens on.")

    @field_validator("service_allow", "shapes", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("base_iri")
    @classmethod
    def _base_ends_with_slash(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("base IRI must be an http(s) IRI")
        return value if value.endswith(("/", "#")) else value + "/"

    @property
    def is_remote(self) -> bool:
        """True when the store is a remote SPARQL endpoint rather than a local directory."""
        return self.store.startswith(("http://", "https://"))

    @property
    def store_path(self) -> Path:
        """The embedded store's directory."""
        return Path(self.store)
