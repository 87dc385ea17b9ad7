"""Time and size of PAR2 protection, check and repair for bundle-sized files.

Run: .venv/bin/python benchmarks/conservation.py
Random bytes stand in for the encrypted bundle (ciphertext is incompressible and random-looking).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from nextstep.conservation import check, protect, recovery_paths


def run(size_mb: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "bundle.pdf"
        original = os.urandom(int(size_mb * 1024 * 1024))
        pdf.write_bytes(original)
        t0 = time.perf_counter()
        protect(pdf)
        t_protect = time.perf_counter() - t0
        rec = sum(p.stat().st_size for p in recovery_paths(pdf))
        t0 = time.perf_counter()
        assert check(pdf).status.value == "intact"
        t_check = time.perf_counter() - t0
        data = bytearray(original)
        mid = len(data) // 2
        data[mid : mid + 65536] = bytes(65536)
        pdf.write_bytes(bytes(data))
        t0 = time.perf_counter()
        assert check(pdf).status.value == "repaired"
        t_zero = time.perf_counter() - t0
        pdf.unlink()
        t0 = time.perf_counter()
        assert check(pdf).status.value == "missing_repaired"
        t_missing = time.perf_counter() - t0
        assert pdf.read_bytes() == original
        print(
            f"{size_mb:5.1f} MiB  protect {t_protect:5.2f} s  recovery {rec / len(original):5.1%}"
            f"  check {t_check:5.2f} s  repair-64KiB {t_zero:5.2f} s"
            f"  rebuild-deleted {t_missing:5.2f} s"
        )


if __name__ == "__main__":
    for size in (0.5, 5, 20, 50):
        run(size)
