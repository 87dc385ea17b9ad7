"""A real demo session, then the issue's privacy and erasure checks on what it left behind.

Runs `nextstep demo --language ar` once (real OCR), then: no word of the letters, no sample
file name and no holder id anywhere in the kiosk's data or temporary directory; no category
slug or language code in clear in the log; the log verifies with zero processing outside
consent; the person's entries can be listed from their holder id; erasure destroys their key,
the log still verifies and nothing links them to a category any more.
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
        [*NEXTSTEP, "demo", "--drive", str(drive), "--language", "ar"],
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
    proc = _run(session, "audit", "verify", "--allow-self-certified")
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
        "--allow-self-certified",
    )
    assert proc.returncode == 0, proc.stdout
    text = report.read_text()
    assert "Processing without a valid consent: 0" in text and "digitize_store" in text


def test_subject_access_then_erasure(session: dict[str, object]) -> None:
    holder = str(session["holder"])
    proc = _run(session, "audit", "subject", holder, "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    events = {r["event"] for r in rows}
    assert {"consent_given", "page_captured", "bundle_written"} <= events
    proc = _run(session, "audit", "erase", holder, "--yes")
    assert proc.returncode == 0 and "still verifies" in proc.stdout, proc.stdout
    from nextstep.audit import subject_pseudonym
    from nextstep.audit.pseudonyms import pseudonym_key

    audit_dir = Path(str(session["data"])) / "audit"
    subject = subject_pseudonym(holder, pseudonym_key(audit_dir, create=False))
    assert not (audit_dir / "subject-keys" / f"{subject}.key").exists()
    assert _run(session, "audit", "verify", "--allow-self-certified").returncode == 0
    last = json.loads(_run(session, "audit", "subject", holder, "--json").stdout)
    assert last[-1]["event"] == "erasure"  # this request is logged after the listing
    # After erasure nothing links the person to a category or a language: not the listing,
    # not the log, not the data directory (the month's totals name no one).
    listing = json.dumps(last)
    assert all(r["private"] is None for r in last)
    assert not _clear_sensitive(listing.encode()), listing
    data = Path(str(session["data"]))
    for path in (p for p in data.rglob("*") if p.is_file()):
        if path.name in ("tally.json",):
            assert b"s-" not in path.read_bytes()  # counts only, no pseudonym
            continue
        hits = _clear_sensitive(path.read_bytes())
        assert not hits, f"{path} holds {hits}"


def _clear_sensitive(blob: bytes) -> list[str]:
    """Category slugs and notice/language codes that appear as JSON strings in clear."""
    from nextstep.consent import notices
    from nextstep.model import CATEGORIES

    words = [*CATEGORIES, *notices.languages(), "ara", "fra", "nld", "deu", "eng"]
    return [w for w in words if f'"{w}"'.encode() in blob]


def test_log_holds_no_category_or_language_in_clear(session: dict[str, object]) -> None:
    """`nextstep demo --language ar`: no category slug and no language code in the log."""
    audit_dir = Path(str(session["data"])) / "audit"
    log = (audit_dir / "log.jsonl").read_bytes()
    assert b"document_classified" in log and b"consent_given" in log
    assert not _clear_sensitive(log)
    for raw in log.splitlines():
        entry = json.loads(raw)
        clear = {k: v for k, v in entry.items() if k not in ("enc", "sig", "leaf", "prev")}
        text = json.dumps(clear)
        assert not re.search(r'"(ar|ara|asylum|health|housing|other)"', text), text
    # The pseudonym is keyed: not the plain hash of the holder id printed on the drive.
    import hashlib

    holder = str(session["holder"])
    plain = hashlib.sha256(b"nextstep/subject/v1\n" + holder.encode()).hexdigest()[:32]
    assert plain.encode() not in log
    # The auditor's monthly totals are counted, without any subject.
    tally = json.loads((audit_dir / "tally.json").read_text())
    assert sum(tally["counts"]["documents"].values()) >= 1
    assert tally["counts"]["notice_languages"] == {"ar": 1}
