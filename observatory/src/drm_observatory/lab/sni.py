"""Read the server name (SNI) from the first bytes a TLS client sends.

The censor's TLS middlebox peeks at a connection's opening bytes and decides on the name, as an
SNI-filtering middlebox in the field does. Those bytes come from whoever connects, so the parser
never raises on them: it says the hello is complete (with or without a name), needs more bytes,
or is not a TLS ClientHello at all, and the middlebox relays what it cannot classify.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RECORD_HANDSHAKE = 0x16
HANDSHAKE_CLIENT_HELLO = 0x01
EXTENSION_SERVER_NAME = 0x0000
NAME_TYPE_HOST = 0x00
MAX_RECORD = 2**14 + 2048
MAX_HELLO = 2**16  # larger than any real ClientHello; stops a peer from making us buffer forever

State = Literal["complete", "incomplete", "malformed"]


@dataclass(frozen=True)
class ClientHello:
    """What the opening bytes say: `server_name` is set only for a complete hello with SNI."""

    state: State
    server_name: str | None = None
    reason: str = ""


class _Malformed(Exception):
    pass


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, count: int) -> bytes:
        if count < 0 or self.pos + count > len(self.data):
            raise _Malformed(f"field of {count} bytes runs past the end")
        chunk = self.data[self.pos : self.pos + count]
        self.pos += count
        return chunk

    def number(self, width: int) -> int:
        return int.from_bytes(self.take(width), "big")

    def vector(self, length_width: int) -> bytes:
        return self.take(self.number(length_width))

    @property
    def left(self) -> int:
        return len(self.data) - self.pos


def _handshake_bytes(data: bytes) -> tuple[bytes, bool]:
    """Join the payloads of the leading handshake records.

    The flag says a record of another type followed them, so no more hello bytes can come;
    otherwise a hello that is still short may continue in the next record.
    """
    payload, pos = bytearray(), 0
    while pos < len(data):
        header = data[pos : pos + 5]
        if header[0] != RECORD_HANDSHAKE:
            if payload:
                return bytes(payload), True
            raise _Malformed(f"record type {header[0]:#04x} is not a handshake")
        if len(header) >= 2 and header[1] != 0x03:
            raise _Malformed(f"record version major {header[1]} is not TLS")
        if len(header) < 5:
            break
        length = int.from_bytes(header[3:5], "big")
        if length == 0 or length > MAX_RECORD:
            raise _Malformed(f"record length {length} is impossible")
        payload += data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    return bytes(payload), False


def _server_name(extensions: _Reader) -> str | None:
    name = None
    while extensions.left:
        kind = extensions.number(2)
        body = _Reader(extensions.vector(2))
        if kind != EXTENSION_SERVER_NAME:
            continue
        names = _Reader(body.vector(2))
        if body.left:
            raise _Malformed("bytes after the server name list")
        while names.left:
            name_type = names.number(1)
            value = names.vector(2)
            if name_type == NAME_TYPE_HOST and name is None:
                name = _host_name(value)
    return name


def _host_name(value: bytes) -> str:
    if not value or len(value) > 255:
        raise _Malformed("empty or overlong host name")
    try:
        text = value.decode("ascii")
    except UnicodeDecodeError as error:
        raise _Malformed("host name is not ASCII") from error
    if not all(ch.isalnum() or ch in "-._" for ch in text):
        raise _Malformed("host name has characters a DNS name cannot have")
    return text.lower().rstrip(".")


def parse_client_hello(data: bytes) -> ClientHello:
    """Classify the opening bytes of a connection; never raises on any input."""
    if not data:
        return ClientHello("incomplete")
    try:
        handshake, ended = _handshake_bytes(data)
        if len(handshake) < 4:
            if ended:
                raise _Malformed("handshake header cut short")
            return ClientHello("incomplete")
        if handshake[0] != HANDSHAKE_CLIENT_HELLO:
            raise _Malformed(f"handshake type {handshake[0]} is not ClientHello")
        length = int.from_bytes(handshake[1:4], "big")
        if length > MAX_HELLO:
            raise _Malformed(f"ClientHello of {length} bytes is implausible")
        if len(handshake) < 4 + length:
            if ended:
                raise _Malformed("ClientHello cut short by another record")
            return ClientHello("incomplete")
        hello = _Reader(handshake[4 : 4 + length])
        hello.take(2 + 32)  # legacy version, random
        if len(hello.vector(1)) > 32:
            raise _Malformed("session id longer than 32 bytes")
        suites = hello.vector(2)
        if not suites or len(suites) % 2:
            raise _Malformed("cipher suite list empty or odd")
        if not hello.vector(1):
            raise _Malformed("no compression methods")
        if not hello.left:
            return ClientHello("complete")
        extensions = _Reader(hello.vector(2))
        if hello.left:
            raise _Malformed("bytes after the extensions")
        return ClientHello("complete", _server_name(extensions))
    except _Malformed as error:
        return ClientHello("malformed", reason=str(error))
