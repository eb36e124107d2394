"""A recording is served in pieces (HTTP Range), so a player can start at once and seek without
downloading what lies before: by Django (`make run`, the embedded default) and by nginx in
production. Checked through the test client, over a real socket against the site's WSGI app, and
through real nginx with the generated configuration."""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from drmonitor.core.tests.test_nginx import nginx_dir, nginx_front  # noqa: F401 - fixtures
from drmonitor.media import sound

RECORDING = sound.beeping_wav(3, [1, 2])  # 24,044 bytes
URL = "/media/media/range-test.wav"


@pytest.fixture
def recording() -> bytes:
    path = Path(settings.MEDIA_ROOT) / "media" / "range-test.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(RECORDING)
    return RECORDING


def fetch(port: int, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_range_gets_206_with_just_those_bytes(client, db, recording):
    whole = client.get(URL)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert body_of(whole) == recording

    part = client.get(URL, HTTP_RANGE="bytes=100-1099")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-1099/{len(recording)}"
    assert part["Content-Length"] == "1000" and part["Content-Type"] == "audio/x-wav"
    assert body_of(part) == recording[100:1100]


def test_open_ended_and_suffix_ranges(client, db, recording):
    size = len(recording)
    rest = client.get(URL, HTTP_RANGE=f"bytes={size - 10}-")
    assert rest.status_code == 206 and body_of(rest) == recording[-10:]
    assert rest["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"
    last = client.get(URL, HTTP_RANGE="bytes=-44")
    assert last.status_code == 206 and body_of(last) == recording[-44:]
    beyond_end = client.get(URL, HTTP_RANGE="bytes=0-99999999")
    assert beyond_end.status_code == 206 and body_of(beyond_end) == recording


def test_a_range_past_the_end_is_refused_and_anything_odd_gets_the_whole_file(
    client, db, recording
):
    refused = client.get(URL, HTTP_RANGE=f"bytes={len(recording)}-")
    assert refused.status_code == 416
    assert refused["Content-Range"] == f"bytes */{len(recording)}"
    for header in ("bytes=0-1,5-6", "lines=1-2", "bytes=9-3"):
        response = client.get(URL, HTTP_RANGE=header)
        assert response.status_code == 200 and body_of(response) == recording, header
    stale = client.get(URL, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE="Wed, 01 Jan 2020 00:00:00 GMT")
    assert stale.status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_site_answers_ranges_over_a_real_socket(site_server, recording):
    port = urlsplit(site_server).port
    status, headers, body = fetch(port, URL, Range="bytes=44-")
    assert status == 206
    assert headers["content-range"] == f"bytes 44-{len(recording) - 1}/{len(recording)}"
    assert body == recording[44:]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_serves_recordings_with_ranges(home, nginx_front, recording):  # noqa: F811
    status, headers, body = fetch(nginx_front, URL, Range="bytes=1000-1999")
    assert status == 206
    assert headers["content-range"] == f"bytes 1000-1999/{len(recording)}"
    assert body == recording[1000:2000]
    assert fetch(nginx_front, URL)[1]["accept-ranges"] == "bytes"
