"""OCR many pages at once, choosing Tesseract's languages per page.

Running fra+nld+deu+eng on every page costs about three times a single-language pass and
lowers accuracy (the models compete). Instead each page gets:

1. a first pass with one language (the kiosk's most frequent, French by default);
2. language identification on that text (function words, see :mod:`langid`);
3. only if the page is not in the first-pass language, a second pass with the best language,
   plus the runner-up when the two are close (bilingual letters) - except Dutch or English
   pages the first pass already read with a mean confidence of 93 or more;
4. when Arabic data is installed and the first pass looks like non-Latin text (few readable
   words), Tesseract's OSD script detection decides whether to rerun with ``ara``;
5. the orientation safety net: a Latin page whose reading is poor (low confidence, few
   readable words and almost no function words - what text read upside down or sideways
   gives) is read again turned 180, 90 and 270 degrees, and the best reading wins, with the
   page's pixels turned to match. A page that no orientation makes readable keeps no text at
   all, so garbage never reaches classification or the bundle's text layer.

Pages are dispatched to Tesseract processes from a small thread pool: the Tesseract processes
are the parallel workers (each with OMP_THREAD_LIMIT=1), so page pixels never need to be
pickled into Python worker processes, and the kiosk's memory is never forked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import cv2
import numpy as np

from nextstep.model import OcrPage
from nextstep.understanding.langid import identify, tokens
from nextstep.understanding.tesseract import OcrEngine, TesseractEngine, probe_tesseract
from scanners.orientation import rotate_cardinal
from scanners.types import Page

DEFAULT_LANGUAGES: tuple[str, ...] = ("fra", "nld", "deu", "eng")
CLOSE_RATIO = 0.6  # runner-up joins when its score is at least this share of the best
MIN_STOPWORD_SHARE = 0.08  # below this a page is not confidently any of the Latin languages
ARABIC_SCRIPTS = {"Arabic"}
#: Languages whose letters the French model reads as well as their own model does when the
#: first pass is this confident: measured on 12 non-French benchmark pages, Dutch and English
#: at >= 93 read word for word the same; German loses umlauts and ß, so it is always rerun.
SAME_SCRIPT_AS_FIRST = frozenset({"nld", "eng"})
SKIP_RERUN_CONF = 93.0


def _readable_share(page: OcrPage) -> float:
    if not page.words:
        return 0.0
    good = sum(1 for w in page.words if w.conf >= 60 and any(c.isalpha() for c in w.text))
    return good / len(page.words)


RETRY_BELOW_CONF = 85.0  # mean word confidence under which the un-cleaned image is tried too


def _with_fallback(engine: OcrEngine, page: Page, result: OcrPage) -> OcrPage:
    """If the cleaned image reads badly, read other versions of it as well and keep the best
    (by mean confidence, with a margin): see :func:`_alternatives`."""
    if result.mean_conf >= RETRY_BELOW_CONF:
        return result
    best = result
    for alt in _alternatives(page):
        other = engine.recognize(alt, dpi=page.dpi, languages=result.language)
        if other.mean_conf > best.mean_conf + 5:
            best = other
    return best


def _alternatives(page: Page) -> Iterator[np.ndarray]:
    """Versions of a badly read page that keep its geometry (so word boxes stay valid):
    the plain grey of the colour image, as illumination flattening can hollow out glyphs on
    sparse pages; then the cleaned image through a 3x3 median, which removes the speckle and
    toner noise of worn photocopies (word recall on simulated 150 dpi copies 0.69 -> 0.85,
    benchmarks/corpora.py --captured, "poor" column)."""
    color = page.color
    if color is not None and color.ndim == 3 and color.shape[:2] == page.gray.shape[:2]:
        yield cv2.cvtColor(color, cv2.COLOR_BGR2GRAY)
    yield cv2.medianBlur(page.gray, 3)


def choose_and_recognize(
    engine: OcrEngine,
    page: Page,
    languages: tuple[str, ...],
    *,
    installed: tuple[str, ...] | None = None,
) -> OcrPage:
    """OCR one page with adaptively chosen languages (see module docstring)."""
    result = _with_fallback(engine, page, _choose(engine, page, languages, installed))
    if "ara" in result.language or _reads_upright(result, languages):
        return result
    return _orientation_net(engine, page, languages, installed, result)


#: Function-word share at or above which a reading is real text (upright pages measured
#: 0.25-0.45; the same pages read upside down or sideways 0.02-0.13).
UPRIGHT_STOPWORDS = 0.15
#: Otherwise a reading is trusted with this mean confidence and share of readable words.
UPRIGHT_CONF, UPRIGHT_READABLE = 70.0, 0.5
#: A reading below both of these (and without function words) is garbage: it is dropped.
GARBAGE_CONF, GARBAGE_READABLE = 55.0, 0.35
#: Turns tried by the safety net, clockwise, most frequent confusion first.
NET_TURNS = (180, 90, 270)


def _stopword_share(result: OcrPage, languages: tuple[str, ...]) -> float:
    latin = tuple(lang for lang in languages if lang != "ara") or ("fra", "nld", "deu", "eng")
    ranked = identify(result.text, latin)
    return ranked[0][1] if ranked else 0.0


def _horizontal(result: OcrPage) -> bool:
    """Most longer words lie in boxes wider than tall. Tesseract reads some sideways pages
    as vertical text lines: the words can then be right while the page image is not."""
    long = [w for w in result.words if len(w.text) >= 4]
    return not long or sum(w.width > w.height for w in long) >= 0.5 * len(long)


def _reads_upright(result: OcrPage, languages: tuple[str, ...]) -> bool:
    if not result.words:
        return True  # nothing to read (a blank page): no orientation makes text appear
    if not _horizontal(result):
        return False
    if len(tokens(result.text)) >= 8 and _stopword_share(result, languages) >= UPRIGHT_STOPWORDS:
        return True
    return result.mean_conf >= UPRIGHT_CONF and _readable_share(result) >= UPRIGHT_READABLE


def _net_score(result: OcrPage, languages: tuple[str, ...]) -> float:
    if not _horizontal(result):
        return 0.0
    return _readable_share(result) + 2.0 * _stopword_share(result, languages)


def _orientation_net(
    engine: OcrEngine,
    page: Page,
    languages: tuple[str, ...],
    installed: tuple[str, ...] | None,
    result: OcrPage,
) -> OcrPage:
    """Read a poorly read page in the other orientations; keep the best (module docstring)."""
    latin = tuple(lang for lang in languages if lang != "ara")
    first = latin[0] if latin else languages[0]
    best_turn, best_score = 0, _net_score(result, languages)
    for turn in NET_TURNS:
        trial = engine.recognize(rotate_cardinal(page.gray, turn), dpi=page.dpi, languages=first)
        score = _net_score(trial, languages)
        if score > best_score:
            best_turn, best_score = turn, score
            if _reads_upright(trial, languages):
                break
    page.quality.metrics["orientation_net"] = float(best_turn)
    if best_turn:
        page.color = rotate_cardinal(page.color, best_turn)
        page.gray = rotate_cardinal(page.gray, best_turn)
        page.rotation = (page.rotation + best_turn) % 360
        result = _with_fallback(engine, page, _choose(engine, page, languages, installed))
    if _reads_upright(result, languages):
        page.rotation_confident = True
        return result
    if result.mean_conf < GARBAGE_CONF and _readable_share(result) < GARBAGE_READABLE:
        # No orientation gives text: keep none rather than garbage, turn nothing, ask staff.
        if best_turn:
            page.color = rotate_cardinal(page.color, -best_turn)
            page.gray = rotate_cardinal(page.gray, -best_turn)
            page.rotation = (page.rotation - best_turn) % 360
            page.quality.metrics["orientation_net"] = 0.0
        page.rotation_confident = False
        page.quality.metrics["ocr_unreadable"] = 1.0
        return OcrPage(
            words=[],
            text="",
            language=result.language,
            width=result.width,
            height=result.height,
            dpi=result.dpi,
            mean_conf=result.mean_conf,
        )
    return result


def _choose(
    engine: OcrEngine,
    page: Page,
    languages: tuple[str, ...],
    installed: tuple[str, ...] | None,
) -> OcrPage:
    latin = tuple(lang for lang in languages if lang != "ara")
    first = latin[0] if latin else languages[0]
    result = engine.recognize(page.gray, dpi=page.dpi, languages=first)
    ranked = identify(result.text, latin) if latin else []
    best, best_score = ranked[0] if ranked else (first, 0.0)

    want_ara = "ara" in languages and (installed is None or "ara" in installed)
    if want_ara and (best_score < MIN_STOPWORD_SHARE or _readable_share(result) < 0.5):
        script = engine.detect_script(page.gray, dpi=page.dpi)
        if script and script[0] in ARABIC_SCRIPTS:
            # Arabic letters often quote French or Dutch names and dates: keep one Latin model.
            lang = "ara+" + (best if best_score >= MIN_STOPWORD_SHARE else first)
            return engine.recognize(page.gray, dpi=page.dpi, languages=lang)

    if best_score < MIN_STOPWORD_SHARE:
        return result  # too little text to judge; the first pass is as good as any
    chosen = [best]
    if len(ranked) > 1 and ranked[1][1] >= CLOSE_RATIO * best_score:
        chosen.append(ranked[1][0])
    if chosen == [first]:
        return result
    if len(chosen) == 1 and best in SAME_SCRIPT_AS_FIRST and result.mean_conf >= SKIP_RERUN_CONF:
        return result  # read as well by the first model: the rerun would change nothing
    return engine.recognize(page.gray, dpi=page.dpi, languages="+".join(chosen))


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def recognize_pages(
    pages: Sequence[Page],
    *,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    workers: int = 0,
    engine: OcrEngine | None = None,
) -> list[OcrPage]:
    """OCR pages in parallel (``workers`` Tesseract processes at a time; 0 = one per core),
    returning results in the pages' order."""
    engine = engine or TesseractEngine()
    installed: tuple[str, ...] | None = None
    if "ara" in languages:
        installed = probe_tesseract(()).languages
    n = workers or default_workers()
    if n == 1 or len(pages) <= 1:
        return [choose_and_recognize(engine, p, languages, installed=installed) for p in pages]
    with ThreadPoolExecutor(max_workers=min(n, len(pages))) as pool:
        futures = [
            pool.submit(choose_and_recognize, engine, p, languages, installed=installed)
            for p in pages
        ]
        return [f.result() for f in futures]
