"""The observatory: measurement, OONI format, verdicts and episodes.

Plain Python with no Django imports, so a probe can run on a small board at a vantage point
and the analysis can be tested without a database or a network.
"""
