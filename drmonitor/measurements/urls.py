"""The observatory's public pages (added by the issue that builds them)."""

urlpatterns: list = []
