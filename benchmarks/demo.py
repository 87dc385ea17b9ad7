"""End-to-end benchmark: the whole headless demo session, stage by stage.

    .venv/bin/python benchmarks/demo.py [--runs 3] [--drive folder|fat32]

Each run uses a fresh data directory and drive (a folder, or a real FAT32 image mounted
through fusefat), so every run pays for key creation, PAR2 and the drive's verification.
Prints the median seconds per stage and per page.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import tempfile
from pathlib import Path

from nextstep import config
from nextstep.demo import run_demo


def one_run(kind: str) -> tuple[dict[str, float], float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        env = {"NEXTSTEP_DATA_DIR": str(base / "data")}
        settings = config.load(demo=True, env=env)
        if kind == "fat32":
            image = base / "stick.img"
            with image.open("wb") as f:
                f.truncate(64 * 1024 * 1024)
            subprocess.run(["mkfs.vfat", "-F", "32", str(image)], check=True, capture_output=True)
            drive = str(image)
        else:
            drive = str(base / "drive")
        result = run_demo(settings, drive=drive)
        return result.timings, result.total, result.pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--drive", choices=["folder", "fat32"], default="folder")
    args = parser.parse_args()
    runs = [one_run(args.drive) for _ in range(args.runs)]
    pages = runs[0][2]
    stages = sorted({k for timings, _, _ in runs for k in timings})
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; drive: {args.drive}; runs: {args.runs}; pages: {pages}"
    )
    print(f"{'stage':<14} {'median s':>9} {'s/page':>8}")
    for stage in stages:
        med = statistics.median(t.get(stage, 0.0) for t, _, _ in runs)
        print(f"{stage:<14} {med:9.2f} {med / pages:8.2f}")
    total = statistics.median(t for _, t, _ in runs)
    print(f"{'total':<14} {total:9.2f} {total / pages:8.2f}")


if __name__ == "__main__":
    main()
