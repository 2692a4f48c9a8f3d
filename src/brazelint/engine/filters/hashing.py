"""Digest and HMAC filters (``md5``, ``sha1``, ``sha2``, ``hmac_*``).

Partners sign webhook bodies and hash identifiers with these, so the output must match
Braze byte for byte: the input is Ruby's ``to_s`` of the value encoded as UTF-8 (nil
hashes as the empty string), hex digests are lowercase and base64 is standard with
padding.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from liquid.exceptions import FilterArgumentError

from brazelint.engine.filters.common import MISSING, is_nil
from brazelint.engine.stringify import ruby_to_s


def _data(value: object) -> bytes:
    return ruby_to_s(value).encode("utf-8", "surrogatepass")


def md5(value: object) -> str:
    """MD5 hex digest."""
    return hashlib.md5(_data(value)).hexdigest()


def sha1(value: object) -> str:
    """SHA-1 hex digest."""
    return hashlib.sha1(_data(value)).hexdigest()


def sha2(value: object) -> str:
    """SHA-256 hex digest (Braze calls it ``sha2``)."""
    return hashlib.sha256(_data(value)).hexdigest()


def _mac(name: str, algorithm: str, value: object, key: object) -> bytes:
    if key is MISSING or is_nil(key):
        raise FilterArgumentError(
            f"{name} needs a secret key argument, like {{{{ value | {name}: 'key' }}}}",
            token=None,
        )
    return hmac.new(_data(key), _data(value), algorithm).digest()


def hmac_sha1(value: object, key: object = MISSING) -> str:
    """HMAC-SHA1 as hex; the old name of ``hmac_sha1_hex``."""
    return _mac("hmac_sha1", "sha1", value, key).hex()


def hmac_sha1_hex(value: object, key: object = MISSING) -> str:
    """HMAC-SHA1 as hex."""
    return _mac("hmac_sha1_hex", "sha1", value, key).hex()


def hmac_sha1_base64(value: object, key: object = MISSING) -> str:
    """HMAC-SHA1 as base64."""
    return base64.b64encode(_mac("hmac_sha1_base64", "sha1", value, key)).decode("ascii")


def hmac_sha256(value: object, key: object = MISSING) -> str:
    """HMAC-SHA256 as hex (the Shopify filter Braze links to is hex)."""
    return _mac("hmac_sha256", "sha256", value, key).hex()


def hmac_sha256_hex(value: object, key: object = MISSING) -> str:
    """HMAC-SHA256 as hex."""
    return _mac("hmac_sha256_hex", "sha256", value, key).hex()


def hmac_sha256_base64(value: object, key: object = MISSING) -> str:
    """HMAC-SHA256 as base64."""
    return base64.b64encode(_mac("hmac_sha256_base64", "sha256", value, key)).decode("ascii")


def hmac_sha512(value: object, key: object = MISSING) -> str:
    """HMAC-SHA512 as hex (Braze does not state the encoding; hex like its siblings)."""
    return _mac("hmac_sha512", "sha512", value, key).hex()
