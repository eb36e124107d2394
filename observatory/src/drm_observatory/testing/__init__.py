"""What the observatory's tests stand on: loopback servers and the rule for missing parts.

Real servers (a CA, DNS, HTTP(S) sites, misbehaving peers, an ingest) that tests and
bench/probe_bench.py use in-process through `world.LoopbackWorld`; the censorship lab
(`drm_observatory.lab`) reuses the CA and the DNS answer building, never the reverse.
`requirements.require` skips a test whose real part is missing (or fails it in CI); the site's
tests use the same rule.
"""
