"""The foundation's end-to-end proof: `nextstep demo` on the bundled samples, for real.

One run of the real CLI in a subprocess (real Tesseract, real pikepdf encryption, real audit
log), then the bundle is opened with the tools a person's reader would use (qpdf, pdftotext),
the log is verified and tampered with, and the bytes left on the kiosk are searched for the
letters' words.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool

SAMPLES = ROOT / "scanners" / "demo" / "samples"
NEXTSTEP = [sys.executable, "-m", "nextstep.cli"]


def sample_words() -> list[str]:
    """Distinctive words of the sample letters (their labels say which)."""
    labels = json.loads((SAMPLES / "labels.json").read_text(encoding="utf-8"))
    words: list[str] = []
    for doc in labels:
        words.extend(w for w in doc["words"] if len(w) >= 6)
    return words


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    require_tool("tesseract")
    base = tmp_path_factory.mktemp("demo")
    data, drive, tmp = base / "data", base / "drive", base / "tmp"
    tmp.mkdir()
    env = dict(os.environ, NEXTSTEP_DATA_DIR=str(data), TMPDIR=str(tmp))
    env.pop("NEXTSTEP_CONFIG", None)
    proc = subprocess.run(
        [*NEXTSTEP, "demo", "--drive", str(drive)],
        capture_output=True,
        text=True,
        env=env,
        cwd=base,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    match = re.search(r"^Passphrase: (\S.*)$", proc.stdout, re.M)
    assert match, proc.stdout
    bundle = re.search(r"^Bundle: (.+)$", proc.stdout, re.M)
    assert bundle, proc.stdout
    return {
        "stdout": proc.stdout,
        "passphrase": match.group(1).strip(),
        "bundle": Path(bundle.group(1).strip()),
        "data": data,
        "drive": drive,
        "tmp": tmp,
        "base": base,
        "env": env,
    }


def test_demo_summary_lists_pages_documents_and_timings(demo_run: dict[str, object]) -> None:
    out = str(demo_run["stdout"])
    labels = json.loads((SAMPLES / "labels.json").read_text(encoding="utf-8"))
    pages = sum(len(d["files"]) for d in labels)
    assert f"Pages: {pages} captured" in out
    assert len(re.findall(r"^Document \d+: \w+", out, re.M)) == len(labels)
    assert re.search(r"^Time: .*ocr [0-9.]+s.*total", out, re.M)


def test_bundle_is_aes256_r6_and_needs_the_passphrase(demo_run: dict[str, object]) -> None:
    require_tool("qpdf")
    bundle = demo_run["bundle"]
    assert isinstance(bundle, Path) and bundle.is_file()
    show = subprocess.run(
        ["qpdf", "--show-encryption", str(bundle)], capture_output=True, text=True
    )
    assert "incorrect password" in (show.stdout + show.stderr).lower()
    show = subprocess.run(
        ["qpdf", f"--password={demo_run['passphrase']}", "--show-encryption", str(bundle)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "R = 6" in show.stdout
    assert "file encryption method: AESv3" in show.stdout  # AES-256
    assert "incorrect password" not in show.stdout.lower()
    no_pw = subprocess.run(
        ["qpdf", "--decrypt", str(bundle), str(bundle) + ".out"], capture_output=True, text=True
    )
    assert no_pw.returncode != 0


def test_decrypted_bundle_is_searchable(demo_run: dict[str, object], tmp_path: Path) -> None:
    require_tool("qpdf")
    require_tool("pdftotext")
    plain = tmp_path / "plain.pdf"
    subprocess.run(
        [
            "qpdf",
            f"--password={demo_run['passphrase']}",
            "--decrypt",
            str(demo_run["bundle"]),
            str(plain),
        ],
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", str(plain), "-"], capture_output=True, text=True, check=True
    ).stdout.lower()
    found = [w for w in sample_words() if w.lower() in text]
    assert len(found) >= len(sample_words()) * 0.8, (found, sample_words())


def test_audit_log_verifies_and_a_flipped_byte_is_caught(
    demo_run: dict[str, object], tmp_path: Path
) -> None:
    env = demo_run["env"]
    assert isinstance(env, dict)
    log = Path(str(demo_run["data"])) / "audit" / "log.jsonl"
    ok = subprocess.run(
        [*NEXTSTEP, "audit", "verify", str(log), "--allow-self-certified"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    raw = bytearray(log.read_bytes())
    tampered = tmp_path / "log.jsonl"
    pos = raw.index(b'"page_captured"') + 3
    raw[pos] ^= 0x01
    tampered.write_bytes(bytes(raw))
    bad = subprocess.run(
        [*NEXTSTEP, "audit", "verify", str(tampered)], capture_output=True, text=True, env=env
    )
    assert bad.returncode != 0
    assert "Traceback" not in bad.stderr


def _files_under(*roots: Path) -> list[Path]:
    return [p for r in roots if r.exists() for p in r.rglob("*") if p.is_file()]


def test_no_words_of_the_letters_remain_on_the_kiosk(demo_run: dict[str, object]) -> None:
    """The data directory and the temporary directory hold nothing of the documents."""
    roots = [Path(str(demo_run["data"])), Path(str(demo_run["tmp"]))]
    files = _files_under(*roots)
    assert files, "the data directory should hold at least the key and the audit log"
    needles = [w.encode() for w in sample_words()] + [w.lower().encode() for w in sample_words()]
    for path in files:
        blob = path.read_bytes()
        hits = [n.decode() for n in needles if n in blob]
        assert hits == [], f"{path} contains {hits}"


def test_drive_holds_nothing_readable(demo_run: dict[str, object]) -> None:
    """Without the passphrase, no file on the drive reveals the letters' words."""
    drive = Path(str(demo_run["drive"]))
    needles = [w.encode() for w in sample_words()]
    for path in _files_under(drive):
        blob = path.read_bytes()
        assert [n for n in needles if n in blob] == [], path
        assert "convocation" not in path.name.lower()


def test_demo_writes_to_a_fat32_image_and_the_bundle_verifies(tmp_path: Path) -> None:
    """`--drive IMAGE`: the demo mounts a real FAT32 image (fusefat), writes, verifies, ejects."""
    require_tool("tesseract")
    require_tool("fusefat")
    mkfs = require_tool("mkfs.vfat")
    if not os.path.exists("/dev/fuse"):
        pytest.skip("/dev/fuse is missing: FUSE filesystems cannot be mounted here")
    image = tmp_path / "stick.img"
    with image.open("wb") as f:
        f.truncate(64 * 1024 * 1024)
    subprocess.run([mkfs, "-F", "32", str(image)], check=True, capture_output=True)
    env = dict(os.environ, NEXTSTEP_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.run(
        [*NEXTSTEP, "demo", "--drive", str(image)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    passphrase = re.search(r"^Passphrase: (\S+)", proc.stdout, re.M)
    assert passphrase and "(vfat)" in proc.stdout

    from crypto.keys import load_private
    from nextstep.bundle.verify import verify_bundle
    from nextstep.drives.target import open_target

    key = load_private(tmp_path / "data" / "keys" / "kiosk.ed25519")
    with open_target(str(image), allow_loop=True) as target:
        pdfs = sorted(target.root.glob("*.pdf"))
        assert len(pdfs) == 1
        info = verify_bundle(
            pdfs[0], passphrase=passphrase.group(1), trusted_keys=[key.public_bytes]
        )
        assert info is not None
    mounts = Path("/proc/mounts").read_text()
    assert str(image) not in mounts


def test_drive_carries_a_checkable_proof_of_delivery(demo_run: dict[str, object]) -> None:
    """The inclusion proof of "bundle written" sits beside the bundle and checks with the
    kiosk's public key alone; a changed byte is refused."""
    drive = Path(str(demo_run["drive"]))
    proofs = list(drive.glob("*.audit-proof.json"))
    assert len(proofs) == 1
    key = Path(str(demo_run["data"])) / "keys" / "kiosk.pub"
    env = demo_run["env"]
    assert isinstance(env, dict)
    ok = subprocess.run(
        [*NEXTSTEP, "audit", "check-proof", "--key", str(key), str(proofs[0])],
        capture_output=True,
        text=True,
        env=env,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "bundle_written" in json.loads(proofs[0].read_text())["entry"]
    bad = proofs[0].with_name("bad.json")
    bad.write_text(proofs[0].read_text().replace("bundle_written", "bundle_writteN"))
    no = subprocess.run(
        [*NEXTSTEP, "audit", "check-proof", "--key", str(key), str(bad)],
        capture_output=True,
        text=True,
        env=env,
    )
    bad.unlink()
    assert no.returncode != 0 and "Traceback" not in no.stderr


def test_stock_minisign_verifies_the_drive_manifest_with_the_kiosk_key_file(
    demo_run: dict[str, object],
) -> None:
    """Provenance anyone can check: the public key file the kiosk wrote, minisign -Vm."""
    tool = require_tool("minisign")
    drive = Path(str(demo_run["drive"]))
    pub = Path(str(demo_run["data"])) / "keys" / "kiosk.minisign.pub"
    manifests = list(drive.glob("*.manifest.json"))
    assert len(manifests) == 1
    ok = subprocess.run([tool, "-Vm", str(manifests[0]), "-p", str(pub)], capture_output=True)
    assert ok.returncode == 0, ok.stderr
