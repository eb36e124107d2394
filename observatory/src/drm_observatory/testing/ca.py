"""A throwaway certificate authority for the loopback world and the lab.

The probe validates certificates like any client would; tests issue their servers a certificate
from a CA made for them alone and tell the probe (`--ca-file`) and the helper to trust it, so a
validation failure in a test means what it would mean in the field.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


# How long a certificate made here is valid: long enough for any test run, never a real one.
_VALID = dt.timedelta(days=30)

# cryptography's KeyUsage wants every one of these named, in this order.
_KEY_USAGES = (
    "digital_signature",
    "content_commitment",
    "key_encipherment",
    "data_encipherment",
    "key_agreement",
    "key_cert_sign",
    "crl_sign",
    "encipher_only",
    "decipher_only",
)


def _key_usage(*allowed: str) -> x509.KeyUsage:
    """A KeyUsage extension that allows only the uses named."""
    unknown = set(allowed) - set(_KEY_USAGES)
    if unknown:
        raise ValueError(f"not a key usage: {', '.join(sorted(unknown))}")
    return x509.KeyUsage(**{usage: usage in allowed for usage in _KEY_USAGES})


def _builder(
    subject: x509.Name,
    issuer: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    start: dt.datetime,
    end: dt.datetime,
) -> x509.CertificateBuilder:
    """A certificate for `key`, valid from `start` to `end`, before its extensions."""
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
    )


@dataclass
class Leaf:
    cert_pem: bytes
    key_pem: bytes

    def write(self, directory: Path, stem: str = "server") -> tuple[Path, Path]:
        cert, key = directory / f"{stem}.pem", directory / f"{stem}.key"
        cert.write_bytes(self.cert_pem)
        key.write_bytes(self.key_pem)
        key.chmod(0o600)
        return cert, key

    def server_context(self, directory: Path, stem: str = "server") -> ssl.SSLContext:
        cert, key = self.write(directory, stem)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        return context


class CertificateAuthority:
    def __init__(self, name: str = "DRM Lab CA") -> None:
        self.key = _key()
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
        now = dt.datetime.now(dt.UTC)
        self.cert = (
            _builder(subject, subject, self.key, now - dt.timedelta(days=1), now + _VALID)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                _key_usage("digital_signature", "key_cert_sign", "crl_sign"), critical=True
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False
            )
            .sign(self.key, hashes.SHA256())
        )

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def write(self, directory: Path) -> Path:
        path = directory / "ca.pem"
        path.write_bytes(self.pem)
        return path

    def issue(self, names: list[str], ips: list[str] = (), expired: bool = False) -> Leaf:
        key = _key()
        now = dt.datetime.now(dt.UTC)
        start = now - dt.timedelta(days=10 if expired else 1)
        end = now - dt.timedelta(days=2) if expired else now + _VALID
        alt: list[x509.GeneralName] = [x509.DNSName(n) for n in names]
        alt += [x509.IPAddress(ipaddress.ip_address(ip)) for ip in ips]
        common = names[0] if names else (ips[0] if ips else "server")
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])
        cert = (
            _builder(subject, self.cert.subject, key, start, end)
            .add_extension(x509.SubjectAlternativeName(alt), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                critical=False,
            )
            .sign(self.key, hashes.SHA256())
        )
        return Leaf(cert.public_bytes(serialization.Encoding.PEM), _pem_key(key))
