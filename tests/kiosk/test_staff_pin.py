"""Staff PINs: scrypt-hashed, verified in constant time, locked after five wrong tries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nextstep.staff import MAX_FAILURES, StaffError, StaffLocked, StaffStore


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_pin_is_hashed_not_stored(tmp_path: Path) -> None:
    store = StaffStore(tmp_path / "staff.json", n=2**10)
    store.enroll("anna", "4821")
    raw = (tmp_path / "staff.json").read_text()
    assert "4821" not in raw
    record = json.loads(raw)["staff"]["anna"]
    assert record["n"] == 2**10 and len(bytes.fromhex(record["hash"])) == 32
    assert (tmp_path / "staff.json").stat().st_mode & 0o777 == 0o600
    assert store.verify("anna", "4821").ok
    assert not store.verify("anna", "4822").ok


def test_lock_out_after_repeated_failures_survives_restart(tmp_path: Path) -> None:
    clock = Clock()
    store = StaffStore(tmp_path / "staff.json", n=2**10, clock=clock)
    store.enroll("anna", "4821")
    remaining = [store.verify("anna", "0000").remaining for _ in range(MAX_FAILURES - 1)]
    assert remaining == [4, 3, 2, 1]
    with pytest.raises(StaffLocked):
        store.verify("anna", "0000")
    reopened = StaffStore(tmp_path / "staff.json", n=2**10, clock=clock)
    with pytest.raises(StaffLocked) as exc:
        reopened.verify("anna", "4821")  # even the right PIN waits
    assert exc.value.seconds > 0 and "locked" in exc.value.message
    clock.now += 301
    assert reopened.verify("anna", "4821").ok


def test_unknown_staff_and_short_pin(tmp_path: Path) -> None:
    store = StaffStore(tmp_path / "staff.json", n=2**10)
    assert not store.verify("nobody", "1234").ok
    with pytest.raises(StaffError):
        store.enroll("anna", "12")


def test_corrupt_store_gives_a_message(tmp_path: Path) -> None:
    (tmp_path / "staff.json").write_text("{not json")
    with pytest.raises(StaffError) as exc:
        StaffStore(tmp_path / "staff.json")
    assert exc.value.hint
