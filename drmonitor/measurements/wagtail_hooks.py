"""The measurements app in the admin: probe tokens (token_admin.py)."""

from wagtail import hooks

from drmonitor.measurements.token_admin import probe_tokens


@hooks.register("register_admin_viewset")
def register_probe_tokens():
    return probe_tokens
