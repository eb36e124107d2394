"""A loopback stand-in for OONI's API: `/api/v1/measurements` (pages linked by
`metadata.next_url`) and `/api/v1/raw_measurement`, in the shapes api.ooni.io answers.

The listing is ordered by measurement_start_time and cut by `since`/`until`/`limit`/`offset`
as OONI's is; other filters (country, domain) are recorded in `requests`, not applied: the
listing given is what the API would answer for them. `faults` scripts failures before
success; `hold` keeps a request waiting until released (a client killed while it waits).
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Fault:
    status: int
    headers: dict[str, str] = field(default_factory=dict)


class FakeOoniApi:
    def __init__(self, listing: list[dict], raws: dict[str, bytes]) -> None:
        self.listing = sorted(listing, key=lambda r: r["measurement_start_time"])
        self.raws = raws
        # Keyed by "page:OFFSET" or "raw:UID": answered in order before the real answer.
        self.faults: dict[str, list[Fault]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []  # ("page"|"raw", query)
        self.user_agents: set[str] = set()
        self.hold: str | None = None  # a key as in `faults`
        self.held = threading.Event()  # set when the held request arrives
        self.release = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeOoniApi:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def raw_requests(self) -> list[str]:
        return [q["measurement_uid"] for kind, q in self.requests if kind == "raw"]

    def answer(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if path == "/api/v1/measurements":
            offset = int(query.get("offset", 0))
            kind, key = "page", f"page:{offset}"
        elif path == "/api/v1/raw_measurement":
            kind, key = "raw", f"raw:{query.get('measurement_uid')}"
        else:
            return 404, {}, b'{"error": "not found"}'
        self.requests.append((kind, query))
        if key == self.hold:
            self.held.set()
            self.release.wait(60)
        pending = self.faults.get(key)
        if pending:
            fault = pending.pop(0)
            return fault.status, fault.headers, b'{"error": "scripted"}'
        if kind == "raw":
            raw = self.raws.get(query["measurement_uid"])
            if raw is None:
                return 404, {}, b'{"error": "measurement not found"}'
            return 200, {}, raw
        return 200, {}, json.dumps(self._page(query, offset)).encode()

    def _page(self, query: dict[str, str], offset: int) -> dict:
        since, until = query.get("since", ""), query.get("until")
        rows = [
            r
            for r in self.listing
            if r["measurement_start_time"].removesuffix("Z") >= since
            and (until is None or r["measurement_start_time"] < until)
        ]
        limit = int(query.get("limit", 100))
        following = {**query, "offset": str(offset + limit)}
        next_url = (
            f"{self.url}/api/v1/measurements?{urllib.parse.urlencode(following)}"
            if offset + limit < len(rows)
            else None
        )
        return {
            "metadata": {
                "count": len(rows),
                "current_page": offset // limit + 1,
                "limit": limit,
                "next_url": next_url,
                "offset": offset,
                "pages": -(-len(rows) // limit),
                "query_time": 0.01,
            },
            "results": rows[offset : offset + limit],
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                api.user_agents.add(self.headers.get("User-Agent", ""))
                status, headers, body = api.answer(url.path, query)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client was killed while it waited: what the test is about

            def log_message(self, *args: object) -> None:
                pass

        return Handler
