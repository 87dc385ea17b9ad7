"""Demo scanner, the Scanner protocol, probes and the message catalogue."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from scanners import messages
from scanners.demo import DemoScanner, group_documents, sample_dir
from scanners.errors import NoPageError, NoSamplesError, ScanError
from scanners.files import FileScanner
from scanners.probe import ToolProbe
from scanners.protocol import Scanner, probe_all
from scanners.types import QualityReason


def test_grouping_by_page_suffix() -> None:
    files = [Path(n) for n in ("b-p2.png", "a.png", "b-p1.png", "c-p10.png", "c-p9.png")]
    groups = group_documents(files)
    assert [[f.name for f in g] for g in groups] == [
        ["a.png"],
        ["b-p1.png", "b-p2.png"],
        ["c-p9.png", "c-p10.png"],
    ]


def test_demo_scanner_on_own_folder(tmp_path: Path) -> None:
    for name in ("x-p1.png", "x-p2.png", "y.png"):
        cv2.imwrite(str(tmp_path / name), np.full((350, 248), 255, np.uint8))
    with DemoScanner(tmp_path) as sc:
        assert isinstance(sc, Scanner) and sc.documents == 2
        first = sc.capture()
        assert len(first) == 2 and first[0].kind == "demo"
        assert first[0].dpi == pytest.approx(30, abs=1)  # 248 px across an A4 width
        assert len(sc.capture()) == 1
        with pytest.raises(NoPageError):
            sc.capture()
    with pytest.raises(NoSamplesError):
        DemoScanner(tmp_path / "none").open()


def test_bundled_samples_pass_the_pipeline() -> None:
    from scanners.process import process_page

    assert list(sample_dir().glob("*.png")), "demo samples missing (tools/make_samples.py)"
    with DemoScanner() as sc:
        raws = sc.capture()
    page = process_page(raws[0])
    assert page.quality.ok, page.quality.reasons
    assert page.rotation == 0 and page.rotation_confident


def test_every_backend_satisfies_the_protocol(tmp_path: Path) -> None:
    from scanners.camera import CameraScanner
    from scanners.sane import SaneScanner

    for sc in (DemoScanner(tmp_path), FileScanner([]), SaneScanner("test:0"), CameraScanner(0)):
        assert isinstance(sc, Scanner)


def test_probes_report_each_backend() -> None:
    probes = probe_all()
    assert [p.name for p in probes] == ["camera", "sane", "files", "demo", "orientation"]
    for p in probes:
        assert isinstance(p, ToolProbe) and p.detail
        assert p.ok or p.fix


def test_every_reason_and_error_has_a_sentence() -> None:
    import scanners.errors as errs

    for reason in QualityReason:
        assert messages.sentence(reason).endswith(".")
    kinds = {
        c.kind for c in vars(errs).values() if isinstance(c, type) and issubclass(c, ScanError)
    }
    assert kinds <= set(messages.all_ids())
    for k in kinds:
        assert messages.sentence(k).endswith(".")
    assert len(set(messages.all_ids())) == len(messages.all_ids())
