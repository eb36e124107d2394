from importlib import import_module

from django.apps import AppConfig
from django.utils.module_loading import module_has_submodule


class SiteApp(AppConfig):
    """An app of the site. Every process that writes content (web, worker, shell) must record
    what it made stale, so an app with a `dependencies` module registers its models' cache keys
    there, once Django is ready.

    Apps import this module, not the class, so that Django still finds exactly one app config
    in each apps.py."""

    def ready(self) -> None:
        if module_has_submodule(self.module, "dependencies"):
            import_module(f"{self.name}.dependencies").register()
