"""Share benchmark: how long one share takes at the kiosk (subset bundle with the recipient
cover, write into partage-share/, re-open and verify there, slip), for one document and for
all of them, and the size of what the recipient gets.

Run: PYTHONPATH=. .venv/bin/python benchmarks/share.py [--repeat 3]

The documents are the demo samples' processed pages (no OCR: reading is not what is timed),
written to a folder drive in a temporary directory.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nextstep import config, consent, sharing  # noqa: E402
from nextstep.demo import open_kiosk  # noqa: E402
from nextstep.model import Classification, Document, OcrPage  # noqa: E402
from nextstep.session import Draft, Session  # noqa: E402
from scanners.demo import DemoScanner, sample_dir  # noqa: E402

CATEGORIES = ["asylum", "housing", "health", "allowances"]
GIVEN = {p: p in (consent.DIGITIZE, consent.SHARE) for p in consent.PURPOSE_IDS}


def session_with_documents(base: Path) -> Session:
    settings = config.load(
        env={"NEXTSTEP_DATA_DIR": str(base / "data"), "NEXTSTEP_DRIVE": str(base / "drive")}
    )
    key, audit = open_kiosk(settings)
    session = Session(settings, key=key, audit=audit, staff="bench")
    session.give_consent(GIVEN)
    samples = sorted(p for p in sample_dir().glob("0*.png"))
    groups: dict[str, list[Path]] = {}
    for path in samples:
        groups.setdefault(path.name[:2], []).append(path)
    drafts = []
    for n, paths in enumerate(groups.values()):
        folder = base / f"s{n}"
        folder.mkdir()
        for p in paths:
            shutil.copy(p, folder / p.name)
        with DemoScanner(folder) as scanner:
            pages = session.capture(scanner).accepted
        ocr = [OcrPage([], "", "fra", p.size[0], p.size[1], p.dpi) for p in pages]
        category = CATEGORIES[n % len(CATEGORIES)]
        doc = Document(pages=pages, ocr=ocr, classification=Classification(category, 0.9))
        drafts.append(Draft(pages=pages, document=doc))
    session.drafts = drafts
    session.build_bundle()
    assert session.write_to_drive().ok
    return session


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        session = session_with_documents(Path(tmp))
        docs = len(session.documents)
        pages = sum(len(d.pages) for d in session.documents)
        print(f"source: {docs} documents, {pages} pages")
        for label, numbers in (
            ("1 document", (1,)),
            (f"{docs} documents", tuple(range(1, docs + 1))),
        ):
            times, sizes = [], []
            for _ in range(args.repeat):
                request = sharing.ShareRequest(sharing.typed("Bench"), documents=numbers)
                t0 = time.perf_counter()
                out = session.share(request, agreed=True)  # the answer is recorded too
                times.append(time.perf_counter() - t0)
                assert out is not None and out.ok
                sizes.append((Path(tmp) / "drive" / out.pdf_name).stat().st_size)
            print(
                f"share {label}: median {statistics.median(times):.2f} s "
                f"(min {min(times):.2f}, max {max(times):.2f}), shared PDF "
                f"{statistics.median(sizes) / 1024:.0f} KiB, "
                f"slip {len(out.slip_pdf) / 1024:.0f} KiB"
            )
        session.end()


if __name__ == "__main__":
    main()
