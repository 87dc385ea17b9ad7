"""RFC 8785 canonical JSON and crypto-shredding keys."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crypto import canonical, shred


def test_rfc8785_key_order_is_utf16() -> None:
    # RFC 8785 §3.2.3 example keys: sorted by UTF-16 code units, not code points.
    value = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    }
    keys = list(json.loads(canonical.dumps(value)))
    assert keys == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]


def test_no_whitespace_minimal_escapes_and_no_floats() -> None:
    assert canonical.dumps({"b": [1, True, None], "a": 'x\n"\u00e9'}) == (
        '{"a":"x\\n\\"\u00e9","b":[1,true,null]}'.encode()
    )
    with pytest.raises(canonical.CanonicalError):
        canonical.dumps({"x": 1.5})
    with pytest.raises(canonical.CanonicalError):
        canonical.dumps({1: "x"})


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(json_values)
def test_canonical_is_stable_and_recognised(value: object) -> None:
    raw = canonical.dumps(value)
    assert canonical.dumps(json.loads(raw)) == raw
    assert canonical.is_canonical(raw, json.loads(raw))


def test_shredding(tmp_path: Path) -> None:
    store = shred.SubjectKeyStore(tmp_path / "keys")
    blob = store.encrypt("s-abcdef", b"secret details", b"entry 1")
    assert b"secret" not in blob
    assert store.decrypt("s-abcdef", blob, b"entry 1") == b"secret details"
    key_file = tmp_path / "keys" / "s-abcdef.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    with pytest.raises(shred.ShredError):
        store.decrypt("s-abcdef", blob, b"entry 2")  # bound to its entry
    assert store.destroy("s-abcdef") is True
    assert not key_file.exists()
    with pytest.raises(shred.ShredError, match="erased"):
        store.decrypt("s-abcdef", blob, b"entry 1")
    assert store.destroy("s-abcdef") is False
    with pytest.raises(shred.ShredError):
        store.key("../etc/passwd")
