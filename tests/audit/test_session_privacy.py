"""A real demo session, then the issue's privacy and erasure checks on what it left behind.

Runs `nextstep demo` once (real OCR), then: no word of the letters, no sample file name and
no holder id anywhere in the kiosk's data or temporary directory; the log verifies with zero
processing outside consent; the person's entries can be listed from their holder id; erasure
destroys their key and the log still verifies.
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


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    require_tool("tesseract")
    base = tmp_path_factory.mktemp("session")
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
    assert proc.returncode == 0, f"the demo session failed: {proc.stderr.strip()[-300:]}"
    holder = None
    for f in drive.rglob("*"):
        if f.is_file():
            m = re.search(rb"h-[0-9a-f]{20}", f.read_bytes())
            if m:
                holder = m.group().decode()
                break
    assert holder, "the drive should carry the person's holder id"
    return {"data": data, "tmp": tmp, "drive": drive, "env": env, "holder": holder, "base": base}


def _run(session: dict[str, object], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*NEXTSTEP, *args],
        capture_output=True,
        text=True,
        env=session["env"],
        cwd=session["base"],
        timeout=120,
    )


def test_nothing_personal_left_on_the_kiosk(session: dict[str, object]) -> None:
    labels = json.loads((SAMPLES / "labels.json").read_text(encoding="utf-8"))
    words = [w for doc in labels for w in doc["words"] if len(w) >= 6]
    names = [p.stem for p in SAMPLES.glob("*.png")]
    needles = [*words, *(w.lower() for w in words), *names, str(session["holder"])]
    files = [
        p
        for root in (session["data"], session["tmp"])
        for p in Path(str(root)).rglob("*")
        if p.is_file()
    ]
    assert any(p.name == "log.jsonl" for p in files)
    for path in files:
        blob = path.read_bytes()
        hits = [n for n in needles if n.encode() in blob]
        assert hits == [], f"{path} contains {hits}"


def test_log_verifies_with_full_consent_coverage(session: dict[str, object]) -> None:
    proc = _run(session, "audit", "verify")
    assert proc.returncode == 0, proc.stdout
    report = Path(str(session["base"])) / "report.html"
    proc = _run(
        session,
        "audit",
        "report",
        "--from",
        "2000-01-01",
        "--to",
        "2100-01-01",
        "--out",
        str(report),
    )
    assert proc.returncode == 0, proc.stdout
    text = report.read_text()
    assert "Processing without a valid consent: 0" in text and "digitize_store" in text


def test_subject_access_then_erasure(session: dict[str, object]) -> None:
    holder = str(session["holder"])
    proc = _run(session, "audit", "subject", holder, "--json", "--attest")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    events = {r["event"] for r in rows}
    assert {"consent_given", "page_captured", "bundle_written"} <= events
    proc = _run(session, "audit", "erase", holder, "--yes", "--attest")
    assert proc.returncode == 0 and "still verifies" in proc.stdout, proc.stdout
    from nextstep.audit import subject_pseudonym

    key_file = (
        Path(str(session["data"])) / "audit" / "subject-keys" / f"{subject_pseudonym(holder)}.key"
    )
    assert not key_file.exists()
    assert _run(session, "audit", "verify").returncode == 0
    last = json.loads(_run(session, "audit", "subject", holder, "--json", "--attest").stdout)
    assert last[-1]["event"] == "erasure"  # this request is logged after the listing
