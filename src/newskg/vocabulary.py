"""The vocabulary graph: the ontology, metrics and units, stored beside the article graphs.

Keeping the vocabulary in the store lets users' queries (and the named queries) read metric,
status and unit labels and the class hierarchy with plain SPARQL on any endpoint.
"""

from __future__ import annotations

from newskg.resources import ontology_graph
from newskg.store.base import GraphPayload, Store

#: The name of the graph that holds the vocabulary (the ontology's own IRI).
VOCABULARY_GRAPH = "https://w3id.org/newskg/ontology"


def install_vocabulary(store: Store) -> None:
    """Replace the store's vocabulary graph with the ontology files of this installation."""
    payload = ontology_graph().serialize(format="nt", encoding="utf-8")
    store.replace_graphs([GraphPayload(VOCABULARY_GRAPH, payload)])
