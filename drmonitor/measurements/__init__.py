"""The observatory on the site: what the measurement store says, for readers and editors.

The store itself (DuckDB, one row per measurement with both verdicts) and everything that reads
measurements belong to the `drm_observatory` distribution; this app opens the store the site's
settings name and shows it: the status board, a page per service and country, a page per
measurement, the endpoint our probes deliver to, the measured episodes on the tracker's incident
timelines, and the watch that tells editors when a service's state changes on a network.
"""
