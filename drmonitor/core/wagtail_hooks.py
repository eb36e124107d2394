"""Every page served stands behind its own key, whatever its type (see core/caching)."""

from wagtail import hooks

from drmonitor.core.caching import depends_on, keys


@hooks.register("before_serve_page")
def served_page_depends_on_itself(page, request, serve_args, serve_kwargs):
    depends_on(keys.page(page.pk))
