"""The measurement store: one DuckDB file holding every measurement ingested, with its verdict.

Needs the `store` extra (`pip install "drm-observatory[store]"`, DuckDB); a vantage point that
only probes does not install it.
"""
