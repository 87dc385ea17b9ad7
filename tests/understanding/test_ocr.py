"""Real Tesseract on a handful of pages: the demo samples, the external real scans, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from nextstep.model import OcrPage
from nextstep.understanding import TesseractEngine, probe_tesseract, recognize_pages
from nextstep.understanding.tesseract import parse_tsv
from scanners.types import Page
from tests.conftest import ROOT, require_tool

SAMPLES = ROOT / "scanners" / "demo" / "samples"


def sample_page(name: str) -> Page:
    gray = cv2.imread(str(SAMPLES / name), cv2.IMREAD_GRAYSCALE)
    assert gray is not None
    return Page(color=cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR), gray=gray, dpi=200.0)


class CountingEngine(TesseractEngine):
    """The real engine, recording which language strings it was asked to run."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def recognize(self, gray: np.ndarray, *, dpi: float, languages: str, psm: int = 3) -> OcrPage:
        self.calls.append(languages)
        return super().recognize(gray, dpi=dpi, languages=languages, psm=psm)


@pytest.fixture(autouse=True)
def _tesseract() -> None:
    require_tool("tesseract")


def test_probe_reports_installed_and_missing_languages() -> None:
    ok = probe_tesseract(("fra", "nld", "deu", "eng"))
    assert ok.ok and ok.version and "fra" in ok.languages and not ok.missing
    bad = probe_tesseract(("fra", "zzz"))
    assert not bad.ok and bad.missing == ("zzz",)
    assert bad.fix == "apt-get install tesseract-ocr-zzz"
    assert "zzz" in bad.detail


def test_parse_tsv_rebuilds_lines_and_blocks() -> None:
    header = "\t".join(
        [
            "level",
            "page_num",
            "block_num",
            "par_num",
            "line_num",
            "word_num",
            "left",
            "top",
            "width",
            "height",
            "conf",
            "text",
        ]
    )
    rows = [
        "1\t1\t0\t0\t0\t0\t0\t0\t800\t1000\t-1\t",
        "5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t96.5\tCPAS",
        "5\t1\t1\t1\t1\t2\t70\t10\t40\t20\t90\tde",
        "5\t1\t1\t1\t2\t1\t10\t40\t60\t20\t80\tLiège",
        "5\t1\t2\t1\t1\t1\t10\t90\t60\t20\t70\tMonsieur,",
    ]
    page = parse_tsv("\n".join([header, *rows]), language="fra", dpi=200)
    assert page.text == "CPAS de\nLiège\n\nMonsieur,"
    assert (page.width, page.height) == (800, 1000)
    assert [w.line for w in page.words] == [0, 0, 1, 2]
    assert page.words[0].left == 10 and page.words[0].conf == 96.5
    assert page.mean_conf == pytest.approx((96.5 + 90 + 80 + 70) / 4)


def test_french_page_needs_one_pass_and_dutch_page_is_rerun_in_dutch() -> None:
    engine = CountingEngine()
    fr, nl = recognize_pages(
        [sample_page("03-mutualite.png"), sample_page("02-huurovereenkomst-p2.png")],
        engine=engine,
        workers=2,
    )
    assert fr.language == "fra" and nl.language.startswith("nld")
    assert sorted(engine.calls) == ["fra", "fra", nl.language]
    assert "huurwaarborg" in nl.text and "médecin-conseil" in fr.text
    for w in nl.words:
        assert w.left >= 0 and w.left + w.width <= nl.width and 0 <= w.conf <= 100
    assert nl.dpi == 200.0 and nl.mean_conf > 80


def _external_page(path: Path) -> Page:
    from scanners.files import load_file
    from scanners.process import process_page

    return process_page(load_file(path)[0])


def test_external_typewriter_scan_dutch(external: Path) -> None:
    (page,) = recognize_pages([_external_page(external / "ocrmypdf" / "typewriter.png")])
    for word in ("Linzensoep", "kruidnagel", "zout"):
        assert word in page.text
    assert page.language.startswith("nld")


def test_external_french_page_keeps_accents(external: Path) -> None:
    (page,) = recognize_pages([_external_page(external / "ocrmypdf" / "francais_page.jpg")])
    for word in ("intérieure", "côté", "qualité"):
        assert word in page.text


def test_classify_cli_json_on_samples(tmp_path: Path) -> None:
    labels = json.loads((SAMPLES / "labels.json").read_text())
    files = [f for d in labels for f in d["files"]]
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"not an image")
    env = dict(os.environ, TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "nextstep.cli",
            "classify",
            "--json",
            *[str(SAMPLES / f) for f in files],
            str(bad),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert out.returncode == 1, out.stderr  # some files (the broken one) could not be read
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == len(files) + 1
    assert set(rows[-1]) == {"path", "error"} and rows[-1]["path"] == str(bad)
    by_file = {Path(r["path"]).name: r for r in rows[:-1]}
    for doc in labels:
        got = [by_file[f] for f in doc["files"]]
        for r in got:
            assert {
                "path",
                "category",
                "confidence",
                "language",
                "rotation",
                "deadlines",
                "references",
                "text",
                "needs_review",
                "alternatives",
                "reasons",
                "document_date",
                "issuer",
                "pages",
            } <= set(r)
            assert r["category"] == doc["category"] and not r["needs_review"]
            assert r["language"] == doc["language"] and r["rotation"] == 0
        dates = {(d["date"], d["kind"]) for r in got for d in r["deadlines"]}
        assert {(d["date"], d["kind"]) for d in doc["deadlines"]} <= dates
        assert any(r["document_date"] == doc["document_date"] for r in got)
        refs = {(x["kind"], x["value"].replace("/", "")) for r in got for x in r["references"]}
        for ref in doc["references"]:
            if ref["kind"] in ("national_register", "iban", "structured_communication"):
                assert (ref["kind"], ref["value"]) in refs
        for word in doc["words"]:
            assert any(word.lower() in r["text"].lower() for r in got), word
    assert list((tmp_path / "tmp").iterdir()) == []  # nothing written to the temp dir


def _letter_page() -> tuple[Page, str]:
    from scanners.synthetic import prose_page

    gray, text = prose_page(3, 30)
    return Page(color=cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR), gray=gray, dpi=200.0), text


@pytest.mark.parametrize("turn", [cv2.ROTATE_180, cv2.ROTATE_90_CLOCKWISE])
def test_orientation_net_reads_a_page_left_upside_down_or_sideways(turn: int) -> None:
    """Orientation detection missed the turn (the page arrives as if upright): the poor reading
    makes the safety net try the other orientations, keep the good one and turn the page."""
    upright, text = _letter_page()
    page = Page(
        color=cv2.rotate(upright.color, turn), gray=cv2.rotate(upright.gray, turn), dpi=200.0
    )
    (ocr,) = recognize_pages([page], workers=1)
    needed = 180 if turn == cv2.ROTATE_180 else 270
    assert page.rotation == needed and page.rotation_confident
    assert page.quality.metrics["orientation_net"] == needed
    assert np.array_equal(page.gray, upright.gray)
    words = set(text.split())
    assert len(words & set(ocr.text.split())) >= 0.9 * len(words)


def test_orientation_net_leaves_upright_pages_alone_and_drops_garbage() -> None:
    upright, _ = _letter_page()
    engine = CountingEngine()
    (ocr,) = recognize_pages([upright], workers=1, engine=engine)
    assert upright.rotation == 0 and "orientation_net" not in upright.quality.metrics
    assert len(engine.calls) <= 2 and ocr.text  # the first pass, maybe a language rerun
    rng = np.random.default_rng(5)  # noise blobs: no orientation reads as text
    noise = np.full((1754, 1240), 255, np.uint8)
    for _ in range(900):
        x, y = int(rng.integers(60, 1150)), int(rng.integers(60, 1650))
        cv2.ellipse(noise, (x, y), (int(rng.integers(4, 14)), int(rng.integers(5, 12))),
                    float(rng.integers(0, 180)), 0, 300, 0, 2)  # fmt: skip
    junk = Page(color=cv2.cvtColor(noise, cv2.COLOR_GRAY2BGR), gray=noise, dpi=200.0)
    (read,) = recognize_pages([junk], workers=1)
    assert junk.quality.metrics["ocr_unreadable"] == 1.0
    assert read.text == "" and read.words == [] and not junk.rotation_confident
    assert junk.rotation == 0 and np.array_equal(junk.gray, noise)
