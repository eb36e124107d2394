"""Real servers for the loopback tests: a CA, DNS, HTTP(S) sites, misbehaving peers, an ingest.

Tests and bench/probe_bench.py use them in-process through `world.LoopbackWorld`; the
censorship lab (observatory.lab) reuses the CA and the DNS answer building, never the reverse.
"""
