"""SANE backend against SANE's real ``test`` backend, configured in a private SANE_CONFIG_DIR."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scanners import sane
from scanners.errors import NoDeviceError, NoPageError
from scanners.protocol import Scanner
from scanners.sane import SaneScanner, device_options, list_devices, parse_pnm
from tests.conftest import require_tool


@pytest.fixture
def sane_env(tmp_path: Path) -> dict[str, str]:
    require_tool("scanimage")
    conf = tmp_path / "sane.d"
    conf.mkdir()
    (conf / "dll.conf").write_text("test\n")
    (conf / "test.conf").write_text("number_of_devices 2\nresolution_max 1200.0\n")
    env = {"SANE_CONFIG_DIR": str(conf)}
    if not list_devices(env=env):
        pytest.skip("SANE's test backend (libsane1) is not installed")
    return env


def test_lists_the_test_devices(sane_env: dict[str, str]) -> None:
    names = [d.name for d in list_devices(env=sane_env)]
    assert names == ["test:0", "test:1"]
    opts = device_options("test:0", env=sane_env)
    assert "Automatic Document Feeder" in opts["source"]


def test_flatbed_gray_grid_at_chosen_resolution(sane_env: dict[str, str]) -> None:
    scanner = SaneScanner(
        "test:0", mode="Gray", resolution=75, env=sane_env, options={"test-picture": "Grid"}
    )
    assert isinstance(scanner, Scanner)
    with scanner:
        assert list(scanner.frames()) == []
        pages = scanner.capture()
    assert len(pages) == 1
    page = pages[0]
    assert page.kind == "scan" and page.dpi == 75 and page.pixels.ndim == 2
    # the test backend's default area is 80 x 100 mm: at 75 dpi, about 236 x 295 pixels
    h, w = page.pixels.shape
    assert abs(w - 80 / 25.4 * 75) <= 2 and abs(h - 100 / 25.4 * 75) <= 2
    # a black/white grid of 10 mm squares: both colours present, each a large share
    dark = float(np.mean(page.pixels < 128))
    assert 0.3 < dark < 0.7


def test_color_mode_gives_bgr(sane_env: dict[str, str]) -> None:
    with SaneScanner(
        "test:1",
        mode="Color",
        resolution=50,
        env=sane_env,
        options={"test-picture": "Color pattern"},
    ) as scanner:
        page = scanner.capture()[0]
    assert page.pixels.ndim == 3 and page.pixels.shape[2] == 3
    assert page.pixels.std(axis=(0, 1)).min() > 10


def test_adf_batch_stops_at_limit_and_on_empty_feeder(sane_env: dict[str, str]) -> None:
    adf = "Automatic Document Feeder"
    with SaneScanner(
        "test:0",
        mode="Gray",
        resolution=50,
        source=adf,
        max_pages=3,
        env=sane_env,
        options={"test-picture": "Solid white"},
    ) as scanner:
        pages = scanner.capture()
    assert len(pages) == 3 and all(p.pixels.min() > 200 for p in pages)
    assert [p.origin for p in pages] == [f"sane test:0 sheet {i}" for i in (1, 2, 3)]
    empty = SaneScanner(
        "test:0",
        mode="Gray",
        resolution=50,
        source=adf,
        env=sane_env,
        options={"enable-test-options": "yes", "read-return-value": "SANE_STATUS_NO_DOCS"},
    )
    with pytest.raises(NoPageError) as info:
        empty.capture()
    assert "feeder is empty" in info.value.message


def test_unknown_device_message(sane_env: dict[str, str]) -> None:
    with pytest.raises(NoDeviceError) as info:
        SaneScanner("nosuch:0", env=sane_env).capture()
    assert "cannot be opened" in info.value.message and info.value.hint


def test_parse_pnm_variants() -> None:
    img, rest = parse_pnm(b"P5\n# c\n2 2\n255\n" + bytes([0, 50, 100, 255]) + b"TAIL")
    assert img.tolist() == [[0, 50], [100, 255]] and rest == b"TAIL"
    img, _ = parse_pnm(b"P6\n1 1\n255\n" + bytes([10, 20, 30]))
    assert img.tolist() == [[[30, 20, 10]]]  # RGB -> BGR
    img, _ = parse_pnm(b"P4\n8 1\n" + bytes([0b10100000]))
    assert img.tolist() == [[0, 255, 0, 255, 255, 255, 255, 255]]


def test_a_scanimage_that_hangs_after_reporting_an_empty_feeder_means_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CI once saw SANE's test backend print "Document feeder out of documents" and then not
    exit: the scan timed out and the batch failed. A fake scanimage (a shell script that says
    so and sleeps) stands in for that hang, which the real backend does only now and then."""
    fake = tmp_path / "fake-scanimage"
    fake.write_text(
        "#!/bin/sh\necho 'scanimage: sane_read: Document feeder out of documents' >&2\n"
        "exec sleep 30\n"
    )
    fake.chmod(0o755)
    monkeypatch.setattr(sane, "_scanimage", lambda: str(fake))
    scanner = SaneScanner("test:0", source="Automatic Document Feeder", timeout=2.0)
    assert scanner.scan_one() is None
