"""Map Python's network exceptions to OONI failure strings.

Consumers of Web Connectivity data (OONI's fastpath, our verdict rules) branch on these exact
strings, so every step of the probe reports its failure through this one function.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import ssl

import dns.exception
import dns.rcode
import dns.resolver

GENERIC_TIMEOUT = "generic_timeout_error"
CONNECTION_REFUSED = "connection_refused"
CONNECTION_RESET = "connection_reset"
CONNECTION_ABORTED = "connection_aborted"
EOF_ERROR = "eof_error"
DNS_NXDOMAIN = "dns_nxdomain_error"
DNS_NO_ANSWER = "dns_no_answer"
DNS_REFUSED = "dns_refused_error"
DNS_SERVER_MISBEHAVING = "dns_server_misbehaving"
DNS_TEMPORARY = "dns_temporary_failure"
DNS_NON_RECOVERABLE = "dns_non_recoverable_failure"
SSL_INVALID_HOSTNAME = "ssl_invalid_hostname"
SSL_UNKNOWN_AUTHORITY = "ssl_unknown_authority"
SSL_INVALID_CERTIFICATE = "ssl_invalid_certificate"
SSL_FAILED_HANDSHAKE = "ssl_failed_handshake"
HOST_UNREACHABLE = "host_unreachable"
NETWORK_UNREACHABLE = "network_unreachable"

# OpenSSL X509_V_ERR_* codes that say "I do not know who signed this".
_UNKNOWN_AUTHORITY_CODES = {2, 18, 19, 20, 21}
_HOSTNAME_MISMATCH = 62

_ERRNO = {
    errno.ECONNREFUSED: CONNECTION_REFUSED,
    errno.ECONNRESET: CONNECTION_RESET,
    errno.ECONNABORTED: CONNECTION_ABORTED,
    errno.ETIMEDOUT: GENERIC_TIMEOUT,
    errno.EHOSTUNREACH: HOST_UNREACHABLE,
    errno.ENETUNREACH: NETWORK_UNREACHABLE,
    errno.EPIPE: CONNECTION_RESET,
}

_GAI = {
    socket.EAI_NONAME: DNS_NXDOMAIN,
    getattr(socket, "EAI_NODATA", -5): DNS_NO_ANSWER,
    socket.EAI_AGAIN: DNS_TEMPORARY,
    socket.EAI_FAIL: DNS_NON_RECOVERABLE,
}


class ProbeFailure(Exception):
    """A failure already expressed as an OONI string (e.g. a malformed response we parsed)."""

    def __init__(self, failure: str) -> None:
        super().__init__(failure)
        self.failure = failure


def classify(exc: BaseException) -> str:
    """Return the OONI failure string for an exception raised by a network step."""
    if isinstance(exc, ProbeFailure):
        return exc.failure
    if isinstance(exc, TimeoutError | asyncio.TimeoutError | dns.exception.Timeout):
        return GENERIC_TIMEOUT
    if isinstance(exc, ssl.SSLCertVerificationError):
        code = getattr(exc, "verify_code", None)
        if code == _HOSTNAME_MISMATCH:
            return SSL_INVALID_HOSTNAME
        if code in _UNKNOWN_AUTHORITY_CODES:
            return SSL_UNKNOWN_AUTHORITY
        return SSL_INVALID_CERTIFICATE
    if isinstance(exc, ssl.SSLEOFError | ssl.SSLZeroReturnError | asyncio.IncompleteReadError):
        return EOF_ERROR
    if isinstance(exc, ssl.SSLError):
        if "RESET" in str(exc).upper():
            return CONNECTION_RESET
        return SSL_FAILED_HANDSHAKE
    if isinstance(exc, dns.resolver.NXDOMAIN):
        return DNS_NXDOMAIN
    if isinstance(exc, dns.resolver.NoAnswer):
        return DNS_NO_ANSWER
    if isinstance(exc, socket.gaierror):
        return _GAI.get(exc.errno, f"unknown_failure: {exc}")
    if isinstance(exc, ConnectionRefusedError):
        return CONNECTION_REFUSED
    if isinstance(exc, ConnectionResetError | BrokenPipeError):
        return CONNECTION_RESET
    if isinstance(exc, ConnectionAbortedError):
        return CONNECTION_ABORTED
    if isinstance(exc, OSError) and exc.errno in _ERRNO:
        return _ERRNO[exc.errno]
    if isinstance(exc, EOFError):
        return EOF_ERROR
    return f"unknown_failure: {type(exc).__name__}: {exc}"


def rcode_failure(rcode: int) -> str | None:
    """The failure a DNS response code stands for, as OONI's resolvers report it."""
    if rcode == dns.rcode.NOERROR:
        return None
    if rcode == dns.rcode.NXDOMAIN:
        return DNS_NXDOMAIN
    if rcode == dns.rcode.REFUSED:
        return DNS_REFUSED
    return DNS_SERVER_MISBEHAVING
