"""The API's human documentation, rendered by the site from the OpenAPI description.

django-ninja's Swagger page would load its scripts from a CDN (unless ninja's own static files
are installed); the site serves its own assets only, so it renders the description as a plain
page instead: every endpoint, its parameters and where the machine-readable version is.
"""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from ninja.openapi.docs import DocsBase


def _options(schema: dict, components: dict) -> list[str]:
    """The allowed values of a parameter, through `anyOf` and `$ref` as pydantic writes them."""
    if "$ref" in schema:
        schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
    if "enum" in schema:
        return [str(v) for v in schema["enum"]]
    return [v for option in schema.get("anyOf", []) for v in _options(option, components)]


def _parameters(operation: dict, components: dict) -> list[dict]:
    return [
        {
            "name": parameter["name"],
            "where": parameter["in"],
            "required": parameter.get("required", False),
            "description": parameter.get("description", ""),
            "options": _options(parameter.get("schema", {}), components),
        }
        for parameter in operation.get("parameters", [])
    ]


class SiteDocs(DocsBase):
    def render_page(self, request, api, **kwargs):
        schema = api.get_openapi_schema(path_params=kwargs)
        components = schema.get("components", {}).get("schemas", {})
        endpoints = [
            {
                "method": method.upper(),
                "path": path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "parameters": _parameters(operation, components),
            }
            for path, methods in schema["paths"].items()
            for method, operation in methods.items()
        ]
        return render(
            request,
            "api/docs.html",
            {
                "info": schema["info"],
                "endpoints": endpoints,
                "openapi_url": reverse("api:openapi-json"),
                "downloads": [
                    (reverse("api:incidents_csv"), "Incidents (STOP columns)"),
                    (reverse("api:cases_csv"), "Court cases"),
                    (reverse("api:hearings_csv"), "Hearings"),
                ],
            },
        )
