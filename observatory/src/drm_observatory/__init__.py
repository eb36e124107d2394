"""The observatory: a probe that writes OONI Web Connectivity measurements, and verdicts on them.

`probe/` measures (DNS, TCP, TLS, HTTP against a control helper) and delivers; `analysis/`
reads OONI data and judges it by OONI's published rules; `lab/` and `testing/` are the
censorship lab and loopback servers its tests and benchmarks run against. Plain Python with no
Django and nothing of the site, so a probe runs on a small board at a vantage point and the
analysis is tested without a database or a network. Measurements are judged one at a time:
nothing here groups them over time yet.
"""
