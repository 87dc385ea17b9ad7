#!/usr/bin/env python3
"""Benchmark of issue 17: ``nextstep classify`` as a streaming batch against OCRmyPDF.

The page selection: held-out corpus letters (tools/corpus) rendered, first page only, as
flatbed scans, phone photos (JPEG with camera EXIF, so they are read as photos), scans turned
90/180/270 degrees, and poor photocopies (150 dpi, faded, speckled, JPEG). Each page is one file.

    .venv/bin/python benchmarks/classify_batch.py [--pages 24] [--rss 12,60] [--reps 1]

Reports, in one run with the two tools interleaved:
- per page: each page alone through ``nextstep classify --json --jobs 1`` and through
  ``ocrmypdf -l fra+nld+deu+eng --rotate-pages --deskew`` (median seconds, ratio);
- as a batch, 2 at a time: ``nextstep classify --jobs 2`` on all pages vs OCRmyPDF on every
  page with ``--jobs 1``, two processes at a time (its own ``--jobs`` parallelises one file);
- peak RSS of ``nextstep classify`` at 12 and 60 pages and the time to its first result line;
- OCR word recall against the rendered text, per condition (``--recall``).

OCRmyPDF is looked up at $OCRMYPDF or /tmp/ocrmypdf-venv/bin/ocrmypdf (``python3 -m venv
/tmp/ocrmypdf-venv && /tmp/ocrmypdf-venv/bin/pip install ocrmypdf``). The pages are synthetic
(no personal data), so both tools may read them from /tmp files.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

from corpus.generate import corpus, damage_photo, damage_scan  # noqa: E402
from corpus.render import render  # noqa: E402

CONDITIONS = ("scan", "photo", "rotated", "poor")
#: Share of the selection per condition (24 pages: 9 scans, 6 photos, 5 rotated, 4 poor).
MIX = ("scan", "photo", "rotated", "poor", "scan", "photo", "scan", "rotated", "poor", "scan",
       "photo", "scan", "rotated", "poor", "scan", "photo", "scan", "rotated", "poor", "scan",
       "photo", "scan", "photo", "rotated")  # fmt: skip


def poor_copy(page: Image.Image, rng: random.Random) -> np.ndarray:
    """A worn photocopy: 150 dpi, faded toner on grey paper, blur, speckle, JPEG."""
    g = np.asarray(page, dtype=np.float32)
    h, w = g.shape
    scale = 150.0 / 300.0
    g = cv2.resize(g, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    g = cv2.GaussianBlur(g, (0, 0), rng.uniform(0.5, 0.9))
    paper, toner = rng.uniform(200, 225), rng.uniform(60, 100)
    g = toner + (paper - toner) * g / 255.0
    nrng = np.random.default_rng(rng.randrange(2**32))
    g += nrng.normal(0, rng.uniform(4, 9), g.shape)
    speck = nrng.random(g.shape) < 0.002
    g[speck] = toner
    m = cv2.getRotationMatrix2D((g.shape[1] / 2, g.shape[0] / 2), rng.uniform(-2, 2), 1.0)
    g = cv2.warpAffine(g, m, (g.shape[1], g.shape[0]), borderValue=paper)
    ok, buf = cv2.imencode(
        ".jpg", np.clip(g, 0, 255).astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, 70]
    )
    assert ok
    return np.asarray(cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE))


def make_pages(n: int, out: Path, seed: int = 7) -> list[dict[str, object]]:
    """Render ``n`` one-page files into ``out``; return their labels (file, condition, text)."""
    out.mkdir(parents=True, exist_ok=True)
    docs = corpus("test", 2, seed)
    order = random.Random(seed).sample(range(len(docs)), len(docs))
    labels = []
    for k in range(n):
        doc, rng0 = docs[order[k % len(docs)]]
        rng = random.Random(f"{seed}:{k}")
        cond = MIX[k % len(MIX)]
        family = rng.choice(["sans", "serif", "condensed", "sans", "serif", "mono"])
        dpi = 300 if cond in ("photo", "poor") else rng.choice([200, 300])
        pages, texts = render(
            doc.blocks, dpi=dpi, family=family, size_pt=rng.uniform(9.5, 12.0),
            margin_mm=rng.uniform(15, 28), line_spacing=rng.uniform(1.2, 1.5),
        )  # fmt: skip
        page, text = pages[0], texts[0]
        name = f"{k:03d}-{cond}"
        if cond == "photo":
            img = damage_photo(page, rng)
            exif = Image.Exif()
            exif[0x010F], exif[0x0110] = "BenchPhone", "Model 1"  # Make, Model: a camera photo
            path = out / f"{name}.jpg"
            Image.fromarray(img[..., ::-1]).save(path, format="JPEG", quality=90, exif=exif)
        elif cond == "poor":
            path = out / f"{name}.jpg"
            Image.fromarray(poor_copy(page, rng)).save(
                path, format="JPEG", quality=85, dpi=(150, 150)
            )
        else:
            img = damage_scan(page, rng)
            if cond == "rotated":
                turn = rng.choice(
                    [cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_180, cv2.ROTATE_90_COUNTERCLOCKWISE]
                )
                img = cv2.rotate(img, turn)
            path = out / f"{name}.png"
            Image.fromarray(img).save(path, format="PNG", dpi=(dpi, dpi))
        labels.append({"file": str(path), "condition": cond, "text": text,
                       "category": doc.category, "language": doc.language})  # fmt: skip
    return labels


# -- measures --------------------------------------------------------------------------------


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def word_recall(truth: str, hyp: str) -> tuple[int, int]:
    """(truth words found in the OCR text, truth words), as multisets, case-sensitive."""
    t = collections.Counter(_WORD.findall(truth))
    h = collections.Counter(_WORD.findall(hyp))
    return sum(min(c, h[w]) for w, c in t.items()), sum(t.values())


def nextstep_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "nextstep.cli", "classify", "--json", *args]


def run_timed(cmd: list[str], **kw: object) -> tuple[float, subprocess.CompletedProcess[str]]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, **kw)  # type: ignore[call-overload]
    return time.perf_counter() - t0, proc


def peak_and_first(
    files: list[str], jobs: int
) -> tuple[float, float, float, list[dict[str, object]]]:
    """(peak RSS MiB of the largest process, seconds to the first line, total seconds, lines)
    for ``nextstep classify`` on ``files``, measured in a fresh child."""
    code = (
        "import json, resource, subprocess, sys, time\n"
        "t0 = time.perf_counter(); first = None; lines = []\n"
        "p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE, text=True)\n"
        "for line in p.stdout:\n"
        "    first = first or time.perf_counter() - t0; lines.append(line)\n"
        "p.wait(); total = time.perf_counter() - t0\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps({'peak_kb': peak, 'first': first, 'total': total, 'lines': lines}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *nextstep_cmd("--jobs", str(jobs), *files)],
        capture_output=True, text=True, check=True, cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )  # fmt: skip
    r = json.loads(out.stdout)
    return r["peak_kb"] / 1024, r["first"], r["total"], [json.loads(x) for x in r["lines"]]


def ocrmypdf_one(exe: str, src: str, work: Path, jobs: int = 1) -> float:
    """OCRmyPDF on one image file (given its DPI for photos, as a user would), timed."""
    dst = work / (Path(src).stem + ".pdf")
    cmd = [exe, "-q", "-l", "fra+nld+deu+eng", "--rotate-pages", "--deskew", "--jobs", str(jobs)]
    if src.endswith(".jpg") and "photo" in src:
        cmd += ["--image-dpi", "300"]
    t, proc = run_timed([*cmd, src, str(dst)])
    if proc.returncode not in (0, 10):  # 10: PDF/A conversion skipped, output still valid
        print("ocrmypdf failed:", proc.stderr.strip().splitlines()[-1:], file=sys.stderr)
    return t


def photo_recall(n: int, frame: tuple[int, int] = (1200, 1600), seed: int = 11) -> None:
    """Word recall of the whole page pipeline (process_page + choose_and_recognize) on ``n``
    corpus letters photographed by :func:`scanners.synthetic.photo` (a 1200x1600 frame:
    the page at about 100 dpi, perspective, shadow, blur, noise, JPEG)."""
    from nextstep.understanding.recognize import choose_and_recognize
    from nextstep.understanding.tesseract import TesseractEngine
    from scanners.process import process_page
    from scanners.synthetic import photo
    from scanners.types import RawImage

    docs = corpus("test", 1, seed)
    order = random.Random(seed).sample(range(len(docs)), len(docs))
    engine = TesseractEngine()
    found = total = 0
    t0 = time.perf_counter()
    for k in range(n):
        doc, _ = docs[order[k % len(docs)]]
        rng = random.Random(k)
        pages, texts = render(
            doc.blocks, dpi=300, family=rng.choice(["sans", "serif", "condensed", "mono"]),
            size_pt=rng.uniform(9.5, 12), margin_mm=rng.uniform(15, 28),
            line_spacing=rng.uniform(1.2, 1.5),
        )  # fmt: skip
        cap = photo(np.asarray(pages[0]), np.random.default_rng(k), frame=frame)
        page = process_page(RawImage(cap.image, None, "photo", "bench"))
        ocr = choose_and_recognize(engine, page, ("fra", "nld", "deu", "eng"))
        f, m = word_recall(texts[0], ocr.text)
        found, total = found + f, total + m
    secs = (time.perf_counter() - t0) / n
    print(f"| photos {frame[0]}x{frame[1]} | {n} | {found / total:.4f} ({found}/{total}) "
          f"| {secs:.2f} |")  # fmt: skip


def profile(labels: list[dict[str, object]]) -> None:
    """Where one page's time goes, in one process: decode, each step of process_page, OSD, the
    OCR passes (first, language rerun, fallback, orientation net)."""
    import functools

    from nextstep.understanding import recognize as rec
    from nextstep.understanding.tesseract import TesseractEngine
    from scanners import process
    from scanners.files import open_file

    spent: dict[str, float] = collections.defaultdict(float)
    calls: dict[str, int] = collections.defaultdict(int)

    def timed(owner: object, name: str, key: str) -> None:
        fn = getattr(owner, name)

        @functools.wraps(fn)
        def wrapper(*a: object, **k: object) -> object:
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[key] += time.perf_counter() - t
                calls[key] += 1

        setattr(owner, name, wrapper)

    timed(process.geometry, "find_page_quad", "quad")
    timed(process.geometry, "warp_quad", "perspective")
    timed(process, "flatten_illumination", "flatten")
    timed(process.orient, "estimate_skew", "deskew (estimate)")
    timed(process.orient, "rotate_small", "deskew (rotate)")
    timed(process.quality, "text_metrics", "text metrics (gate, cue)")
    timed(process.orient, "detect_orientation", "OSD")
    timed(process.quality, "assess", "quality gate")

    class Engine(TesseractEngine):
        def recognize(self, gray, *, dpi, languages, psm=3):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return super().recognize(gray, dpi=dpi, languages=languages, psm=psm)
            finally:
                spent[f"OCR pass ({languages})"] += time.perf_counter() - t
                calls[f"OCR pass ({languages})"] += 1

    engine = Engine()
    total = 0.0
    for lab in labels:
        t0 = time.perf_counter()
        with open_file(Path(str(lab["file"]))) as source:
            raw = source.page(0)
        spent["decode"] += time.perf_counter() - t0
        page = process.process_page(raw)
        rec.choose_and_recognize(engine, page, ("fra", "nld", "deu", "eng"))
        total += time.perf_counter() - t0
    n = len(labels)
    print(f"\n| step ({n} pages, 1 process) | s/page | runs |\n|---|---|---|")
    for key in sorted(spent, key=lambda k: -spent[k]):
        print(f"| {key} | {spent[key] / n:.3f} | {calls[key] or n} |")
    print(f"| **total** | {total / n:.3f} | |")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=24)
    ap.add_argument("--rss", default="12,60", help="page counts for the peak RSS runs")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--recall", action="store_true", help="only word recall per condition")
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--photos", type=int, default=0, help="only photo word recall, N pages")
    ap.add_argument("--profile", action="store_true", help="only the time per step of a page")
    args = ap.parse_args()
    if args.photos:
        print("| set | pages | word recall | s/page (1 process) |\n|---|---|---|---|")
        photo_recall(args.photos)
        return 0
    exe = os.environ.get("OCRMYPDF") or shutil.which("ocrmypdf", path="/tmp/ocrmypdf-venv/bin")
    tmp = Path(tempfile.mkdtemp(prefix="bench-classify-"))
    try:
        labels = make_pages(max(args.pages, *map(int, args.rss.split(","))), tmp / "pages")
        sel = labels[: args.pages]
        files = [str(x["file"]) for x in sel]
        if args.profile:
            profile(sel)
            return 0
        load = os.getloadavg()
        now = dt.datetime.now(dt.UTC)
        print(f"# classify batch benchmark, {now:%Y-%m-%d %H:%M} UTC, {os.uname().machine}, "
              f"{os.cpu_count()} cores, load {load[0]:.2f} {load[1]:.2f}")  # fmt: skip
        print(f"# {len(sel)} pages: " + ", ".join(
            f"{c} {sum(1 for x in sel if x['condition'] == c)}" for c in CONDITIONS))  # fmt: skip

        # batch (also gives the recall figures)
        peak, first, total, lines = peak_and_first(files, args.jobs)
        by_cond: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
        for lab, res in zip(sel, lines, strict=True):
            found, n = word_recall(str(lab["text"]), str(res.get("text", "")))
            by_cond[str(lab["condition"])][0] += found
            by_cond[str(lab["condition"])][1] += n
        print("\n| condition | word recall |\n|---|---|")
        for c in CONDITIONS:
            f, n = by_cond[c]
            print(f"| {c} | {f / max(n, 1):.4f} ({f}/{n}) |")
        if args.recall:
            return 0

        batch_ns = [total]
        per_ns: list[float] = []
        per_peer: list[float] = []
        batch_peer: list[float] = []
        if exe and not args.no_peer:
            work = tmp / "peer"
            work.mkdir()
            # per page, interleaved: nextstep, OCRmyPDF, nextstep, ...
            for f in files:
                t, _ = run_timed(nextstep_cmd("--jobs", "1", f), cwd=ROOT,
                                 env=dict(os.environ, PYTHONPATH=str(ROOT)))  # fmt: skip
                per_ns.append(t)
                per_peer.append(ocrmypdf_one(exe, f, work))
            # batch, 2 at a time
            t0 = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                list(pool.map(lambda f: ocrmypdf_one(exe, f, work), files))
            batch_peer.append(time.perf_counter() - t0)
            _, _, total2, _ = peak_and_first(files, args.jobs)
            batch_ns.append(total2)
        else:
            for f in files:
                t, _ = run_timed(nextstep_cmd("--jobs", "1", f), cwd=ROOT,
                                 env=dict(os.environ, PYTHONPATH=str(ROOT)))  # fmt: skip
                per_ns.append(t)

        print("\n| measure | nextstep | OCRmyPDF | ratio |\n|---|---|---|---|")
        pn = statistics.median(per_ns)
        pp = statistics.median(per_peer) if per_peer else float("nan")
        bn = statistics.median(batch_ns)
        bp = statistics.median(batch_peer) if batch_peer else float("nan")
        rows = [
            (f"per page, median s ({len(per_ns)} calls of one page)", pn, pp),
            (f"batch of {len(files)} pages, {args.jobs} at a time, s", bn, bp),
        ]
        for name, ns, peer in rows:
            print(f"| {name} | {ns:.2f} | {peer:.2f} | {ns / peer:.2f} |")
        print(
            "\n| pages | peak RSS MiB (largest process) | first result s | total s | first/total |"
        )
        print("|---|---|---|---|---|")
        for n in map(int, args.rss.split(",")):
            fs = [str(x["file"]) for x in labels[:n]]
            peak, first, total, _ = peak_and_first(fs, args.jobs)
            print(f"| {n} | {peak:.0f} | {first:.1f} | {total:.1f} | {first / total:.3f} |")
        load = os.getloadavg()
        print(f"\n# load after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
