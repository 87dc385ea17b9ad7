"""What running each person's session in its own process costs the kiosk.

Starting the child (spawn: a fresh interpreter importing the session code), one command's
round trip through the pipe (``view``), a capture of one sample page (its pixels cross the
pipe), and the end (the child logs, wipes and exits). No OCR: that cost is the same in or
out of the child.

    .venv/bin/python benchmarks/session_process.py [--runs 5]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path


def run_once(settings: object) -> dict[str, float]:
    from nextstep import consent
    from nextstep.visit.process import SessionProcess
    from scanners.demo import DemoScanner

    marks: dict[str, float] = {}
    t0 = time.perf_counter()
    session = SessionProcess(settings, staff="bench")  # type: ignore[arg-type]
    marks["start"] = time.perf_counter() - t0
    session.give_consent({p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS})
    t0 = time.perf_counter()
    for _ in range(20):
        session.view()
    marks["view round trip"] = (time.perf_counter() - t0) / 20
    with DemoScanner() as scanner:
        raws = scanner.capture()
        t0 = time.perf_counter()
        session.capture_pages(raws)
        marks["capture 1 page"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    session.finish()
    marks["end (process gone)"] = time.perf_counter() - t0
    assert not session.is_alive()
    return marks


def main() -> None:
    from nextstep import config

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = config.load(env={"NEXTSTEP_DATA_DIR": str(Path(tmp) / "data")})
        runs = [run_once(settings) for _ in range(args.runs)]
    print(f"{platform.machine()}, Python {platform.python_version()}, {args.runs} runs")
    print("| step | median s | max s |\n|---|---|---|")
    for step in runs[0]:
        values = [r[step] for r in runs]
        print(f"| {step} | {statistics.median(values):.3f} | {max(values):.3f} |")


if __name__ == "__main__":
    main()
