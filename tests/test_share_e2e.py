"""Sharing end to end: `nextstep demo --share` for real, then the copy checked anywhere.

One run of the real CLI in a subprocess (real Tesseract, pikepdf, minisign signatures), a
directory recipient, the slip saved; then the shared copy is opened with stock qpdf and
pdftotext using its one-time passphrase only, its envelope is checked with stock minisign and
the kiosk's published key, `nextstep bundle verify --source` compares its page hashes with the
source bundle's, and the audit log is searched for the recipient's name.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.conftest import ROOT, require_tool

SAMPLES = ROOT / "scanners" / "demo" / "samples"
NEXTSTEP = [sys.executable, "-m", "nextstep.cli"]
RECIPIENT = "Maître Verhoeven"


def words_by_category() -> dict[str, list[str]]:
    labels = json.loads((SAMPLES / "labels.json").read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for doc in labels:
        out.setdefault(doc["category"], []).extend(w for w in doc["words"] if len(w) >= 6)
    return out


@pytest.fixture(scope="module")
def shared_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    require_tool("tesseract")
    base = tmp_path_factory.mktemp("share")
    data, drive = base / "data", base / "drive"
    env = dict(os.environ, NEXTSTEP_DATA_DIR=str(data))
    env.pop("NEXTSTEP_CONFIG", None)
    proc = subprocess.run(
        [
            *NEXTSTEP,
            "demo",
            "--drive",
            str(drive),
            "--consent",
            "digitize_store,share_recipient",
            "--share",
            "housing",
            "--recipient",
            RECIPIENT,
            "--recipient-service",
            "baj-liege",
            "--slip",
            str(base / "slip.pdf"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=base,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    found = {
        k: re.search(rf"^{k}: (\S.*)$", out, re.M)
        for k in ("Passphrase", "Share passphrase", "Bundle", "Share")
    }
    assert all(found.values()), out
    return {k: m.group(1).strip() for k, m in found.items() if m} | {
        "base": base,
        "data": data,
        "drive": drive,
        "env": env,
        "stdout": out,
    }


def _qpdf_decrypt(pdf: str, password: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["qpdf", f"--password={password}", "--decrypt", pdf, str(out)],
        capture_output=True,
        text=True,
    )


def test_shared_copy_opens_with_its_one_time_passphrase_and_holds_only_the_choice(
    shared_run: dict[str, object], tmp_path: Path
) -> None:
    require_tool("qpdf")
    require_tool("pdftotext")
    share = str(shared_run["Share"])
    assert "/partage-share/" in share
    plain = tmp_path / "plain.pdf"
    assert _qpdf_decrypt(share, str(shared_run["Share passphrase"]), plain).returncode == 0
    text = subprocess.run(
        ["pdftotext", str(plain), "-"], capture_output=True, text=True, check=True
    ).stdout.lower()
    words = words_by_category()
    assert [w for w in words["housing"] if w.lower() in text]
    others = [w for c, ws in words.items() if c != "housing" for w in ws if w.lower() in text]
    assert others == [], others
    # The recipient's cover page: consent, recipient, the check command.
    assert "consenti explicitement" in text
    assert RECIPIENT.lower() in text
    assert "minisign -vm" in text


def test_main_passphrase_does_not_open_the_shared_copy(
    shared_run: dict[str, object], tmp_path: Path
) -> None:
    require_tool("qpdf")
    res = _qpdf_decrypt(str(shared_run["Share"]), str(shared_run["Passphrase"]), tmp_path / "x")
    assert res.returncode != 0
    assert "invalid password" in (res.stdout + res.stderr).lower()


def test_envelope_verifies_with_stock_minisign_and_the_published_key(
    shared_run: dict[str, object],
) -> None:
    minisign = require_tool("minisign")
    share = Path(str(shared_run["Share"]))
    pub = Path(str(shared_run["data"])) / "keys" / "kiosk.minisign.pub"
    envelope = share.with_name(share.name[: -len(".pdf")] + ".manifest.json")
    ok = subprocess.run(
        [minisign, "-Vm", str(envelope), "-p", str(pub)], capture_output=True, text=True
    )
    assert ok.returncode == 0, ok.stderr
    assert "Signature and comment signature verified" in ok.stdout
    body = envelope.read_bytes()
    assert RECIPIENT.encode() not in body and b"Verhoeven" not in body
    tampered = envelope.with_name("tampered.manifest.json")
    tampered.write_bytes(body.replace(b'"version"', b'"versiom"'))
    envelope.with_name("tampered.manifest.json.minisig").write_bytes(
        envelope.with_name(envelope.name + ".minisig").read_bytes()
    )
    bad = subprocess.run([minisign, "-Vm", str(tampered), "-p", str(pub)], capture_output=True)
    assert bad.returncode != 0


def test_bundle_verify_shows_page_hashes_equal_the_source(
    shared_run: dict[str, object],
) -> None:
    env = shared_run["env"]
    assert isinstance(env, dict)
    pub = Path(str(shared_run["data"])) / "keys" / "kiosk.minisign.pub"
    phrases = f"{shared_run['Share passphrase']}\n{shared_run['Passphrase']}\n"
    res = subprocess.run(
        [
            *NEXTSTEP,
            "bundle",
            "verify",
            str(shared_run["Share"]),
            "--key",
            str(pub),
            "--passphrase-stdin",
            "--source",
            str(shared_run["Bundle"]),
        ],
        input=phrases,
        capture_output=True,
        text=True,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    match = re.search(r"^Pages: all (\d+) page hashes equal those of bundle NS-", res.stdout, re.M)
    assert match and int(match.group(1)) >= 1, res.stdout


def test_slip_is_one_page_with_the_passphrase_as_text_and_qr(
    shared_run: dict[str, object], tmp_path: Path
) -> None:
    require_tool("pdftotext")
    pdftoppm = require_tool("pdftoppm")
    from nextstep.bundle.keycard import read_qr

    slip = Path(str(shared_run["base"])) / "slip.pdf"
    info = subprocess.run(["pdfinfo", str(slip)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.M)
    text = subprocess.run(
        ["pdftotext", str(slip), "-"], capture_output=True, text=True, check=True
    ).stdout
    phrase = str(shared_run["Share passphrase"])
    assert phrase.replace("-", "") in re.sub(r"\D", "", text)
    assert "Le Monde des Possibles" in text and "Logement" in text
    assert "minisign -Vm" in text
    subprocess.run([pdftoppm, "-r", "150", "-png", str(slip), str(tmp_path / "s")], check=True)
    frame = np.asarray(Image.open(next(tmp_path.glob("s*.png"))).convert("L"))
    assert read_qr(frame) == phrase


def test_audit_log_holds_the_share_without_the_recipient(shared_run: dict[str, object]) -> None:
    log = Path(str(shared_run["data"])) / "audit" / "log.jsonl"
    raw = log.read_bytes()
    for needle in (RECIPIENT, "Verhoeven", "baj-liege", "Bureau d'aide"):
        assert needle.encode() not in raw, needle
    entries = [json.loads(line) for line in raw.decode().splitlines() if line.strip()]
    shares = [e for e in entries if e["event"] == "share"]
    assert len(shares) == 1
    details = shares[0]["details"]
    assert details["recipient_kind"] == "directory"
    assert details["documents"] == 1 and details["pages"] >= 1
    assert "categories" not in details and "shared_bundle" not in details


def test_share_without_the_consent_is_refused_before_the_visit(tmp_path: Path) -> None:
    env = dict(os.environ, NEXTSTEP_DATA_DIR=str(tmp_path / "data"))
    env.pop("NEXTSTEP_CONFIG", None)
    drive = tmp_path / "drive"
    proc = subprocess.run(
        [*NEXTSTEP, "demo", "--drive", str(drive), "--share", "health", "--recipient", "X"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "share_recipient consent" in proc.stderr and "Traceback" not in proc.stderr
    assert not drive.exists()
