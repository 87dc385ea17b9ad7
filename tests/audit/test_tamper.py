"""Property-based tamper tests: every alteration is detected and the entry is named."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto import keys
from nextstep.audit import AuditLog, events, verify_log
from nextstep.audit import entry as entry_mod
from tests.audit.audit_logbuilder import Built, build_log

SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _verify(base: Built, data: bytes, checkpoints: list[str] | None = None):
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "log.jsonl"
        path.write_bytes(data)
        held = base.checkpoints if checkpoints is None else checkpoints
        return verify_log(path, [base.key.public_bytes], checkpoints=held, use_stored=False)


def _named(report, seqs: set[int]) -> bool:
    return any(p.seq in seqs for p in report.problems)


def test_untouched_log_verifies(base_log: Built) -> None:
    report = _verify(base_log, base_log.path.read_bytes())
    assert report.ok, report.problems
    assert report.entries == base_log.sizes[-1]
    assert report.checkpoints_checked == len(base_log.checkpoints)


@SETTINGS
@given(data=st.data())
def test_any_changed_byte_is_detected_and_named(base_log: Built, data: st.DataObject) -> None:
    raw = base_log.path.read_bytes()
    pos = data.draw(st.integers(0, len(raw) - 1), label="position")
    new = data.draw(st.integers(0, 255).filter(lambda b: b != raw[pos]), label="byte")
    tampered = raw[:pos] + bytes([new]) + raw[pos + 1 :]
    report = _verify(base_log, tampered)
    assert not report.ok
    line_index = raw[:pos].count(b"\n")  # the entry whose byte changed
    assert _named(report, {line_index, line_index + 1}) or any(
        p.line in {line_index + 1, line_index + 2} for p in report.problems
    ), report.problems


@SETTINGS
@given(data=st.data())
def test_delete_insert_duplicate_swap(base_log: Built, data: st.DataObject) -> None:
    lines = base_log.path.read_bytes().splitlines(keepends=True)
    n = len(lines)
    op = data.draw(st.sampled_from(["delete", "insert", "duplicate", "swap"]), label="op")
    k = data.draw(st.integers(0, n - 2), label="k")
    if op == "delete":
        out = lines[:k] + lines[k + 1 :]
        expect = {k}
    elif op == "duplicate":
        out = lines[: k + 1] + [lines[k]] + lines[k + 1 :]
        expect = {k, k + 1}
    elif op == "insert":
        src = data.draw(st.integers(0, n - 1), label="src")
        out = lines[:k] + [lines[src]] + lines[k:]
        expect = {k, k + 1, src}
    else:
        out = lines[:k] + [lines[k + 1], lines[k]] + lines[k + 2 :]
        expect = {k, k + 1}
    report = _verify(base_log, b"".join(out))
    assert not report.ok
    assert _named(report, expect), (op, k, report.problems)


@SETTINGS
@given(cut=st.integers(1, 200))
def test_truncated_tail_detected_against_held_checkpoint(base_log: Built, cut: int) -> None:
    lines = base_log.path.read_bytes().splitlines(keepends=True)
    keep = max(0, len(lines) - cut)
    report = _verify(base_log, b"".join(lines[:keep]), [base_log.checkpoints[-1]])
    assert not report.ok
    assert any("truncated" in p.what and p.seq == keep for p in report.problems)


def test_truncate_then_append_is_detected(tmp_path: Path) -> None:
    built = build_log(tmp_path / "a", sessions=4)
    cut = built.sizes[1] + 3  # inside the third session
    lines = built.path.read_bytes().splitlines(keepends=True)
    built.path.write_bytes(b"".join(lines[:cut]))
    for folder in built.path.parent.glob("*.checkpoints"):
        for f in folder.iterdir():
            f.unlink()  # the attacker also removes the kiosk's own checkpoints
    with AuditLog(built.path, built.key, "test-kiosk", sync=False) as log:
        for _ in range(20):
            log.append(events.SESSION_START, details={"session": "forged"})
        log.checkpoint()
    report = verify_log(built.path, [built.key.public_bytes], checkpoints=built.checkpoints)
    assert not report.ok
    bad = [p for p in report.problems if "not the ones the kiosk signed" in p.what]
    assert bad, report.problems
    # The earliest entry named is the last honest checkpoint boundary, just before the cut.
    assert min(p.seq for p in bad if p.seq is not None) == built.sizes[1]
    assert built.sizes[1] <= cut < built.sizes[2]


def test_checkpoint_signed_by_another_key_is_reported(base_log: Built) -> None:
    other = keys.generate()
    with tempfile.TemporaryDirectory() as d:
        forged = build_log(Path(d), key=other)
        report = _verify(base_log, base_log.path.read_bytes(), [forged.checkpoints[-1]])
    assert not report.ok
    assert any(
        "checkpoint supplied #1" in p.what and "trusted key" in p.what for p in report.problems
    )


@SETTINGS
@given(data=st.data())
def test_backdated_entry_is_detected_and_named(base_log: Built, data: st.DataObject) -> None:
    """An insider with the key rewrites entry k with an earlier time and re-chains the rest."""
    lines = base_log.path.read_bytes().splitlines()
    entries = [entry_mod.decode(raw) for raw in lines]
    k = data.draw(st.integers(1, len(entries) - 1), label="k")
    seconds = data.draw(st.integers(1, 10**6), label="seconds")
    out: list[bytes] = []
    prev = entry_mod.ZERO_HASH
    for e in entries:
        body = entry_mod.body_of(e)
        body["prev"] = prev
        if e.seq == k:
            from datetime import timedelta

            body["time"] = entry_mod.format_time(
                entries[k - 1].timestamp - timedelta(seconds=seconds)
            )
        line, leaf, _ = entry_mod.encode(body, base_log.key)
        out.append(line + b"\n")
        prev = leaf.hex()
    report = _verify(base_log, b"".join(out), [])
    assert not report.ok
    assert any(p.kind == "time" and p.seq == k for p in report.problems), report.problems


def test_every_single_byte_change_of_a_small_log_is_detected(tmp_path: Path) -> None:
    """Exhaustive: each byte position, changed to another value, fails verification."""
    built = build_log(tmp_path, sessions=1)
    raw = built.path.read_bytes()
    missed = []
    for pos in range(len(raw)):
        new = raw[pos] ^ 0x01 if raw[pos] != 0x0B else 0x41  # never turn a byte into "\n"
        tampered = raw[:pos] + bytes([new]) + raw[pos + 1 :]
        report = _verify(built, tampered)
        line_index = raw[:pos].count(b"\n")
        if report.ok or not _named(report, {line_index, line_index + 1}):
            missed.append(pos)
    assert not missed, missed[:10]


def test_stored_checkpoint_replaced_by_another_key_is_reported(tmp_path: Path) -> None:
    built = build_log(tmp_path / "real")
    forged = build_log(tmp_path / "forged", key=keys.generate())
    stored = sorted((built.path.parent / "log.jsonl.checkpoints").glob("*.txt"))
    stored[-1].write_text(forged.checkpoints[-1])
    report = verify_log(built.path, [built.key.public_bytes])
    assert not report.ok
    assert any("stored #" in p.what and "trusted key" in p.what for p in report.problems)


def test_entry_appended_by_someone_without_the_key_is_named(base_log: Built) -> None:
    """A forger appends a well-formed, correctly chained entry signed with another key."""
    lines = base_log.path.read_bytes().splitlines()
    last = entry_mod.decode(lines[-1])
    body = entry_mod.body_of(last)
    body.update(seq=last.seq + 1, prev=last.leaf.hex(), event=events.SHARE, details={})
    line, _, _ = entry_mod.encode(body, keys.generate())
    report = _verify(base_log, b"\n".join([*lines, line]) + b"\n")
    assert not report.ok
    assert any(
        p.seq == last.seq + 1 and "no valid kiosk signature" in p.what for p in report.problems
    ), report.problems
