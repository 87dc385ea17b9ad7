"""Audit log throughput: append and verify 100 000 entries.

Run: .venv/bin/python benchmarks/audit.py [N]
Appends use sync=False for the bulk figure (fsync per entry is measured separately on 500
entries, as it depends on the disk); verify is the full verify_log (leaf of every line, chain,
sequence, time, consent coverage, stored checkpoint, canonical form and signature of entries
after the last checkpoint). The worst case, a log whose checkpoints are all missing, checks
the Ed25519 signature and canonical form of every entry and is reported separately.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crypto import keys  # noqa: E402
from nextstep import consent  # noqa: E402
from nextstep.audit import AuditLog, events, verify_log  # noqa: E402


def main(n: int = 100_000) -> None:
    key = keys.generate()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "log.jsonl"
        holder = "hold-" + "b" * 24
        t0 = time.perf_counter()
        with AuditLog(path, key, "bench", sync=False) as log:
            consent.give(
                log,
                holder_id=holder,
                staff="s",
                language="fr",
                choices={p: True for p in consent.PURPOSE_IDS},
            )
            for i in range(n - 2):
                log.append(
                    events.PAGE_CAPTURED,
                    staff="s",
                    subject_holder_id=holder,
                    details={"pages": 1, "i": i},
                )
            log.checkpoint("bench")
        append_s = time.perf_counter() - t0
        size = path.stat().st_size
        t0 = time.perf_counter()
        report = verify_log(path, [key.public_bytes])
        verify_s = time.perf_counter() - t0
        assert report.ok, report.problems[:3]
        t0 = time.perf_counter()
        worst = verify_log(path, [key.public_bytes], use_stored=False)
        worst_s = time.perf_counter() - t0
        # Without any checkpoint the end is unsealed by definition: that is the only problem.
        assert all(p.kind == "unsealed" for p in worst.problems), worst.problems[:3]
        t0 = time.perf_counter()
        with AuditLog(path, key, "bench", sync=False):
            pass
        open_s = time.perf_counter() - t0
        sync_path = Path(d) / "sync.jsonl"
        with AuditLog(sync_path, key, "bench", sync=True) as log:
            t0 = time.perf_counter()
            for i in range(500):
                log.append(events.SESSION_START, details={"i": i})
            sync_s = time.perf_counter() - t0
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"entries: {report.entries}, file {size / 1e6:.1f} MB")
    print(f"append (no fsync): {n / append_s:,.0f} entries/s ({append_s:.2f} s)")
    print(f"append (fsync each): {500 / sync_s:,.0f} entries/s (500 entries)")
    print(f"open + check on start: {n / open_s:,.0f} entries/s ({open_s:.2f} s)")
    print(
        f"verify: {n / verify_s:,.0f} entries/s ({verify_s:.2f} s)"
        f" -> target 50,000/s {'MET' if n / verify_s >= 50_000 else 'NOT met'}"
    )
    print(
        "verify, no checkpoint (every signature and canonical form checked): "
        f"{n / worst_s:,.0f} entries/s ({worst_s:.2f} s)"
    )
    print(f"load average after the run: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
