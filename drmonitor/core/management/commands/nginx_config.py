"""Print the nginx server block that serves page files to anonymous readers (production).

nginx sends a page file (see core/page_files.py) when the request could only ever get the
shared cached page from Django anyway: GET or HEAD, no query string, no session or messages
cookie, no Authorization header. Everything else goes to gunicorn. The headers nginx adds to
a file are copied from a page Django renders right here, so the two can never disagree (a new
security header in settings reaches files once the config is generated again).

    drmonitor manage nginx_config --listen 80 --upstream 127.0.0.1:8000 --server-name example.org
"""

from __future__ import annotations

import re
from datetime import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.utils import override_settings

# Headers nginx makes itself for a file (or that no file may carry); the rest are copied.
NGINX_OWN = frozenset(
    {
        "content-type",
        "content-length",
        "etag",
        "last-modified",
        "date",
        "expires",
        "set-cookie",
        "x-page-cache",
    }
)
# Static files whose names carry ManifestStaticFilesStorage's content hash never change.
HASHED_STATIC = r"\.[0-9a-f]{12}\.[A-Za-z0-9]+$"


def quote(value: str) -> str:
    """An nginx string literal; nginx would expand "$", so a value with one is refused."""
    if "$" in value or "\n" in value or "\r" in value:
        raise CommandError(f"cannot put {value!r} into an nginx string literal")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def serves_https() -> bool:
    return bool(
        settings.SECURE_SSL_REDIRECT
        or settings.SECURE_PROXY_SSL_HEADER
        or settings.SECURE_HSTS_SECONDS
    )


def render_host(server_names: list[str]) -> str:
    """A host name Django accepts, to render the sample page with."""
    for name in [*server_names, *settings.ALLOWED_HOSTS]:
        if name and name not in ("_", "*") and not name.startswith((".", "~", "*")):
            return name
    return "localhost"


def page_headers(host: str) -> tuple[str, list[tuple[str, str]]]:
    """(Content-Type, other headers) of a cached page, from Django rendering "/" now.

    The page cache is forced on and page files off for this one request, so the answer is
    exactly what the cache stores and the command writes nothing.
    """
    seconds = max(settings.DRM_PAGE_CACHE_SECONDS, 1)
    with override_settings(DRM_PAGE_FILES_DIR="", DRM_PAGE_CACHE_SECONDS=seconds):
        response = Client(HTTP_HOST=host).get("/", secure=serves_https())
    if response.status_code != 200 or "X-Page-Cache" not in response:
        raise CommandError(
            f"rendering / for {host} gave status {response.status_code} and no page-cache "
            "header; run `drmonitor setup` and check ALLOWED_HOSTS"
        )
    headers = [(name, value) for name, value in response.items() if name.lower() not in NGINX_OWN]
    return response["Content-Type"], headers


def proxy_target(upstream: str) -> str:
    """proxy_pass's argument for host:port or unix:/path/to/socket."""
    if upstream.startswith("unix:"):
        return f"http://{upstream}:"
    if not re.fullmatch(r"[A-Za-z0-9.\-]+:\d+|\[[0-9A-Fa-f:.]+\]:\d+", upstream):
        raise CommandError(f"--upstream must be host:port or unix:/path, not {upstream!r}")
    return f"http://{upstream}"


def page_file_rules(content_type: str, headers: list[tuple[str, str]]) -> tuple[str, str]:
    """(server-level rules choosing the file, the body of `location /`)."""
    cookies = "|".join(re.escape(name) for name in (settings.SESSION_COOKIE_NAME, "messages"))
    no_file = "/.no-page-file"
    rules = [
        "# A page file only where Django would answer from its shared page cache too.",
        "set $drm_page_file /current/$host${uri}index.html;",
        f"if ($request_method !~ ^(GET|HEAD)$) {{ set $drm_page_file {no_file}; }}",
        f'if ($args != "") {{ set $drm_page_file {no_file}; }}',
        f'if ($http_cookie ~ "(^|;) *({cookies})=") {{ set $drm_page_file {no_file}; }}',
        f'if ($http_authorization != "") {{ set $drm_page_file {no_file}; }}',
    ]
    if settings.SECURE_SSL_REDIRECT:
        # Django redirects plain http to https; a file must not answer in its place. (This
        # assumes nginx terminates TLS; behind another TLS proxy, drop the line.)
        rules.append("# SECURE_SSL_REDIRECT: files only over https, Django redirects the rest.")
        rules.append(f'if ($scheme != "https") {{ set $drm_page_file {no_file}; }}')
    location = [
        f"root {quote(str(settings.DRM_PAGE_FILES_DIR))};",
        "try_files $drm_page_file @django;",
        "types { }",
        f"default_type {quote(content_type)};",
        "etag on;",
        *(f"add_header {name} {quote(value)};" for name, value in headers),
        "add_header X-Page-Cache file;",
    ]
    return "\n    ".join(rules), "\n        ".join(location)


def build(listen: str, upstream: str, server_names: list[str]) -> str:
    """The whole config text: optional page-file rules, static, media and the proxy."""
    target = proxy_target(upstream)
    if settings.DRM_PAGE_FILES_DIR:
        content_type, headers = page_headers(render_host(server_names))
        rules, file_location = page_file_rules(content_type, headers)
        root_location = f"""location / {{
        {file_location}
    }}

    location @django {{
        include drm_proxy_params;
    }}"""
    else:
        rules = "# Page files are off (DRM_PAGE_FILES_DIR is empty): gunicorn answers every page."
        root_location = """location / {
        include drm_proxy_params;
    }"""
    proxy = f"""proxy_pass {target};
        proxy_set_header Host $drm_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Real-IP $remote_addr;
        proxy_redirect off;"""
    root_location = root_location.replace("include drm_proxy_params;", proxy)
    static_root = str(settings.STATIC_ROOT).rstrip("/") + "/"
    media_root = str(settings.MEDIA_ROOT).rstrip("/") + "/"
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    return f"""# Digital Rights Monitor, generated by `drmonitor manage nginx_config` at {stamp}.
# Goes into nginx's http {{}} context, e.g. /etc/nginx/conf.d/drmonitor.conf. Generate it again
# after changing security settings: the headers sent with page files are copied from Django.
server {{
    listen {listen};
    server_name {" ".join(server_names)};
    client_max_body_size 64m;

    # Django sees the host nginx validated and the port nginx really listens on, never a port
    # the client made up: pages carry absolute links built from it, and a page file is shared
    # by every reader of the host.
    set $drm_host $host;
    if ($server_port !~ ^(80|443)$) {{ set $drm_host $host:$server_port; }}

    {rules}

    location /static/ {{
        alias {quote(static_root)};
        access_log off;
        add_header Cache-Control "public, max-age=86400";
        location ~ "{HASHED_STATIC}" {{
            add_header Cache-Control "public, max-age=31536000, immutable";
        }}
    }}

    location /media/ {{
        alias {quote(media_root)};
        add_header X-Content-Type-Options nosniff;
        # Documents go through Django, which checks their collection's privacy.
        location /media/documents/ {{ return 404; }}
    }}

    {root_location}
}}
"""


class Command(BaseCommand):
    help = "Print an nginx server block: page files for anonymous readers, gunicorn for others."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--listen", default="80", help='nginx "listen" value (default 80)')
        parser.add_argument(
            "--upstream",
            default="127.0.0.1:8000",
            help="gunicorn's address, host:port or unix:/path (default 127.0.0.1:8000)",
        )
        parser.add_argument(
            "--server-name",
            action="append",
            dest="server_names",
            help='a host name nginx answers for (repeatable; default "_", any)',
        )

    def handle(self, *args, listen: str, upstream: str, server_names, **options) -> None:
        self.stdout.write(build(listen, upstream, server_names or ["_"]), ending="")
