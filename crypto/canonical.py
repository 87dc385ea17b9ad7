"""Canonical JSON (RFC 8785, JSON Canonicalization Scheme) for the values the audit log holds.

Why: a Merkle leaf is a hash of bytes, so two writers (or a writer and a verifier) must agree
on exactly one byte form of an entry. JCS gives that: object keys sorted by UTF-16 code units,
no insignificant whitespace, minimal string escapes, UTF-8. We restrict numbers to integers in
the IEEE-754 safe range, which removes the only hard part of JCS (number formatting) and is all
an audit entry needs.
"""

from __future__ import annotations

import json
from typing import Any

from crypto.errors import CryptoError

MAX_SAFE_INTEGER = 2**53 - 1

_encode_string = json.encoder.encode_basestring  # minimal escapes, like ECMAScript


class CanonicalError(CryptoError):
    """A value cannot be put in canonical form (a float, a non-string key, a lone surrogate)."""


def _utf16_key(key: str) -> bytes:
    return key.encode("utf-16-be", "surrogatepass")


def _write(value: Any, out: list[str]) -> None:
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        if abs(value) > MAX_SAFE_INTEGER:
            raise CanonicalError(f"The integer {value} is outside the safe range of JSON numbers.")
        out.append(str(value))
    elif isinstance(value, str):
        out.append(_encode_string(value))
    elif isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise CanonicalError(f"An object key must be a string, not {type(key).__name__}.")
        out.append("{")
        first = True
        for key in sorted(value, key=_utf16_key):
            if not first:
                out.append(",")
            first = False
            out.append(_encode_string(key))
            out.append(":")
            _write(value[key], out)
        out.append("}")
    elif isinstance(value, list | tuple):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _write(item, out)
        out.append("]")
    else:
        raise CanonicalError(
            f"A {type(value).__name__} cannot go into canonical JSON.",
            hint="Use strings, integers, booleans, null, lists and objects only.",
        )


def dumps(value: Any) -> bytes:
    """Return the RFC 8785 canonical UTF-8 bytes of ``value``."""
    out: list[str] = []
    _write(value, out)
    try:
        return "".join(out).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CanonicalError("A string holds a lone surrogate, which JSON cannot carry.") from exc


_FAST = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def fast_dumps(value: Any) -> bytes:
    """The C-accelerated form; equal to :func:`dumps` whenever every key is in the BMP.

    The verifier uses it first and falls back to :func:`dumps` only on mismatch, so exotic keys
    stay correct while the hot path stays fast.
    """
    return _FAST.encode(value).encode("utf-8")


def is_canonical(raw: bytes, value: Any) -> bool:
    """Whether ``raw`` is exactly the canonical form of its own parsed ``value``."""
    try:
        if fast_dumps(value) == raw:
            return True
        return dumps(value) == raw
    except (CryptoError, ValueError, TypeError, UnicodeEncodeError):
        return False
