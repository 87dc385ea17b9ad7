"""Done-when of issue 15 for Arabic: `nextstep demo --language ar --consent
digitize_store,print_keycard --keycard card.pdf` writes a one-sheet key card whose QR decodes
to the passphrase, and the bundle's cover holds no English fallback and no mirrored brackets."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pikepdf

from nextstep.bundle import keycard
from tests.conftest import require_tool

NEXTSTEP = [sys.executable, "-m", "nextstep.cli"]


def run(base: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NEXTSTEP_DATA_DIR=str(base / "data"), TMPDIR=str(base))
    env.pop("NEXTSTEP_CONFIG", None)
    return subprocess.run(
        [*NEXTSTEP, "demo", "--drive", str(base / "drive"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=base,
        timeout=600,
    )


def test_keycard_needs_its_consent(tmp_path: Path) -> None:
    proc = run(tmp_path, "--keycard", str(tmp_path / "card.pdf"))
    assert proc.returncode == 2
    assert "print_keycard" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "card.pdf").exists()


def test_unknown_purpose_is_named(tmp_path: Path) -> None:
    proc = run(tmp_path, "--consent", "digitize_store,print_everything")
    assert proc.returncode == 2 and "print_everything" in proc.stderr


def test_arabic_demo_writes_a_one_sheet_keycard(tmp_path: Path) -> None:
    require_tool("tesseract")
    card = tmp_path / "card.pdf"
    proc = run(
        tmp_path,
        "--language",
        "ar",
        "--consent",
        "digitize_store,print_keycard",
        "--keycard",
        str(card),
    )
    assert proc.returncode == 0, proc.stderr
    phrase = re.search(r"^Passphrase: (\S+)$", proc.stdout, re.M)
    bundle = re.search(r"^Bundle: (.+)$", proc.stdout, re.M)
    assert phrase and bundle
    assert stat.S_IMODE(card.stat().st_mode) == 0o600  # it holds the passphrase
    with pikepdf.open(card) as pdf:
        assert len(pdf.pages) == 2
    png = subprocess.run(
        [require_tool("pdftoppm"), "-f", "1", "-l", "1", "-r", "200", "-gray", "-png"]
        + ["-singlefile", str(card)],
        capture_output=True,
        check=True,
    ).stdout
    front = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert keycard.read_qr(front) == phrase.group(1)
    cover = subprocess.run(
        [require_tool("pdftotext"), "-upw", phrase.group(1), "-f", "1", "-l", "1"]
        + [bundle.group(1).strip(), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    for english in ("Where to get help", "Deadlines", "Reference numbers", "cgra_file", "pages"):
        assert english not in cover
    assert not re.search(r"\)\s*D\d\s*\(", cover)
    assert "مستنداتي" in cover
