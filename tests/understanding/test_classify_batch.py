"""``nextstep classify`` as a batch: input order while streaming, a failing file in the middle,
folders, paths on stdin, Ctrl+C leaving complete lines only (real Tesseract, subprocesses)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, require_tool

SAMPLES = ROOT / "scanners" / "demo" / "samples"
CMD = [sys.executable, "-m", "nextstep.cli", "classify", "--json"]


@pytest.fixture(autouse=True)
def _tesseract() -> None:
    require_tool("tesseract")


def _env(tmp_path: Path) -> dict[str, str]:
    tmp = tmp_path / "tmp"
    tmp.mkdir(exist_ok=True)
    return dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp))


def _run(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CMD, *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=_env(tmp_path),
        timeout=600,
        cwd=ROOT,
        check=False,
    )


def _lines(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


def test_results_in_input_order_with_a_failing_file_in_the_middle(tmp_path: Path) -> None:
    bad = tmp_path / "z.jpg"
    bad.write_bytes(b"\xff\xd8\xff\x00")  # Pillow's JPEG plugin rejects it (was KeyError 'MPO')
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    a, b, c = (
        SAMPLES / n for n in ("03-mutualite.png", "01-convocation-cgra.png", "04-decision-cpas.png")
    )
    proc = _run(tmp_path, str(a), str(bad), str(b), str(empty), str(c), "--jobs", "2")
    assert "Traceback" not in proc.stderr
    assert proc.stderr == ""  # stderr is no terminal here: no progress bar
    lines = _lines(proc.stdout)
    assert [x["path"] for x in lines] == [str(a), str(bad), str(b), str(empty), str(c)]
    assert "damaged" in str(lines[1]["error"]) and "empty" in str(lines[3]["error"])
    assert [x.get("category") for x in lines] == ["health", None, "asylum", None, "allowances"]
    assert proc.returncode == 1  # some files could not be read


def test_json_contract_unchanged(tmp_path: Path) -> None:
    proc = _run(tmp_path, str(SAMPLES / "01-convocation-cgra.png"))
    (obj,) = _lines(proc.stdout)
    assert proc.returncode == 0
    assert list(obj) == [
        "path", "category", "confidence", "language", "rotation", "deadlines", "references",
        "text", "needs_review", "alternatives", "reasons", "document_date", "issuer", "pages",
    ]  # fmt: skip
    assert list(obj["pages"][0]) == [  # type: ignore[index]
        "rotation", "rotation_confident", "dpi", "quality_ok", "quality_reasons",
        "ocr_language", "ocr_confidence", "words",
    ]  # fmt: skip


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "b").mkdir(parents=True)
    shutil.copy(SAMPLES / "03-mutualite.png", folder / "b" / "x.png")
    shutil.copy(SAMPLES / "01-convocation-cgra.png", folder / "a.PNG")
    (folder / "notes.txt").write_text("not a document")
    (folder / ".hidden.png").write_bytes(b"")
    os.symlink("/etc/passwd", folder / "link.png")
    proc = _run(tmp_path, str(folder))
    assert [x["path"] for x in _lines(proc.stdout)] == [
        str(folder / "a.PNG"),
        str(folder / "b" / "x.png"),
    ]
    assert proc.returncode == 0


def test_paths_on_stdin(tmp_path: Path) -> None:
    names = [str(SAMPLES / "04-decision-cpas.png"), str(tmp_path / "missing.png")]
    proc = _run(tmp_path, "-", stdin="\n".join(names) + "\n")
    lines = _lines(proc.stdout)
    assert [x["path"] for x in lines] == names
    assert lines[0]["category"] == "allowances" and "error" in lines[1]
    assert proc.returncode == 1


def test_nothing_read_exits_2_and_help_documents_exit_codes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 garbage")
    proc = _run(tmp_path, str(bad))
    assert proc.returncode == 2 and "error" in _lines(proc.stdout)[0]
    helptext = _run(tmp_path, "--help").stdout
    for code in ("0 ", "1 ", "2 ", "130"):
        assert f"\n  {code}" in helptext


def test_sigint_leaves_complete_lines_only(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    names = sorted(p.name for p in SAMPLES.glob("*.png"))
    for i in range(4):
        for n in names:
            shutil.copy(SAMPLES / n, folder / f"{i}-{n}")
    proc = subprocess.Popen(
        [*CMD, str(folder), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
        cwd=ROOT,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the first result streams out before the batch is done
    assert json.loads(first)["path"].endswith(names[0])
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "Traceback" not in err and "interrupted" in err
    lines = [first, *rest.splitlines(keepends=True)]
    assert len(lines) < 4 * len(names)
    for line in lines:
        assert line.endswith("\n")
        json.loads(line)


#: a fresh interpreter: forking the test process, whose other tests leave threads running,
#: can deadlock the workers
_STOPPED_BATCH = """
import sys, threading
from concurrent.futures import process
from nextstep.understanding.batch import classify_paths
stop = threading.Event()
results = classify_paths(sys.argv[1:], jobs=2, stop=stop)
next(results)
stop.set()
left = list(results)
managers = [t for t in threading.enumerate() if isinstance(t, process._ExecutorManagerThread)]
print(len(left), len(managers))
"""


def test_a_stopped_batch_leaves_no_pool_thread_behind(tmp_path: Path) -> None:
    """After Ctrl+C the pool's manager thread has ended before the batch returns: left
    running, it closes its wake-up pipe while the interpreter's exit hook writes to it, and
    the user sees a "Bad file descriptor" traceback (CI, round 15)."""
    paths = [str(p) for p in sorted(SAMPLES.glob("*.png"))] * 3
    proc = subprocess.run(
        [sys.executable, "-c", _STOPPED_BATCH, *paths],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    # nothing partial after the stop, and no manager thread left
    assert proc.stdout.split() == ["0", "0"]
    assert "Traceback" not in proc.stderr
