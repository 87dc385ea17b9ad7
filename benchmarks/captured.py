"""Corpus documents rendered, damaged, captured and read, for the leave-one-corpus-out
benchmark (issue 12: "render each corpus through the existing capture simulator").

Each document of an independent corpus gets one capture condition, dealt in a fixed cycle that
follows the mix of the outside "mixed captures" set (40 % scans, 35 % photos, 15 % rotated,
10 % poor copies):

- ``scan``: a clean flatbed scan (200-300 dpi, light noise), every other one skewed 1-4 degrees
  (``scanners.synthetic.flatbed``);
- ``photo``: a hand-held phone photo, 2250x3000, perspective, desk, shadow, blur, JPEG
  (``scanners.synthetic.photo``);
- ``rotated``: a flatbed scan turned 90, 180 or 270 degrees;
- ``poor``: a worn photocopy at 150 dpi (``benchmarks/classify_batch.poor_copy``).

The page is laid out by ``benchmarks/independent.render`` (fonts, sizes and layouts drawn per
document), then goes through the real pipeline: ``scanners.process.process_page`` then
``nextstep.understanding.recognize_pages`` (orientation, language choice, safety net).

OCR does not depend on the classifier, so its result is cached in ``benchmarks/.cache/``
(git-ignored; the corpora are invented, nothing personal) under a key made of the document's
text, the condition, the seed and :data:`PIPELINE_FILES`' bytes: a change to the capture or
OCR code reads everything again.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from classify_batch import poor_copy, word_recall  # noqa: E402
from independent import capture as independent_capture  # noqa: E402
from independent import render, style_for  # noqa: E402

from nextstep.model import OcrPage  # noqa: E402
from nextstep.understanding import recognize_pages  # noqa: E402
from scanners import synthetic  # noqa: E402
from scanners.process import process_page  # noqa: E402
from scanners.types import RawImage  # noqa: E402

CACHE = ROOT / "benchmarks" / ".cache" / "captured"
#: One cycle of 20 documents: 8 scans (half skewed), 7 photos, 3 rotated, 2 poor copies.
CYCLE = (
    "scan", "photo", "skew", "rotated", "photo", "scan", "poor", "photo", "skew", "scan",
    "photo", "rotated", "skew", "photo", "scan", "poor", "photo", "skew", "rotated", "photo",
)  # fmt: skip
#: The reported condition of each dealt one (a skewed scan is a scan).
REPORTED = {"scan": "scan", "skew": "scan", "photo": "photo", "rotated": "rotated", "poor": "poor"}
PIPELINE_FILES = (
    "scanners/process.py",
    "scanners/synthetic.py",
    "nextstep/understanding/recognize.py",
    "nextstep/understanding/tesseract.py",
    "benchmarks/independent.py",
    "benchmarks/captured.py",
)


@dataclass(frozen=True)
class Captured:
    """What the pipeline read from one document's captured page."""

    doc_id: str
    condition: str  # scan | photo | rotated | poor
    page: OcrPage
    refused: bool  # the capture check refused the page (it is still read, as staff would retry)
    word_recall: tuple[int, int]  # (truth words found, truth words)


def _pipeline_hash() -> str:
    h = hashlib.sha256()
    for rel in PIPELINE_FILES:
        h.update((ROOT / rel).read_bytes())
    return h.hexdigest()[:16]


def condition_of(index: int) -> str:
    return CYCLE[index % len(CYCLE)]


def capture(doc: dict[str, Any], index: int, seed: int) -> RawImage:
    """Render ``doc`` and put it through its dealt condition (deterministic per index)."""
    rng = np.random.default_rng([seed, index])
    st = style_for(rng)
    page = render(doc["text"], st)
    cond = condition_of(index)
    if cond in ("scan", "skew", "photo"):  # the independent letters' own conditions
        return independent_capture(page, cond, st.dpi, rng)
    if cond == "rotated":
        skew = float(rng.uniform(1, 4) * rng.choice([-1, 1]))
        turn = int(rng.choice([90, 180, 270]))
        cap = synthetic.flatbed(page, skew=skew, rotation=turn, rng=rng)
        return RawImage(cap.image, float(st.dpi), "scan", "bench")
    grey = poor_copy(Image.fromarray(page), random.Random(f"{seed}:{index}"))
    return RawImage(grey, 150.0, "scan", "bench")


def _key(doc: dict[str, Any], index: int, seed: int, pipeline: str) -> str:
    h = hashlib.sha256(
        json.dumps([doc["text"], condition_of(index), index, seed, pipeline]).encode()
    )
    return h.hexdigest()[:24]


def _load(path: Path) -> Captured | None:
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    p = d["page"]
    page = OcrPage([], p["text"], p["language"], p["width"], p["height"], p["dpi"], p["conf"])
    return Captured(d["id"], d["condition"], page, d["refused"], tuple(d["recall"]))  # type: ignore[arg-type]


def _store(path: Path, c: Captured) -> None:
    p = c.page
    d = {
        "id": c.doc_id, "condition": c.condition, "refused": c.refused,
        "recall": list(c.word_recall),
        "page": {"text": p.text, "language": p.language, "width": p.width, "height": p.height,
                 "dpi": p.dpi, "conf": p.mean_conf},
    }  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def read_corpus(
    docs: Sequence[dict[str, Any]],
    *,
    seed: int = 1,
    batch: int = 8,
    log: Callable[[str], None] = lambda _m: None,
) -> list[Captured]:
    """Every document's captured page as read by the pipeline, from the cache when it is
    there. The index in ``docs`` deals the condition, so keep the corpus order."""
    pipeline = _pipeline_hash()
    out: dict[int, Captured] = {}
    todo = []
    for i, doc in enumerate(docs):
        hit = _load(CACHE / f"{_key(doc, i, seed, pipeline)}.json")
        if hit is not None:
            out[i] = hit
        else:
            todo.append(i)
    t0 = time.perf_counter()
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        pages = [process_page(capture(docs[i], i, seed)) for i in chunk]
        ocr = recognize_pages(pages)
        for i, page, o in zip(chunk, pages, ocr, strict=True):
            c = Captured(
                docs[i]["id"], REPORTED[condition_of(i)], o, not page.quality.ok,
                word_recall(docs[i]["text"], o.text),
            )  # fmt: skip
            _store(CACHE / f"{_key(docs[i], i, seed, pipeline)}.json", c)
            out[i] = c
        done = start + len(chunk)
        rate = (time.perf_counter() - t0) / done
        log(f"captured {done}/{len(todo)} pages ({rate:.1f} s/page)")
    return [out[i] for i in range(len(docs))]
