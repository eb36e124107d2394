"""Real servers for tests and the censorship lab: a CA, DNS, HTTP(S) sites and misbehaving peers.

Each module runs on its own as `python -m drmonitor.observatory.testing.<module> --listen ...`
so the lab can start them inside network namespaces; tests import the classes directly.
"""
