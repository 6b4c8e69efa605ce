"""newskg: news articles to a validated, queryable knowledge graph.

The pipeline runs one way: extract -> resolve -> map -> validate -> store -> serve.
"""

__version__ = "0.1.0"
