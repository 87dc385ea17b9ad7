"""``nextstep classify [--json] PATH...``: OCR and understand files, storing nothing.

All pages of all paths go through one parallel OCR pool (the slow part), then each path is
understood on its own. A file that cannot be read gives ``{"path", "error"}`` and the others
carry on. Output goes to stdout only; nothing is written to disk.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from nextstep.config import load as load_settings
from nextstep.errors import NextStepError
from nextstep.model import Document
from nextstep.understanding.recognize import recognize_pages
from nextstep.understanding.tesseract import probe_tesseract
from nextstep.understanding.understand import to_document, understand
from scanners.errors import ScanError
from scanners.types import Page


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("classify", help="OCR and classify image or PDF files (stores nothing)")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--json", action="store_true", help="print JSON Lines, one object per PATH")
    p.add_argument("--workers", type=int, default=None, help="parallel OCR processes (0 = cores)")
    p.set_defaults(func=cmd_classify)


def document_json(path: str, doc: Document) -> dict[str, Any]:
    c = doc.classification
    return {
        "path": path,
        "category": c.category,
        "confidence": c.confidence,
        "language": doc.language,
        "rotation": doc.pages[0].rotation if doc.pages else 0,
        "deadlines": [
            {"date": d.date.isoformat(), "kind": d.kind, "text": d.text, "computed": d.computed}
            for d in doc.deadlines
        ],
        "references": [
            {"kind": r.kind, "value": r.value, "valid": r.valid} for r in doc.references
        ],
        "text": doc.text,
        "needs_review": c.needs_review,
        "alternatives": [{"category": a, "confidence": p} for a, p in c.alternatives],
        "reasons": c.reasons,
        "document_date": doc.document_date.isoformat() if doc.document_date else None,
        "issuer": doc.issuer,
        "pages": [
            {
                "rotation": pg.rotation,
                "rotation_confident": pg.rotation_confident,
                "dpi": round(pg.dpi, 1),
                "quality_ok": pg.quality.ok,
                "quality_reasons": [str(r) for r in pg.quality.reasons],
                "ocr_language": o.language,
                "ocr_confidence": round(o.mean_conf, 1),
                "words": len(o.words),
            }
            for pg, o in zip(doc.pages, doc.ocr, strict=False)
        ],
    }


def load_pages(path: Path) -> list[Page]:
    """Read one file and straighten its pages (the scanners layer does both)."""
    from scanners.files import load_file
    from scanners.process import process_page

    return [process_page(raw) for raw in load_file(path)]


def cmd_classify(args: argparse.Namespace) -> int:
    settings = load_settings()
    probe = probe_tesseract(tuple(lang for lang in settings.ocr_languages if lang != "ara"))
    if not probe.ok:
        raise NextStepError(probe.message, hint=f"Install it: {probe.fix}")
    workers = settings.ocr_workers if args.workers is None else args.workers
    loaded: list[tuple[str, list[Page] | None, str | None]] = []
    for path in args.paths:
        try:
            loaded.append((str(path), load_pages(path), None))
        except (ScanError, NextStepError) as exc:
            loaded.append((str(path), None, exc.message))
        except OSError as exc:
            loaded.append((str(path), None, f"The file could not be read ({exc.strerror})."))
    all_pages = [p for _, pages, _ in loaded if pages for p in pages]
    ocr = recognize_pages(all_pages, languages=settings.ocr_languages, workers=workers)
    failed = 0
    i = 0
    for name, pages, error in loaded:
        if pages is None or not pages:
            failed += 1
            obj: dict[str, Any] = {"path": name, "error": error or "The file has no pages."}
            _emit(obj, args.json)
            continue
        mine = ocr[i : i + len(pages)]
        i += len(pages)
        doc = to_document(pages, mine, understand(mine))
        _emit(document_json(name, doc), args.json)
    return 1 if failed == len(loaded) else 0


def _emit(obj: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(obj, ensure_ascii=False), flush=True)
        return
    if "error" in obj:
        print(f"{obj['path']}: error: {obj['error']}")
        return
    review = " (needs review)" if obj["needs_review"] else ""
    print(f"{obj['path']}: {obj['category']} {obj['confidence']:.2f}{review}, {obj['language']}")
    if obj["issuer"] or obj["document_date"]:
        print(f"  from {obj['issuer'] or '?'}, dated {obj['document_date'] or '?'}")
    for d in obj["deadlines"]:
        flag = " (computed)" if d["computed"] else ""
        print(f"  deadline {d['date']} {d['kind']}{flag}")
    for r in obj["references"]:
        ok = {True: "valid", False: "INVALID", None: ""}[r["valid"]]
        print(f"  reference {r['kind']} {r['value']} {ok}".rstrip())
    sys.stdout.flush()
