"""Streaming batch OCR and understanding of files: one process pool, bounded memory, in order.

Why this shape (``nextstep classify`` over a backlog of scans and phone photos): every page
flows through the same pool of worker processes - decode that one page from its file, straighten
it, orient it, OCR it. When all pages of a file are read, the parent understands them: pure
text work of ~0.15 s, which as a pool task would queue behind the pages already handed to the
workers and delay the file's line by two page times. A worker holds one page's pixels at a
time and returns only text, boxes and the page's measurements, so memory does not grow with
the batch. Pages are submitted in input order with a
bounded number in flight, and documents are yielded in input order as soon as they and all
before them are complete: the first result comes out after the first file, not after the batch.

File headers (page count, decoded size) are checked in the parent against the decode budget of
:mod:`scanners.files` before any page is handed to a worker, so a hostile file costs nothing but
its one error line. A file that fails - unreadable, a bomb, an OCR crash - yields an error for
that file only. The pool is forked from the CLI process (never from the kiosk, whose memory
holds other people's data); workers run in their own process groups so that the parent alone
decides how to stop.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nextstep.errors import NextStepError
from nextstep.model import Document, OcrPage
from nextstep.understanding.recognize import DEFAULT_LANGUAGES, choose_and_recognize
from nextstep.understanding.tesseract import TesseractEngine, probe_tesseract
from nextstep.understanding.understand import Understanding, to_document, understand
from scanners.errors import ScanError
from scanners.files import PageSource, open_file
from scanners.process import process_page
from scanners.types import Page

#: Pages in flight per worker: enough that a worker never waits for the parent.
PAGES_AHEAD_PER_JOB = 2
#: Documents started but not yet printed, at most (the reordering window).
DOCS_AHEAD = 32


@dataclass
class DocResult:
    """One input path: its document, or the one-sentence reason it could not be read."""

    path: str
    document: Document | None = None
    error: str | None = None
    pages: int = 0


@dataclass
class _Doc:
    path: str
    n: int = 0
    error: str | None = None
    pages: dict[int, tuple[Page, OcrPage]] = field(default_factory=dict)
    understood: Understanding | None = None
    submitted: int = 0


# -- worker side ----------------------------------------------------------------------------

_SOURCE: tuple[str, PageSource] | None = None  # the worker's open file


def _worker_init() -> None:
    """Each worker leads its own process group, with its Tesseract children: Ctrl+C in the
    terminal reaches only the parent, and the parent's SIGTERM ends a worker together with the
    Tesseract it is waiting for."""
    os.setpgrp()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _end_group)
    import cv2

    cv2.setNumThreads(1)


def _end_group(signum: int, frame: object) -> None:
    os.killpg(os.getpgrp(), signal.SIGKILL)


def _open(path: str) -> PageSource:
    """The worker's page source for ``path``, reusing the one already open (pages of a file
    arrive one after another)."""
    global _SOURCE
    if _SOURCE is not None and _SOURCE[0] == path:
        return _SOURCE[1]
    if _SOURCE is not None:
        _SOURCE[1].close()
        _SOURCE = None
    source = open_file(Path(path))
    _SOURCE = (path, source)
    return source


def _slim(page: Page) -> Page:
    """The page's measurements without its pixels (they stay in the worker and die there)."""
    tiny = np.zeros((1, 1), np.uint8)
    page.color, page.gray = tiny, tiny
    return page


def read_page(
    path: str, index: int, languages: tuple[str, ...], installed: tuple[str, ...] | None
) -> tuple[Page, OcrPage] | str:
    """Decode, straighten, orient and OCR page ``index`` of ``path``; an error message if not."""
    try:
        raw = _open(path).page(index)
        page = process_page(raw)
        del raw
        ocr = choose_and_recognize(TesseractEngine(), page, languages, installed=installed)
        return _slim(page), ocr
    except (ScanError, NextStepError) as exc:
        return exc.message
    except MemoryError:
        return "The page needs more memory than this machine can give it."
    except Exception as exc:  # noqa: BLE001 - one bad page must not end the batch
        return f"The page could not be processed ({type(exc).__name__})."


# -- parent side ----------------------------------------------------------------------------


def _admit(path: str) -> _Doc:
    """Check a file's headers against the decode budget; nothing is decoded here."""
    doc = _Doc(path)
    try:
        p = Path(path)
        if p.is_symlink() or not p.is_file():
            doc.error = "This is not a regular file (a folder, a link or a device)."
            return doc
        with open_file(p) as source:
            doc.n = len(source)
    except (ScanError, NextStepError) as exc:
        doc.error = exc.message
    except OSError as exc:
        doc.error = f"The file could not be read ({exc.strerror})."
    except Exception as exc:  # noqa: BLE001 - a hostile file must not end the batch
        doc.error = f"The file could not be read ({type(exc).__name__})."
    return doc


def _result(doc: _Doc) -> DocResult:
    if doc.error is not None:
        return DocResult(doc.path, error=doc.error)
    pages = [doc.pages[i][0] for i in range(doc.n)]
    ocr = [doc.pages[i][1] for i in range(doc.n)]
    assert doc.understood is not None
    return DocResult(doc.path, to_document(pages, ocr, doc.understood), pages=doc.n)


Progress = Callable[[int, int, int], None]  # (pages done, files done, files started)


def classify_paths(
    paths: Iterable[str],
    *,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    jobs: int = 0,
    stop: threading.Event | None = None,
    progress: Progress | None = None,
) -> Iterator[DocResult]:
    """Read, OCR and understand each path, yielding results in input order as they complete.

    ``stop`` set (by a SIGINT handler) ends the run after the results already complete:
    nothing partial is yielded and the workers are stopped.
    """
    jobs = jobs or max(1, os.cpu_count() or 1)
    installed = probe_tesseract(()).languages if "ara" in languages else None
    stop = stop or threading.Event()
    pending = iter(paths)
    exhausted = False
    docs: deque[_Doc] = deque()
    inflight: dict[Future[Any], tuple[_Doc, int]] = {}
    pages_done = files_done = files_started = 0
    ctx = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init)
    try:
        while True:
            # admit files until the window is full or a file has pages left to submit
            while not exhausted and len(docs) < DOCS_AHEAD and not stop.is_set():
                if any(d.error is None and d.submitted < d.n for d in docs):
                    break
                nxt = next(pending, None)
                if nxt is None:
                    exhausted = True
                    break
                docs.append(_admit(nxt))
                files_started += 1
            # submit pages in input order, a bounded number in flight
            pages_inflight = sum(1 for d, i in inflight.values() if i >= 0)
            for d in docs:
                while (
                    d.error is None
                    and d.submitted < d.n
                    and pages_inflight < jobs * PAGES_AHEAD_PER_JOB
                    and not stop.is_set()
                ):
                    fut = pool.submit(read_page, d.path, d.submitted, languages, installed)
                    inflight[fut] = (d, d.submitted)
                    d.submitted += 1
                    pages_inflight += 1
            # yield what is complete at the head, in order
            while docs and not stop.is_set():
                head = docs[0]
                if head.error is None and head.understood is None:
                    break
                docs.popleft()
                files_done += 1
                if progress:
                    progress(pages_done, files_done, files_started)
                yield _result(head)
            if stop.is_set() or (exhausted and not docs):
                return
            if not inflight:
                continue
            done, _ = wait(list(inflight), timeout=0.2, return_when=FIRST_COMPLETED)
            for fut in done:
                d, index = inflight.pop(fut)
                try:
                    value = fut.result()
                except Exception as exc:  # noqa: BLE001 - a dead worker fails its file only
                    value = f"The file could not be processed ({type(exc).__name__})."
                pages_done += 1
                if progress:
                    progress(pages_done, files_done, files_started)
                if isinstance(value, str):
                    d.error = d.error or value
                elif d.error is None and isinstance(value, tuple):
                    d.pages[index] = value
                if d.error is None and len(d.pages) == d.n and d.understood is None:
                    ocr = [d.pages[i][1] for i in range(d.n)]
                    try:
                        d.understood = understand(ocr)
                    except Exception as exc:  # noqa: BLE001 - one document must not end the batch
                        d.error = f"The text could not be understood ({type(exc).__name__})."
    finally:
        _stop_pool(pool, graceful=not stop.is_set())


def _stop_pool(pool: ProcessPoolExecutor, *, graceful: bool) -> None:
    if graceful:
        pool.shutdown(wait=True)
        return
    # ProcessPoolExecutor has no public terminate: end the workers we started, by process.
    procs = list((getattr(pool, "_processes", None) or {}).values())
    # shutdown() forgets its manager thread; it is kept here to be waited for below
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        proc.terminate()
    for proc in procs:
        proc.join(timeout=5)
    # The manager thread closes its wake-up pipe once it sees the workers gone. Left running,
    # it can close the pipe while the interpreter's exit hook writes to it, and Ctrl+C then
    # ends in a "Bad file descriptor" traceback (CPython 3.11's concurrent.futures does not
    # lock that write): wait for it here, so the pipe is closed before the process exits.
    if manager is not None:
        manager.join(timeout=5)
