"""The OCR boundary: an ``OcrEngine`` protocol and the Tesseract implementation.

Tesseract runs as ``tesseract stdin stdout ... tsv`` with the page's PNG bytes on a pipe and
the TSV read back from a pipe, so no page image or text ever lands in a temporary file in
clear. pytesseract writes both to temporary files in /tmp, which the no-residue rule forbids:
it is neither used nor a dependency (removed from pyproject.toml and the lock files). Each
call runs with ``OMP_THREAD_LIMIT=1``: parallelism comes from running several pages at once,
which on a 2-core kiosk is faster than Tesseract's own OpenMP threads fighting over the same
cores.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np

from nextstep.model import OcrPage, OcrWord
from nextstep.understanding.errors import OcrError
from scanners.probe import ToolProbe

PAGE_TIMEOUT_S = 180.0
#: Pages finer than this go to Tesseract as they are. Coarser ones (phone photos of a page at
#: ~100 dpi, 150 dpi copies) are enlarged to OCR_DPI first: Tesseract's line finder and
#: recogniser lose letters below a ~12 px x-height. Measured on 12 photographed letters
#: (benchmarks/classify_batch.py --photos): word recall 0.968 as they are, 0.978 at 200 dpi,
#: 0.974 at 300 dpi (and 1.8x the time).
MIN_OCR_DPI = 190.0
OCR_DPI = 200.0


class OcrEngine(Protocol):
    """What the rest of NextStep needs from an OCR engine: one greyscale page in, words out."""

    def recognize(self, gray: np.ndarray, *, dpi: float, languages: str, psm: int = 3) -> OcrPage:
        """OCR one upright greyscale page with a Tesseract-style language string ("fra+nld")."""
        ...

    def detect_script(self, gray: np.ndarray, *, dpi: float) -> tuple[str, float] | None:
        """The page's dominant script and confidence (OSD), or None when undetectable."""
        ...


def normalize_contrast(gray: np.ndarray) -> np.ndarray:
    """Stretch faint ink to black before OCR.

    Illumination flattening can leave a sparse page (a few lines on a second page) with grey,
    low-contrast text, which Tesseract's global threshold then breaks up. The ink level is the
    darkest value after a 3x3 median (so single noisy pixels do not count), the paper level the
    median; pages whose ink is already dark are returned unchanged.
    """
    if gray.ndim != 2 or gray.size == 0:
        return gray
    ink = float(cv2.medianBlur(gray, 3).min())
    paper = float(np.median(gray[::4, ::4]))
    if ink <= 40 or paper - ink < 25:
        return gray
    scale = 255.0 / (paper - ink)
    return cv2.convertScaleAbs(gray, alpha=scale, beta=-ink * scale)


def encode_png(gray: np.ndarray) -> bytes:
    ok, buf = cv2.imencode(".png", gray, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if not ok:
        raise OcrError("The page image could not be prepared for OCR.", hint="Capture it again.")
    return bytes(buf)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _run(args: list[str], data: bytes, timeout: float = PAGE_TIMEOUT_S) -> str:
    try:
        proc = subprocess.run(
            ["tesseract", "stdin", "stdout", *args],
            input=data,
            capture_output=True,
            timeout=timeout,
            env=_env(),
            check=False,
        )
    except FileNotFoundError as exc:
        raise OcrError(
            "Tesseract is not installed.", hint="Install it: apt-get install tesseract-ocr"
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrError(
            "OCR of a page took too long and was stopped.",
            hint="Check the page is a document and capture it again.",
        ) from exc
    if proc.returncode != 0:
        # stderr names the failing language or option, never document text.
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        last = detail[-1] if detail else f"exit code {proc.returncode}"
        raise OcrError(f"Tesseract failed on a page ({last}).", hint="Run `nextstep preflight`.")
    return proc.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str, *, language: str, dpi: float) -> OcrPage:
    """Turn Tesseract's TSV into an OcrPage: words with boxes, and text rebuilt line by line
    (a blank line between blocks), which keeps dates and sentences on the lines they had."""
    words: list[OcrWord] = []
    width = height = 0
    lines: dict[tuple[int, int, int], int] = {}
    texts: list[list[str]] = []
    block_of_line: list[tuple[int, int]] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        level = int(cols[0])
        if level == 1:
            width, height = int(cols[8]), int(cols[9])
            continue
        if level != 5:
            continue
        text = cols[11].strip()
        if not text:
            continue
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        if key not in lines:
            lines[key] = len(lines)
            texts.append([])
            block_of_line.append((key[0], key[1]))
        idx = lines[key]
        texts[idx].append(text)
        words.append(
            OcrWord(
                text=text,
                left=int(cols[6]),
                top=int(cols[7]),
                width=int(cols[8]),
                height=int(cols[9]),
                conf=float(cols[10]),
                line=idx,
            )
        )
    out: list[str] = []
    for i, parts in enumerate(texts):
        if i and block_of_line[i] != block_of_line[i - 1]:
            out.append("")
        out.append(" ".join(parts))
    confs = [w.conf for w in words if w.conf >= 0]
    return OcrPage(
        words=words,
        text="\n".join(out),
        language=language,
        width=width,
        height=height,
        dpi=dpi,
        mean_conf=float(sum(confs) / len(confs)) if confs else 0.0,
    )


def _scaled(word: OcrWord, f: float) -> OcrWord:
    left, top = round(word.left * f), round(word.top * f)
    return OcrWord(
        text=word.text,
        left=left,
        top=top,
        width=max(1, round((word.left + word.width) * f) - left),
        height=max(1, round((word.top + word.height) * f) - top),
        conf=word.conf,
        line=word.line,
    )


_SCRIPT = re.compile(r"^Script:\s*(\S+)", re.M)
_SCRIPT_CONF = re.compile(r"^Script confidence:\s*([\d.]+)", re.M)


class TesseractEngine:
    """Tesseract through pipes. Stateless, so one instance serves every worker thread."""

    def recognize(self, gray: np.ndarray, *, dpi: float, languages: str, psm: int = 3) -> OcrPage:
        image, scale = gray, 1.0
        if 0 < dpi < MIN_OCR_DPI:
            scale = OCR_DPI / dpi
            size = (round(gray.shape[1] * scale), round(gray.shape[0] * scale))
            image = cv2.resize(gray, size, interpolation=cv2.INTER_CUBIC)
        png = encode_png(normalize_contrast(image))
        ocr_dpi = dpi * scale
        tsv = _run(["--dpi", str(round(ocr_dpi)), "--psm", str(psm), "-l", languages, "tsv"], png)
        page = parse_tsv(tsv, language=languages, dpi=dpi)
        if scale != 1.0:
            # word boxes back in the page's own pixels (the bundle's text layer uses them)
            page.words = [_scaled(w, 1.0 / scale) for w in page.words]
            page.width = page.height = 0
        if not page.width:
            page.height, page.width = int(gray.shape[0]), int(gray.shape[1])
        return page

    def detect_script(self, gray: np.ndarray, *, dpi: float) -> tuple[str, float] | None:
        try:
            out = _run(["--dpi", str(round(dpi)), "--psm", "0", "-l", "osd"], encode_png(gray))
        except OcrError:
            return None  # too little text for OSD: not an error for the caller
        m, c = _SCRIPT.search(out), _SCRIPT_CONF.search(out)
        if not m:
            return None
        return m.group(1), float(c.group(1)) if c else 0.0


@dataclass(frozen=True)
class TesseractProbe(ToolProbe):
    """Preflight verdict on Tesseract: the one probe record, plus which language packs are
    installed and which are missing (the OCR code reads ``languages`` to pick scripts)."""

    languages: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()


REQUIRED_LANGUAGES: tuple[str, ...] = ("fra", "nld", "deu", "eng", "osd")


def probe_tesseract(required: tuple[str, ...] = REQUIRED_LANGUAGES) -> TesseractProbe:
    """Ask Tesseract its version and installed languages (no page is OCRed)."""
    try:
        ver = subprocess.run(
            ["tesseract", "--version"], capture_output=True, timeout=20, check=False
        )
        langs = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, timeout=20, check=False
        )
    except (FileNotFoundError, subprocess.TimeoutExpired):
        pkgs = " ".join(["tesseract-ocr", *(f"tesseract-ocr-{lang}" for lang in required)])
        return TesseractProbe(
            "tesseract",
            False,
            "Tesseract is not installed.",
            fix=f"apt-get install {pkgs}",
            missing=tuple(required),
        )
    first = (ver.stdout or ver.stderr).decode("utf-8", "replace").splitlines()
    version = first[0].replace("tesseract", "").strip() if first else "unknown"
    listed = langs.stdout.decode("utf-8", "replace").splitlines()[1:]
    installed = tuple(sorted(x.strip() for x in listed if x.strip()))
    missing = tuple(lang for lang in required if lang not in installed)
    if missing:
        fix = "apt-get install " + " ".join(f"tesseract-ocr-{m}" for m in missing)
        msg = f"Tesseract {version} lacks language data: {', '.join(missing)}."
        return TesseractProbe(
            "tesseract", False, msg, fix=fix, version=version, languages=installed, missing=missing
        )
    msg = f"Tesseract {version} with {', '.join(installed)}."
    return TesseractProbe("tesseract", True, msg, version=version, languages=installed)
