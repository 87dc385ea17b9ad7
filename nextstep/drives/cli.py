"""``nextstep drive list|watch|write|eject``: the drive step by hand, for staff and tests.

Each command prints the status sentence in the staff language and exits 0 only on success.
"""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path

from nextstep import config
from nextstep.drives import detect
from nextstep.drives.mount import SystemMounter, mount_table, probe_tools
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.drives.target import default_mount_root, open_target


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("drive", help="detect, write to and eject the person's USB drive")
    dsub = p.add_subparsers(dest="drive_command", metavar="ACTION", required=True)

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument(
            "--allow-loop",
            action="store_true",
            help="admit loop devices and disk images (tests and demos only)",
        )
        q.add_argument("--lang", help="staff language for messages (fr, nl, en, de)")

    q = dsub.add_parser("list", help="list candidate drives and the tools in use")
    common(q)
    q.set_defaults(func=cmd_list)
    q = dsub.add_parser("watch", help="print drive events as drives come and go")
    common(q)
    q.add_argument("--timeout", type=float, default=None, help="stop after N quiet seconds")
    q.set_defaults(func=cmd_watch)
    q = dsub.add_parser("write", help="write files to the drive atomically and verify them")
    common(q)
    q.add_argument("--drive", default=None, help="folder, image, /dev node; default: detect")
    q.add_argument("files", nargs="+", type=Path, help="files to write (by their base name)")
    q.set_defaults(func=cmd_write)
    q = dsub.add_parser("eject", help="unmount and release the drive")
    common(q)
    q.add_argument("--drive", default=None, help="image or /dev node; default: all of ours")
    q.set_defaults(func=cmd_eject)


def _settings(args: argparse.Namespace) -> tuple[str, bool, str]:
    s = config.load()
    lang = args.lang or s.staff_language
    return lang, bool(args.allow_loop or s.drive_allow_loop), s.drive


def _say(status: DriveStatus, lang: str, detail: str = "") -> None:
    print(status.sentence(lang))
    if detail:
        print(f"  ({status.value}: {detail})")


def cmd_list(args: argparse.Namespace) -> int:
    lang, allow_loop, _ = _settings(args)
    for probe in probe_tools():
        if not probe.ok:
            print(f"! {probe.detail} {probe.fix}")
    cands = detect.scan(allow_loop=allow_loop)
    if allow_loop:
        print("Loop devices are admitted (test/demo policy).")
    for c in cands:
        print(f"{c.status.value}\t{detect.describe(c)}")
    status = detect.situation(cands)
    _say(status, lang)
    return 0 if status is DriveStatus.READY else 1


def cmd_watch(args: argparse.Namespace) -> int:
    lang, allow_loop, _ = _settings(args)
    print("Watching for drives (Ctrl-C to stop)...", flush=True)
    for event in detect.watch(allow_loop=allow_loop, timeout=args.timeout):
        print(f"{event.action} {event.device}: {event.status.sentence(lang)}", flush=True)
    return 0


def cmd_write(args: argparse.Namespace) -> int:
    lang, allow_loop, configured = _settings(args)
    spec = configured if args.drive is None else args.drive
    files: dict[str, bytes] = {}
    for path in args.files:
        try:
            files[path.name] = path.read_bytes()
        except OSError as exc:
            raise DriveError(
                DriveStatus.IO_ERROR, lang=lang, hint=f"Cannot read {path}: {exc.strerror}."
            ) from exc
    try:
        target = open_target(spec, allow_loop=allow_loop)
    except DriveError as exc:
        _say(exc.status, lang, exc.detail)
        return 1
    report = target.write_bundle(files)
    _say(report.status, lang, report.detail)
    for name in report.written:
        print(f"{report.sha256[name]}  {name}")
    if report.ok:
        ejected = target.eject()
        _say(ejected, lang)
        return 0
    try:
        target.eject()
    except DriveError as exc:
        _say(exc.status, lang, exc.detail)
    return 1


def cmd_eject(args: argparse.Namespace) -> int:
    """Unmount every mount NextStep made (of ``--drive`` only, when given) and detach the
    loop devices behind images."""
    lang, _, _ = _settings(args)
    root = default_mount_root()
    wanted = None if args.drive is None else str(Path(args.drive).resolve())
    status = DriveStatus.EJECTED
    mounter = SystemMounter()
    for src, point, _ in mount_table():
        if root not in point.parents:
            continue
        if wanted is not None and src not in (wanted, args.drive):
            back = Path("/sys/class/block") / Path(src).name / "loop" / "backing_file"
            try:
                if back.read_text().strip() != wanted:
                    continue
            except OSError:
                continue
        try:
            mounter.unmount(point)
            point.rmdir()
        except DriveError as exc:
            status = exc.status
        except OSError:
            pass
    if wanted is not None and Path(wanted).is_file():
        r = subprocess.run(
            ["losetup", "-j", wanted, "-O", "NAME", "-n"],
            capture_output=True,
            text=True,
            check=False,
        )
        for loop in r.stdout.split():
            subprocess.run(["losetup", "-d", loop], capture_output=True, check=False)
    _say(status, lang)
    return 0 if status is DriveStatus.EJECTED else 1
