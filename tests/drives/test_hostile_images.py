"""A person's drive is hostile: the issue-13 reproductions on real ext4 (loop device) and FAT32
(fusefat) images. Each ends in a drive status or a correct result: no kiosk file on the drive,
no unbounded read, the person's files never moved, removal reported as removal, 0644 files,
several bundles listed, and the headless return visit writing version 2.

Two first-visit bundles are made once per module (real OCR, bundle, PAR2) on a folder; each
test writes them onto a fresh image with the kiosk's own drive writer.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from crypto import keys
from nextstep import config, consent
from nextstep.demo import open_kiosk
from nextstep.drives import target as drive_target
from nextstep.drives.hostile import list_dir
from nextstep.drives.mount import mount_table
from nextstep.drives.readme import README_NAME
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.drives.target import MountedTarget, open_target
from nextstep.returning import SeveralBundlesOnDrive, check_before_write, list_bundles
from nextstep.session import Session
from scanners.demo import DemoScanner, sample_dir
from tests.conftest import ROOT, require_tool
from tests.drives.conftest import cleanup, leftovers, loops_backed_by, make_image, require_fs

pytestmark = pytest.mark.root

ONLY = {p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS}
STAFF_BYTES = b'{"staff": {"anna": {"pin": "scrypt$16384$8$1$c2FsdA$aGFzaA"}}}\n'


@dataclass
class FirstVisit:
    files: dict[str, bytes]
    stem: str
    passphrase: str
    bundle_id: str
    holder_id: str


@dataclass
class Kiosk:
    settings: config.Settings
    visits: list[FirstVisit]

    @property
    def seed(self) -> bytes:
        return self.settings.key_path.read_bytes()

    @property
    def staff_file(self) -> Path:
        return self.settings.data_dir / "staff.json"

    @property
    def trusted(self) -> list[bytes]:
        return [keys.load_private(self.settings.key_path).public_bytes]


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Kiosk:
    """A kiosk data dir (key, audit log, a staff file) and two people's first-visit bundles."""
    require_tool("tesseract")
    require_tool("par2")
    base = tmp_path_factory.mktemp("kiosk")
    settings = config.load(
        env={"NEXTSTEP_DATA_DIR": str(base / "data"), "NEXTSTEP_DRIVE_ALLOW_LOOP": "1"}
    )
    key, audit = open_kiosk(settings)
    (settings.data_dir / "staff.json").write_bytes(STAFF_BYTES)
    visits = []
    for n, page in enumerate(["03-mutualite.png", "01-convocation-cgra.png"]):
        samples = base / f"samples{n}"
        samples.mkdir()
        shutil.copy(sample_dir() / page, samples / page)
        session = Session(settings, key=key, audit=audit, staff="staff-1")
        session.give_consent(ONLY)
        with DemoScanner(samples) as sc:
            session.capture(sc)
        session.analyze()
        outcome = session.build_bundle()
        folder = base / f"first{n}"
        assert session.write_to_drive(str(folder)).ok
        holder = session.holder_id
        session.end()
        files = {p.name: p.read_bytes() for p in folder.iterdir()}
        stem = next(n[: -len(".pdf")] for n in files if n.endswith(".pdf"))
        visits.append(FirstVisit(files, stem, outcome.passphrase, outcome.bundle_id, holder))
    return Kiosk(settings, visits)


@pytest.fixture
def image_root(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "mnt"
    root.mkdir()
    yield root
    cleanup(tmp_path)


def image(tmp_path: Path, fstype: str) -> Path:
    require_fs(fstype)
    # A unique name: the CLI mounts under the system mount root, named after the image.
    return make_image(tmp_path / f"drive-{fstype}-{os.urandom(4).hex()}.img", fstype)


def put(img: Path, mount_root: Path, *visits: FirstVisit) -> None:
    """Write first-visit bundle sets onto the image with the kiosk's drive writer."""
    t = open_target(str(img), allow_loop=True, mount_root=mount_root)
    try:
        for v in visits:
            assert t.write_bundle(v.files).ok
    finally:
        t.eject()


def mounted(img: Path, mount_root: Path) -> MountedTarget:
    t = open_target(str(img), allow_loop=True, mount_root=mount_root)
    assert isinstance(t, MountedTarget)
    return t


def drive_bytes(root: Path) -> dict[str, bytes]:
    """Every regular file on the drive (one folder level), read without following links."""
    out: dict[str, bytes] = {}
    for entry in list_dir(root):
        path = root / entry.name
        if entry.type == "file":
            out[entry.name] = path.read_bytes()
        elif entry.type == "dir":
            for sub in list_dir(path):
                if sub.type == "file":
                    out[f"{entry.name}/{sub.name}"] = (path / sub.name).read_bytes()
    return out


def cli_return(
    kiosk: Kiosk, img: Path, passphrase: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "NEXTSTEP_DATA_DIR": str(kiosk.settings.data_dir),
    }
    env.pop("NEXTSTEP_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "nextstep.cli", "demo", "--returning", "--drive", str(img)]
        + ["--passphrase-stdin", *extra],
        input=passphrase + "\n",
        capture_output=True,
        text=True,
        cwd=img.parent,
        env=env,
        timeout=300,
    )


# -- 13.1: links to the kiosk's secrets -------------------------------------------------------


def test_symlinks_to_kiosk_secrets_never_reach_the_drive(
    kiosk: Kiosk, tmp_path: Path, image_root: Path
) -> None:
    img = image(tmp_path, "ext4")
    a = kiosk.visits[0]
    put(img, image_root, a)
    t = mounted(img, image_root)
    # The issue's reproduction: the sealed-passphrase file made a link to the signing key.
    (t.root / f"{a.stem}.recovery.age").symlink_to(kiosk.settings.key_path)
    t.eject()

    done = cli_return(kiosk, img, a.passphrase)
    assert done.returncode == 0, done.stderr
    assert "Version: 2" in done.stdout.splitlines()

    t = mounted(img, image_root)
    try:
        types = {e.name: e.type for e in list_dir(t.root)}
        assert f"{a.stem}.recovery.age" not in types  # escrow refused: dropped, not carried
        assert "link" not in types.values()
        # Now links to the staff PIN file where the kiosk does read: a PAR2 volume, and an
        # envelope of a second "bundle". Both are refused with a status; nothing is written.
        before = drive_bytes(t.root)
        (t.root / f"{a.stem}.pdf.vol99+01.par2").symlink_to(kiosk.staff_file)
        t.eject()
        done = cli_return(kiosk, img, a.passphrase)
        assert done.returncode == 2
        assert DriveStatus.NOT_A_FILE.sentence("en") in done.stderr
        assert "Traceback" not in done.stderr
        t = mounted(img, image_root)
        (t.root / f"{a.stem}.pdf.vol99+01.par2").unlink()
        (t.root / "other.manifest.json").symlink_to(kiosk.staff_file)
        with pytest.raises(DriveError) as err:
            list_bundles(t.root, kiosk.trusted)
        assert err.value.status is DriveStatus.NOT_A_FILE
        (t.root / "other.manifest.json").unlink()
        after = drive_bytes(t.root)
        assert after == before
        for name, data in after.items():
            assert kiosk.seed not in data, name
            assert STAFF_BYTES not in data and STAFF_BYTES.strip() not in data, name
    finally:
        t.eject()


# -- 13.1: endless and blocking manifests, in a child process with its peak memory -------------

PROBE = """
import resource, sys, time
from pathlib import Path
from nextstep import config
from nextstep.drives.status import DriveError
from nextstep.session import Session
settings = config.load(env={"NEXTSTEP_DATA_DIR": sys.argv[2], "NEXTSTEP_DRIVE_ALLOW_LOOP": "1"})
t0 = time.monotonic()
try:
    Session.holder_on_drive(settings, sys.argv[1])
    outcome = "read"
except DriveError as exc:
    outcome = exc.status.value
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(outcome, round(time.monotonic() - t0, 2), peak)
"""


@pytest.mark.parametrize(
    ("fstype", "make", "status"),
    [
        ("ext4", "dev_zero_link", DriveStatus.NOT_A_FILE),
        ("ext4", "fifo", DriveStatus.NOT_A_FILE),
        ("ext4", "sparse_huge", DriveStatus.FILE_TOO_LARGE),
        ("vfat", "big", DriveStatus.FILE_TOO_LARGE),
        ("vfat", "folder", DriveStatus.NOT_A_FILE),
    ],
)
def test_hostile_manifest_refused_fast_in_little_memory(
    kiosk: Kiosk, tmp_path: Path, image_root: Path, fstype: str, make: str, status: DriveStatus
) -> None:
    img = image(tmp_path, fstype)
    put(img, image_root, kiosk.visits[0])
    t = mounted(img, image_root)
    bad = t.root / "zz.manifest.json"
    if make == "dev_zero_link":
        bad.symlink_to("/dev/zero")
    elif make == "fifo":
        os.mkfifo(bad)
    elif make == "sparse_huge":
        with open(bad, "wb") as fh:
            fh.truncate(4 * 1024**3)
    elif make == "big":
        bad.write_bytes(b"{" * (12 * 1024 * 1024))
    else:
        bad.mkdir()
    t.eject()
    started = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-c", PROBE, str(img), str(kiosk.settings.data_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    outcome, seconds, peak = r.stdout.split()
    assert outcome == status.value
    assert float(seconds) < 15 and time.monotonic() - started < 60
    assert int(peak) < 1024**3, f"peak RSS {int(peak) / 1024**2:.0f} MiB"


# -- 13.5: the person's folder with a kiosk name, removal, modes -------------------------------


@pytest.mark.parametrize("fstype", ["ext4", "vfat"])
def test_readme_folder_is_a_status_and_nothing_moves(
    kiosk: Kiosk, tmp_path: Path, image_root: Path, fstype: str
) -> None:
    img = image(tmp_path, fstype)
    t = mounted(img, image_root)
    try:
        (t.root / README_NAME).mkdir()
        (t.root / README_NAME / "my-letter.txt").write_bytes(b"mine")
        (t.root / "photo.jpg").write_bytes(b"\xff\xd8 photo")
        before = drive_bytes(t.root)
        names = {e.name for e in list_dir(t.root)}
        for _ in range(2):  # and again: every write says the same, nothing accumulates
            report = t.write_bundle(kiosk.visits[0].files)
            assert report.status is DriveStatus.NOT_A_FILE, report.detail
            assert README_NAME in report.detail
            assert drive_bytes(t.root) == before
            assert {e.name for e in list_dir(t.root)} == names
            assert leftovers(t.root) == []
    finally:
        t.eject()
    t = mounted(img, image_root)  # reopening (recovery) moves nothing either
    try:
        assert drive_bytes(t.root) == before
    finally:
        t.eject()


def test_fifo_and_link_with_kiosk_names_are_statuses(
    kiosk: Kiosk, tmp_path: Path, image_root: Path
) -> None:
    img = image(tmp_path, "ext4")
    t = mounted(img, image_root)
    try:
        a = kiosk.visits[0]
        os.mkfifo(t.root / README_NAME)
        assert t.write_bundle(a.files).status is DriveStatus.NOT_A_FILE
        os.unlink(t.root / README_NAME)
        (t.root / f"{a.stem}.consent.txt").symlink_to(kiosk.staff_file)
        assert t.write_bundle(a.files).status is DriveStatus.NOT_A_FILE
        assert os.path.islink(t.root / f"{a.stem}.consent.txt")
        assert [e.name for e in list_dir(t.root) if e.type == "file"] == []
    finally:
        t.eject()


def _remove(t: MountedTarget, img: Path) -> Path:
    """Take the medium away for good: the FAT image's daemon dies and the image is gone;
    ext4 is detached from under the mount (lazy unmount, loop device released)."""
    if t.fstype == "vfat":
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
                except OSError:
                    continue
                if str(t.root).encode() in argv and any(b"fusefat" in a for a in argv):
                    os.kill(int(pid), 9)
        time.sleep(0.3)
        away = img.with_suffix(".away")
        os.rename(img, away)
        return away
    subprocess.run(["umount", "-l", str(t.root)], check=True)
    subprocess.run(["losetup", "-d", t.device], check=True)
    for _ in range(50):
        size = Path(f"/sys/class/block/{os.path.basename(t.device)}/size").read_text().strip()
        if size == "0":
            break
        time.sleep(0.1)
    return img


@pytest.mark.parametrize("fstype", ["ext4", "vfat"])
@pytest.mark.parametrize("stage", ["renamed", "readonly", "verified"])
def test_removal_at_any_stage_is_reported_as_removal(
    kiosk: Kiosk, tmp_path: Path, image_root: Path, fstype: str, stage: str
) -> None:
    img = image(tmp_path, fstype)
    a = kiosk.visits[0]
    put(img, image_root, a)
    t = mounted(img, image_root)
    pulled: list[Path] = []

    def hook(s: str) -> None:
        if s == stage and not pulled:
            pulled.append(_remove(t, img))

    drive_target.fault_hook = hook
    try:
        newer = dict(a.files)
        newer[f"{a.stem}.pdf"] = a.files[f"{a.stem}.pdf"] + b"%% newer\n"
        report = t.write_bundle(newer)
    finally:
        drive_target.fault_hook = None
    assert pulled, f"stage {stage} never reached"
    assert report.status is DriveStatus.REMOVED, (report.status, report.detail)
    assert not report.ok
    with contextlib.suppress(DriveError):
        t.eject()


def test_bundle_files_are_0644_on_ext4(kiosk: Kiosk, tmp_path: Path, image_root: Path) -> None:
    img = image(tmp_path, "ext4")
    old = os.umask(0o077)  # the kiosk service's strict umask must not make them private
    try:
        put(img, image_root, kiosk.visits[0])
    finally:
        os.umask(old)
    t = mounted(img, image_root)
    try:
        entries = [e for e in list_dir(t.root) if e.type == "file"]
        assert len(entries) >= 8
        for e in entries:
            assert (os.stat(t.root / e.name).st_mode & 0o777) == 0o644, e.name
    finally:
        t.eject()


# -- several bundles on one drive; the headless return visit ----------------------------------


@pytest.mark.parametrize("fstype", ["ext4", "vfat"])
def test_two_bundles_listed_and_picked(
    kiosk: Kiosk, tmp_path: Path, image_root: Path, fstype: str
) -> None:
    img = image(tmp_path, fstype)
    a, b = kiosk.visits
    put(img, image_root, a, b)
    t = mounted(img, image_root)
    try:
        listing = list_bundles(t.root, kiosk.trusted)
        assert listing.unverified == []
        found = {x.bundle_id: x for x in listing.bundles}
        assert set(found) == {a.bundle_id, b.bundle_id}
        assert found[a.bundle_id].holder_id == a.holder_id and found[a.bundle_id].version == 1
        assert found[b.bundle_id].stem == b.stem and found[b.bundle_id].created
        # a new person's write is asked about; the owner's own is not someone else's
        new = check_before_write(t.root, "h-newperson", kiosk.trusted)
        assert new.needs_confirmation and len(new.others) == 2
        own = check_before_write(t.root, a.holder_id, kiosk.trusted)
        assert [x.bundle_id for x in own.own] == [a.bundle_id]
        assert [x.bundle_id for x in own.others] == [b.bundle_id]
        # an untrusted kiosk sees no bundle it can vouch for
        assert list_bundles(t.root, [os.urandom(32)]).bundles == []
    finally:
        t.eject()
    with pytest.raises(SeveralBundlesOnDrive) as err:
        Session.holder_on_drive(kiosk.settings, str(img), trusted_keys=kiosk.trusted)
    assert len(err.value.bundles) == 2
    for v in (a, b):
        for choice in (v.bundle_id, v.stem):
            got = Session.holder_on_drive(
                kiosk.settings, str(img), bundle=choice, trusted_keys=kiosk.trusted
            )
            assert got == v.holder_id
    # read and let go (not powered off, not left mounted or attached)
    assert loops_backed_by(tmp_path) == []
    assert not [src for src, _, _ in mount_table() if src == str(img)]


@pytest.mark.parametrize("fstype", ["vfat", "ext4"])
def test_headless_return_visit_writes_version_2(
    kiosk: Kiosk, tmp_path: Path, image_root: Path, fstype: str
) -> None:
    img = image(tmp_path, fstype)
    a, b = kiosk.visits
    put(img, image_root, a, b)
    # Two bundles: without --bundle the visit stops and lists them.
    done = cli_return(kiosk, img, a.passphrase)
    assert done.returncode == 2 and a.bundle_id in done.stderr and b.bundle_id in done.stderr
    done = cli_return(kiosk, img, a.passphrase, "--bundle", a.bundle_id)
    assert done.returncode == 0, done.stderr
    assert "Version: 2" in done.stdout.splitlines()
    t = mounted(img, image_root)
    try:
        versions = {x.bundle_id: x.version for x in list_bundles(t.root, kiosk.trusted).bundles}
        assert versions == {a.bundle_id: 2, b.bundle_id: 1}
        on_drive = drive_bytes(t.root)
        for name, data in b.files.items():  # the other person's bundle is untouched
            if name != README_NAME:
                assert on_drive[name] == data, name
    finally:
        t.eject()
