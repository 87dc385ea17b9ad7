"""``nextstep classify [--json] [--jobs N] PATH...``: OCR and understand files, storing nothing.

PATH may be a file, a folder (read recursively, in sorted order, photos/scans/PDFs only) or
``-`` (one path per line on standard input). Pages stream through one pool of worker processes
(:mod:`nextstep.understanding.batch`); each file's result is printed as soon as it and every
file before it are complete, in input order. A file that cannot be read gives
``{"path", "error"}`` and the others carry on. Output goes to stdout only; nothing is written
to disk. Ctrl+C stops after the lines already complete: no line is ever cut.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from nextstep.config import load as load_settings
from nextstep.errors import NextStepError
from nextstep.model import Document
from nextstep.understanding.batch import classify_paths
from nextstep.understanding.tesseract import probe_tesseract

EXIT_ALL_READ, EXIT_SOME_FAILED, EXIT_NONE_READ = 0, 1, 2
EXIT_INTERRUPTED = 130
#: File name endings read from a folder (a file given by name is read whatever its name).
FOLDER_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic", ".heif", ".pdf"})

_EPILOG = """\
PATH: a file, a folder (read recursively, sorted; .jpg .jpeg .png .tif .tiff .heic .heif .pdf),
or - to read one path per line from standard input.

exit status:
  0    every file was read
  1    some files could not be read (each has an error line)
  2    no file could be read, or the command line was wrong
  130  interrupted (Ctrl+C): the lines printed are complete
"""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "classify",
        help="OCR and classify image or PDF files (stores nothing)",
        description="OCR and classify image or PDF files; results in input order, "
        "as each file completes. Nothing is stored.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print JSON Lines, one object per file")
    p.add_argument(
        "--jobs",
        "-j",
        "--workers",
        dest="jobs",
        type=int,
        default=None,
        metavar="N",
        help="worker processes (default: the configured ocr_workers; 0 = one per core)",
    )
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


def expand(args: list[str], stdin: TextIO) -> Iterator[str]:
    """Paths in the order given: folders walked recursively and sorted (hidden entries and
    links skipped), ``-`` replaced by the lines of ``stdin``. Lazy, so the first file starts
    before a long list is read."""
    for arg in args:
        if arg == "-":
            for line in stdin:
                name = line.rstrip("\r\n")
                if name:
                    yield from expand([name], stdin) if name != "-" else ()
            continue
        p = Path(arg)
        if p.is_dir() and not p.is_symlink():
            yield from _walk(p)
        else:
            yield arg


def _walk(folder: Path) -> Iterator[str]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        if e.name.startswith(".") or e.is_symlink():
            continue
        if e.is_dir(follow_symlinks=False):
            yield from _walk(Path(e.path))
        elif e.is_file(follow_symlinks=False) and Path(e.name).suffix.lower() in FOLDER_SUFFIXES:
            yield e.path


class ProgressBar:
    """``pages done, rate, time left`` on standard error, redrawn in place (terminals only)."""

    def __init__(self, stream: TextIO, total_files: int | None) -> None:
        self.stream = stream
        self.total = total_files
        self.t0 = time.monotonic()
        self.last = 0.0

    def __call__(self, pages: int, files_done: int, files_started: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.2 and files_done != self.total:
            return
        self.last = now
        elapsed = max(now - self.t0, 1e-6)
        rate = 60.0 * pages / elapsed
        line = f"{pages} pages, {files_done}"
        if self.total:
            width = 24
            filled = round(width * files_done / self.total)
            line = f"[{'#' * filled}{'.' * (width - filled)}] " + line + f"/{self.total}"
            if files_done:
                left = elapsed / files_done * (self.total - files_done)
                line += f" files, {rate:.0f} pages/min, {int(left) // 60}:{int(left) % 60:02d} left"
            else:
                line += " files"
        else:
            line += f" files, {rate:.0f} pages/min"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r\x1b[K")
        self.stream.flush()


def cmd_classify(args: argparse.Namespace) -> int:
    settings = load_settings()
    probe = probe_tesseract(tuple(lang for lang in settings.ocr_languages if lang != "ara"))
    if not probe.ok:
        raise NextStepError(probe.detail, hint=f"Install it: {probe.fix}")
    jobs = settings.ocr_workers if args.jobs is None else args.jobs
    if jobs < 0:
        raise NextStepError("--jobs must be 0 (one per core) or more.", hint="Try --jobs 2.")
    total: int | None = None
    paths: Iterator[str] | list[str] = expand(args.paths, sys.stdin)
    if "-" not in args.paths:
        paths = list(paths)
        total = len(paths)
    bar = ProgressBar(sys.stderr, total) if sys.stderr.isatty() else None
    stop = threading.Event()

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGINT, on_sigint)
    read = failed = 0
    try:
        for res in classify_paths(
            paths, languages=settings.ocr_languages, jobs=jobs, stop=stop, progress=bar
        ):
            if res.document is None:
                failed += 1
                obj: dict[str, Any] = {"path": res.path, "error": res.error}
            else:
                read += 1
                obj = document_json(res.path, res.document)
            if bar:
                bar.close()
            _emit(obj, args.json)
    finally:
        signal.signal(signal.SIGINT, previous)
        if bar:
            bar.close()
    if stop.is_set():
        print("nextstep: interrupted; the lines above are complete.", file=sys.stderr)
        return EXIT_INTERRUPTED
    if read == 0:
        if failed == 0:
            print("nextstep: no file to read.", file=sys.stderr)
        return EXIT_NONE_READ
    return EXIT_SOME_FAILED if failed else EXIT_ALL_READ


def _emit(obj: dict[str, Any], as_json: bool) -> None:
    """Print one result as one write, so an interruption never leaves half a line."""
    if as_json:
        out = json.dumps(obj, ensure_ascii=False) + "\n"
    elif "error" in obj:
        out = f"{obj['path']}: error: {obj['error']}\n"
    else:
        review = " (needs review)" if obj["needs_review"] else ""
        lines = [
            f"{obj['path']}: {obj['category']} {obj['confidence']:.2f}{review}, {obj['language']}"
        ]
        if obj["issuer"] or obj["document_date"]:
            lines.append(f"  from {obj['issuer'] or '?'}, dated {obj['document_date'] or '?'}")
        for d in obj["deadlines"]:
            flag = " (computed)" if d["computed"] else ""
            lines.append(f"  deadline {d['date']} {d['kind']}{flag}")
        for r in obj["references"]:
            ok = {True: "valid", False: "INVALID", None: ""}[r["valid"]]
            lines.append(f"  reference {r['kind']} {r['value']} {ok}".rstrip())
        out = "\n".join(lines) + "\n"
    sys.stdout.write(out)
    sys.stdout.flush()
