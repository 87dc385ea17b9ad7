"""Malformed inputs to the verifier end in a named problem or a one-sentence message.

The issue's cases (a non-UTF-8 checkpoint file, a 5 000-digit size line, a directory named
``*.txt``, deeply nested JSON, a FIFO) and hypothesis fuzzing of each input the verifier reads:
log lines, stored and supplied checkpoint files, and ``--key`` values.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crypto import note
from nextstep import cli, config
from nextstep.audit import AuditError, verify_log
from nextstep.audit.log import verify_inclusion_file
from nextstep.audit.trusted_keys import load_trusted_keys
from nextstep.errors import NextStepError
from tests.audit.audit_logbuilder import Built

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _copy(base: Built, folder: Path) -> Path:
    shutil.copytree(base.path.parent, folder / "audit")
    return folder / "audit" / "log.jsonl"


def _stored(log: Path) -> Path:
    return log.with_name("log.jsonl.checkpoints")


def test_untouched_copy_verifies(base_log: Built, tmp_path: Path) -> None:
    log = _copy(base_log, tmp_path)
    report = verify_log(log, [base_log.key.public_bytes])
    assert report.ok, report.problems


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("non-utf8", b"\xff\xfe\x00"),
        ("huge-size", "nextstep/audit/test-kiosk\n{}\nAAAA\n\n— x AAAAAAA=\n".format("9" * 5000)),
        ("unicode-digits", "nextstep/audit/test-kiosk\n²\nAAAA\n\n— x AAAAAAA=\n"),
        ("empty", b""),
    ],
)
def test_malformed_stored_checkpoint_is_a_problem(
    base_log: Built, tmp_path: Path, name: str, content: str | bytes
) -> None:
    log = _copy(base_log, tmp_path)
    target = _stored(log) / "000000000099.txt"
    target.write_bytes(content.encode() if isinstance(content, str) else content)
    report = verify_log(log, [base_log.key.public_bytes])
    assert not report.ok
    assert any("checkpoint" in p.what for p in report.problems), report.problems


def test_directory_fifo_and_symlink_named_like_checkpoints(base_log: Built, tmp_path: Path) -> None:
    log = _copy(base_log, tmp_path)
    (_stored(log) / "000000000098.txt").mkdir()
    os.mkfifo(_stored(log) / "000000000099.txt")
    (_stored(log) / "000000000100.txt").symlink_to("/etc/hostname")
    report = verify_log(log, [base_log.key.public_bytes])
    what = " ".join(p.what for p in report.problems)
    assert "is not a regular file" in what and "cannot be opened" in what, what


def test_a_fifo_or_directory_as_the_log(base_log: Built, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    for path in (fifo, tmp_path):
        report = verify_log(path, [base_log.key.public_bytes])
        assert not report.ok and "not a regular file" in report.problems[0].what


def test_deeply_nested_json_line(base_log: Built, tmp_path: Path) -> None:
    log = _copy(base_log, tmp_path)
    with log.open("ab") as fh:
        fh.write(b'{"details":' + b"[" * 100_000 + b"]" * 100_000 + b"}\n")
    report = verify_log(log, [base_log.key.public_bytes])
    assert any("nested too deeply" in p.what for p in report.problems), report.problems


def test_cli_messages_never_tracebacks(
    base_log: Built, tmp_path: Path, data_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = _copy(base_log, tmp_path)
    pub = base_log.key.public_bytes.hex()
    (_stored(log) / "000000000099.txt").write_bytes(b"\xff")
    assert cli.main(["audit", "verify", str(log), "--key", pub]) == 1
    assert "not UTF-8" in capsys.readouterr().out
    folder_key = tmp_path / "k.txt"
    folder_key.mkdir()
    assert cli.main(["audit", "verify", str(log), "--key", str(folder_key)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert cli.main(["audit", "verify", str(log), "--key", pub, "--checkpoint", "/dev/zero"]) == 2
    assert "not a regular file" in capsys.readouterr().err


@FUZZ
@given(blob=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_fuzz_stored_checkpoint_file(base_log: Built, blob: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        log = _copy(base_log, Path(d))
        (_stored(log) / "000000000099.txt").write_bytes(blob)
        report = verify_log(log, [base_log.key.public_bytes])
    assert not report.ok  # a stray file that is no genuine checkpoint is always named


def _checkpoint_texts() -> st.SearchStrategy[str]:
    line = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40)
    size = st.from_regex(r"[0-9]{1,30}", fullmatch=True) | st.just("9" * 5000)
    return st.builds(
        lambda o, s, r, sig: f"{o}\n{s}\n{r}\n\n— {sig}\n",
        line,
        size,
        line,
        line,
    ) | st.text(max_size=300)


@FUZZ
@given(text=_checkpoint_texts())
def test_fuzz_supplied_checkpoint(base_log: Built, text: str) -> None:
    report = verify_log(base_log.path, [base_log.key.public_bytes], checkpoints=[text])
    assert not report.ok
    with pytest.raises(note.NoteError):
        note.open_checkpoint(text, [note.Verifier("nextstep/audit/test-kiosk", bytes(32))])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=20,
)


@FUZZ
@given(
    data=st.data(),
    junk=st.binary(max_size=200) | json_values.map(lambda v: repr(v).encode()),
)
def test_fuzz_log_lines(base_log: Built, data: st.DataObject, junk: bytes) -> None:
    lines = base_log.path.read_bytes().splitlines(keepends=True)
    at = data.draw(st.integers(0, len(lines)), label="at")
    junk = junk.replace(b"\n", b" ")
    tampered = b"".join([*lines[:at], junk + b"\n", *lines[at:]])
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "log.jsonl"
        path.write_bytes(tampered)
        report = verify_log(path, [base_log.key.public_bytes], checkpoints=base_log.checkpoints)
    assert not report.ok


@FUZZ
@given(
    value=st.text(max_size=80)
    | st.from_regex(r"[0-9a-fA-F]{60,70}", fullmatch=True)
    | st.sampled_from(["/dev/zero", "/", "/proc/self/mem", "/etc/shadow", "\x00"])
)
def test_fuzz_key_values(data_env: Path, value: str) -> None:
    try:
        trusted = load_trusted_keys([value], config.load())
    except NextStepError as exc:
        assert exc.message.endswith(".")
    else:
        assert all(len(k) == 32 for k in trusted.keys)


def test_kiosk_side_commands_refuse_a_log_that_is_no_file(
    data_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["init"]) == 0
    settings = config.load()
    settings.audit_log.mkdir(parents=True)
    capsys.readouterr()
    assert cli.main(["audit", "subject", "h-" + "a" * 20]) == 2
    err = capsys.readouterr().err
    assert "cannot be opened" in err and "Traceback" not in err


@FUZZ
@given(
    blob=st.binary(max_size=300)
    | json_values.map(lambda v: json.dumps(v, default=str).encode())
    | st.fixed_dictionaries(
        {
            "format": st.just("nextstep-sealed-log/v1"),
            "size": st.integers(-2, 5),
            "leaves": st.lists(st.text(max_size=70), max_size=5),
            "checkpoint": st.text(max_size=50),
            "sealed_before": st.text(max_size=5),
        }
    ).map(lambda v: json.dumps(v).encode())
)
def test_fuzz_seal_file(base_log: Built, blob: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        log = _copy(base_log, Path(d))
        log.with_name("log.jsonl.sealed.json").write_bytes(blob)
        report = verify_log(log, [base_log.key.public_bytes])
    assert not report.ok


@FUZZ
@given(
    text=st.text(max_size=300)
    | json_values.map(lambda v: json.dumps(v, default=str))
    | st.fixed_dictionaries(
        {
            "format": st.just("nextstep-inclusion-proof/v1"),
            "seq": json_values,
            "path": json_values,
            "entry": json_values,
            "checkpoint": st.text(max_size=60),
        }
    ).map(lambda v: json.dumps(v, default=str))
)
def test_fuzz_inclusion_proof_file(base_log: Built, text: str) -> None:
    with pytest.raises(AuditError):
        verify_inclusion_file(text, base_log.key.public_bytes)
