"""Capture benchmark: page quad, deskew, orientation, quality gate and speed on labelled captures.

Run: .venv/bin/python benchmarks/capture.py [--photos 60] [--scans 40] [--bad 10] [--seed 1]

The labelled set is built here: base pages are the demo samples (plus the straight LinnSequencer
scan from ../shared when present, plus synthetic text pages), turned into simulated camera
photos (pinhole perspective, desk backgrounds, lighting gradients, blur, noise, JPEG) and flatbed
scans (skew within +-8 degrees, 0/90/180/270 rotation), keeping the true corners, angle and
rotation. Deliberately bad captures (blur, dark, glare, cut off, no page, text too small) measure
the quality gate. Times are single-process wall-clock on this machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
cv2.setNumThreads(1)  # "one core" figures

from scanners.demo import DemoScanner, sample_dir  # noqa: E402
from scanners.files import load_file  # noqa: E402
from scanners.process import process_page  # noqa: E402
from scanners.synthetic import flatbed, photo, prose_page, quad_iou, text_page  # noqa: E402
from scanners.types import QualityReason, RawImage  # noqa: E402


def base_pages() -> list[np.ndarray]:
    pages: list[np.ndarray] = []
    if list(sample_dir().glob("*.png")):
        with DemoScanner() as sc:
            for _ in range(sc.documents):
                pages += [r.pixels for r in sc.capture()]
    linn = ROOT.parent / "shared" / "external" / "ocrmypdf" / "ccitt.pdf"
    if linn.exists():
        pages.append(load_file(linn)[0].pixels)
    pages += [text_page(seed=s) for s in range(3)]
    out = []
    for p in pages:  # normalise to ~150 dpi A4 width to keep the benchmark quick
        scale = 1240 / p.shape[1]
        out.append(cv2.resize(p, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA))
    return out


def bench_photos(pages: list[np.ndarray], n: int, rng: np.random.Generator) -> dict[str, float]:
    ious, times, refused = [], [], 0
    for i in range(n):
        cap = photo(pages[i % len(pages)], rng)
        t = time.perf_counter()
        page = process_page(RawImage(cap.image, None, "photo", "bench"), orientation=False)
        times.append(time.perf_counter() - t)
        iou = quad_iou(page.quad, cap.quad) if page.quad is not None else 0.0
        ious.append(iou)
        refused += not page.quality.ok
    fails = sum(1 for v in ious if v < 0.9)
    return {
        "n": n,
        "iou_mean": statistics.fmean(ious),
        "iou_min": min(ious),
        "fail_rate": fails / n,
        "refused_good": refused / n,
        "time_mean": statistics.fmean(times),
        "time_max": max(times),
    }


def bench_scans(
    pages: list[np.ndarray], n: int, rng: np.random.Generator
) -> tuple[dict[str, float], list[tuple[float, bool]]]:
    residuals, times, osd_times = [], [], []
    confident = correct = osd_runs = 0
    confs: list[tuple[float, bool]] = []
    for i in range(n):
        skew = float(rng.uniform(-8, 8))
        rot = int(rng.choice([0, 90, 180, 270]))
        cap = flatbed(pages[i % len(pages)], skew=skew, rotation=rot, rng=rng)
        raw = RawImage(cap.image, 150.0, "scan", "bench")
        t = time.perf_counter()
        page = process_page(raw, orientation=False)
        times.append(time.perf_counter() - t)
        residuals.append(abs(skew + page.skew_deg))
        t = time.perf_counter()
        full = process_page(raw, orientation=True)
        osd_times.append(time.perf_counter() - t - times[-1])
        ok = full.rotation == rot
        osd_runs += int(full.quality.metrics.get("osd_run", 0.0))
        confs.append((full.quality.metrics.get("osd_confidence", -1.0), ok))
        if full.rotation_confident:
            confident += 1
            correct += ok
    return {
        "n": n,
        "residual_mean": statistics.fmean(residuals),
        "residual_p95": float(np.percentile(residuals, 95)),
        "residual_max": max(residuals),
        "orientation_correct_when_confident": correct / max(confident, 1),
        "sent_to_staff": 1 - confident / n,
        "time_mean": statistics.fmean(times),
        "osd_time_mean": statistics.fmean(osd_times),
        "osd_share": osd_runs / n,
    }, confs


def _glare(img: np.ndarray, quad: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    c = quad.mean(axis=0) + rng.uniform(-0.2, 0.2, 2) * np.ptp(quad, axis=0)
    r = float(rng.uniform(0.08, 0.14) * np.ptp(quad[:, 0]))
    yy, xx = np.mgrid[: img.shape[0], : img.shape[1]]
    blob = np.exp(-(((xx - c[0]) ** 2 + (yy - c[1]) ** 2) / (2 * r * r)))
    out = img.astype(np.float32) + 400 * blob[:, :, None]
    return np.clip(out, 0, 255).astype(np.uint8)


def bench_gate(
    pages: list[np.ndarray], n_bad: int, n_good: int, rng: np.random.Generator
) -> dict[str, object]:
    cases: list[tuple[str | None, np.ndarray]] = []
    for i in range(n_good):
        cases.append((None, photo(pages[i % len(pages)], rng).image))
    for i in range(n_bad):
        p = pages[i % len(pages)]
        cases.append((QualityReason.TOO_BLURRY, photo(p, rng, blur=rng.uniform(2.5, 4.5)).image))
        dark = photo(p, rng).image.astype(np.float32) * rng.uniform(0.2, 0.32)
        cases.append((QualityReason.TOO_DARK, dark.astype(np.uint8)))
        g = photo(p, rng)
        cases.append((QualityReason.GLARE, _glare(g.image, g.quad, rng)))
        cases.append(
            (QualityReason.CUT_OFF, photo(p, rng, offset=(rng.choice([-1, 1]) * 0.3, 0)).image)
        )
        empty = photo(p, rng, fill=0.7).image
        empty[:] = cv2.GaussianBlur(empty, (0, 0), 1)[:]  # keep the desk look, no page:
        desk = np.full_like(empty, int(rng.uniform(40, 110)))
        desk = np.clip(desk + rng.normal(0, 6, desk.shape), 0, 255).astype(np.uint8)
        cases.append((QualityReason.PAGE_NOT_FOUND, desk))
        cases.append(
            (QualityReason.TEXT_TOO_SMALL, photo(p, rng, fill=0.4, frame=(1200, 1600)).image)
        )
    tp = fp = fn = tn = 0
    per_reason: dict[str, list[int]] = {}
    metrics_by_truth: dict[str, list[dict[str, float]]] = {}
    for truth, img in cases:
        page = process_page(RawImage(img, None, "photo", "bench"), orientation=False)
        refused = not page.quality.ok
        key = str(truth) if truth else "good"
        metrics_by_truth.setdefault(key, []).append(page.quality.metrics)
        if truth is None:
            fp += refused
            tn += not refused
        else:
            tp += refused
            fn += not refused
            hit = per_reason.setdefault(str(truth), [0, 0])
            hit[0] += truth in page.quality.reasons
            hit[1] += 1
    return {
        "precision": tp / max(tp + fp, 1),
        "recall": tp / max(tp + fn, 1),
        "false_refusals": fp,
        "good": n_good,
        "bad": len(cases) - n_good,
        "reason_recall": {k: v[0] / v[1] for k, v in per_reason.items()},
        "metrics": metrics_by_truth,
    }


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _ocr(grey: np.ndarray, dpi: float) -> str:
    """Tesseract as nextstep.understanding runs it (PNG on stdin, fra+nld+deu, psm 3)."""
    ok, png = cv2.imencode(".png", grey)
    proc = subprocess.run(
        [
            "tesseract",
            "stdin",
            "stdout",
            "-l",
            "fra+nld+deu",
            "--psm",
            "3",
            "--dpi",
            str(round(dpi)),
        ],
        input=png.tobytes(),
        capture_output=True,
        check=False,
        env=dict(os.environ, OMP_THREAD_LIMIT="1"),
    )
    return proc.stdout.decode("utf-8", "replace")


def ocr_sweep(seeds: int = 2) -> list[tuple[str, float, float, float]]:
    """Character error rate of real Tesseract against the measured x-height, font by font.

    Pages of real prose (scanners.synthetic.prose_page) go through the same capture path as a
    flatbed scan at 150 dpi (skew, noise) or a camera photo (perspective, blur, JPEG), then
    process_page; the x-height is the quality gate's own estimate on the processed page and
    the CER is measured on its OCR image. Returns (kind, font px, x-height, CER) rows.
    """
    rng = np.random.default_rng(7)
    rows = []
    plan = [("scan", f) for f in (8, 9, 10, 11, 12, 13, 14, 16)]
    plan += [("photo", f) for f in (12, 13, 14, 15, 16, 17, 18, 20, 22, 25)]
    for kind, font_px in plan:
        for seed in range(seeds):
            # about 1100 characters per page keeps the edit distance quick
            per_line = max(1, int(1240 * 0.84 / (0.5 * font_px)))
            grey, text = prose_page(seed * 100 + font_px, font_px, max_lines=1100 // per_line + 1)
            if kind == "scan":
                cap = flatbed(grey, skew=float(rng.uniform(-2, 2)), rotation=0, rng=rng)
                raw = RawImage(cap.image, 150.0, "scan", "sweep")
            else:
                raw = RawImage(photo(grey, rng, fill=0.78).image, None, "photo", "sweep")
            page = process_page(raw, orientation=False)
            truth = " ".join(text.split())
            read = " ".join(_ocr(page.gray, page.dpi).split())
            cer = _levenshtein(truth, read) / max(1, len(truth))
            xh = float(page.quality.metrics["x_height_px"])
            rows.append((kind, float(font_px), xh, cer))
            print(
                f"  sweep {kind:5s} font {font_px:4.1f}px x-height {xh:5.2f}px CER {cer:6.1%}",
                flush=True,
            )
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--photos", type=int, default=60)
    ap.add_argument("--scans", type=int, default=40)
    ap.add_argument("--bad", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--calibration", action="store_true", help="print gate metrics per class")
    ap.add_argument(
        "--ocr-sweep", action="store_true", help="only the x-height vs OCR accuracy sweep"
    )
    args = ap.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if args.ocr_sweep:
        rows = ocr_sweep()
        print("x-height bin  pages  mean CER  max CER")
        for lo in np.arange(3.0, 11.0, 0.5):
            sel = [r[3] for r in rows if lo <= r[2] < lo + 0.5]
            if sel:
                mean, worst = statistics.fmean(sel), max(sel)
                print(f"  {lo:4.1f}-{lo + 0.5:4.1f}px  {len(sel):5d}  {mean:7.1%}  {worst:7.1%}")
        return 0
    rng = np.random.default_rng(args.seed)
    pages = base_pages()
    print(f"base pages: {len(pages)}")
    ph = bench_photos(pages, args.photos, rng)
    print(
        f"photos: n={ph['n']} quad IoU mean={ph['iou_mean']:.4f} min={ph['iou_min']:.4f} "
        f"fail rate={ph['fail_rate']:.1%} good photos refused by gate={ph['refused_good']:.1%} "
        f"time/page={ph['time_mean']:.3f}s (max {ph['time_max']:.3f}s)"
    )
    sc, confs = bench_scans(pages, args.scans, rng)
    print(
        f"flatbed: n={sc['n']} residual skew mean={sc['residual_mean']:.3f} deg "
        f"p95={sc['residual_p95']:.3f} max={sc['residual_max']:.3f}; orientation correct when "
        f"confident={sc['orientation_correct_when_confident']:.1%}, sent to staff="
        f"{sc['sent_to_staff']:.1%}; time/page={sc['time_mean']:.3f}s + OSD "
        f"{sc['osd_time_mean']:.3f}s (OSD run on {sc['osd_share']:.0%} of pages)"
    )
    gate = bench_gate(pages, args.bad, args.bad, rng)
    print(
        f"gate: precision={gate['precision']:.1%} recall={gate['recall']:.1%} "
        f"(bad={gate['bad']}, good={gate['good']}, false refusals={gate['false_refusals']})"
    )
    reason_recall = gate["reason_recall"]
    assert isinstance(reason_recall, dict)
    for k, v in sorted(reason_recall.items()):
        print(f"  recall {k}: {v:.0%}")
    if args.calibration:
        metrics = gate["metrics"]
        assert isinstance(metrics, dict)
        for key, rows in metrics.items():
            for name in ("sharpness", "paper", "glare", "x_height_px", "cut_glyphs"):
                vals = sorted(r.get(name, -1) for r in rows)
                print(
                    f"  {key:15s} {name:12s} min={vals[0]:.3f} med={vals[len(vals) // 2]:.3f}"
                    f" max={vals[-1]:.3f}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
