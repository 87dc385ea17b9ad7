"""Write + verify time for a 50-page bundle on each filesystem NextStep supports.

A 50-page bundle is about 25 MB (JPEG-compressed pages at ~500 KB each); random bytes stand
in for it (incompressible, like the encrypted PDF). Each filesystem lives on an image in a
temporary directory: ext4 on a loop device (kernel), FAT32 through fusefat, exFAT through
exfat-fuse on a loop device, plus a plain folder (the demo). Needs root.

    .venv/bin/python benchmarks/drive.py [--mb 25] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from nextstep.drives import target as drive_target
from nextstep.drives.mount import mount_table
from nextstep.drives.target import open_target

MKFS = {
    "ext4 (loop, kernel)": ["mkfs.ext4", "-q", "-F"],
    "FAT32 (fusefat)": ["mkfs.vfat", "-F", "32"],
    "exFAT (exfat-fuse, loop)": ["mkfs.exfat"],
}


def run_once(spec: str, mount_root: Path, data: bytes) -> tuple[float, float]:
    marks: dict[str, float] = {}
    drive_target.fault_hook = lambda stage: marks.setdefault(stage, time.perf_counter())
    t = open_target(spec, allow_loop=True, mount_root=mount_root)
    try:
        t0 = time.perf_counter()
        report = t.write_bundle({"NextStep-bundle.pdf": data})
        t1 = time.perf_counter()
        if not report.ok:
            raise SystemExit(f"{spec}: {report.status} {report.detail}")
    finally:
        t.eject()
        drive_target.fault_hook = None
    write = marks["renamed"] - t0
    return write, t1 - marks["renamed"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=int, default=25)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    data = os.urandom(args.mb * 1024 * 1024)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, kernel {platform.release()}"
    )
    print(f"bundle: {args.mb} MiB random bytes, median of {args.runs} runs")
    print(f"{'target':28} {'write+fsync':>12} {'remount+verify':>15} {'total':>8}")
    tmp = Path(tempfile.mkdtemp(prefix="nextstep-bench-"))
    try:
        cases: list[tuple[str, str]] = [("folder (tmp)", str(tmp / "folder"))]
        for label, cmd in MKFS.items():
            img = tmp / (label.split()[0] + ".img")
            with open(img, "wb") as fh:
                fh.truncate((args.mb * 3 + 64) * 1024 * 1024)
            subprocess.run([*cmd, str(img)], check=True, capture_output=True)
            cases.append((label, str(img)))
        for label, spec in cases:
            runs = [run_once(spec, tmp / "mnt", data) for _ in range(args.runs)]
            w = statistics.median(r[0] for r in runs)
            v = statistics.median(r[1] for r in runs)
            print(f"{label:28} {w:11.2f}s {v:14.2f}s {w + v:7.2f}s")
    finally:
        for _, point, _ in reversed(mount_table()):
            if tmp in point.parents:
                subprocess.run(["umount", "-l", str(point)], capture_output=True)
        out = subprocess.run(
            ["losetup", "-l", "-n", "-O", "NAME,BACK-FILE"], capture_output=True, text=True
        ).stdout
        for line in out.splitlines():
            name, _, back = line.partition(" ")
            if back.strip().startswith(str(tmp)):
                subprocess.run(["losetup", "-d", name], capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
