"""``nextstep bundle ...``: each outcome a plain message and an exit code, never a traceback."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from crypto import keys, minisign
from crypto import passphrase as pp
from nextstep.cli import main
from tests.bundle.bundle_samples import Built, require_tool


@pytest.fixture
def setup(built: Built, kiosk_key: keys.KioskKey, tmp_path: Path, data_env: Path) -> tuple:
    drive = tmp_path / "drive"
    drive.mkdir()
    for p in built.paths.all():
        shutil.copy(p, drive / p.name)
    pub = tmp_path / "org.pub"
    pub.write_text(minisign.public_key_of(kiosk_key.private).to_file())
    keys.save_private(kiosk_key, data_env / "keys" / "kiosk.ed25519")
    return drive / built.paths.pdf.name, pub


def run(
    argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_verify_info_open(
    setup: tuple, built: Built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, pub = setup
    code, out, _ = run(
        ["bundle", "verify", "--passphrase-stdin", "--key", str(pub), str(pdf)],
        built.passphrase + "\n",
        monkeypatch,
        capsys,
    )
    assert code == 0 and "OK" in out and "AES" in out.upper()
    code, out, _ = run(
        ["bundle", "verify", "--no-passphrase", "--key", str(pub), str(pdf)],
        "",
        monkeypatch,
        capsys,
    )
    assert code == 0 and "contents not opened" in out
    code, out, _ = run(
        ["bundle", "info", "--passphrase-stdin", "--key", str(pub), str(pdf)],
        built.passphrase,
        monkeypatch,
        capsys,
    )
    assert code == 0 and "D2  housing" in out and "05/12/2026" in out
    code, out, _ = run(
        ["bundle", "open", "--text", "--passphrase-stdin", "--key", str(pub), str(pdf)],
        built.passphrase,
        monkeypatch,
        capsys,
    )
    assert code == 0 and "Zorglubovic" in out


def test_error_messages(
    setup: tuple,
    built: Built,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    pdf, pub = setup
    other = tmp_path / "other.pub"
    other.write_text(minisign.public_key_of(keys.generate().private).to_file())
    cases = [
        (["--key", str(pub), str(pdf)], pp.generate(), "passphrase does not open"),
        (["--key", str(other), str(pdf)], built.passphrase, "not a trusted NextStep kiosk key"),
        (["--key", str(pub), str(tmp_path / "missing.pdf")], built.passphrase, "no file"),
    ]
    for extra, phrase, expected in cases:
        code, _, err = run(
            ["bundle", "verify", "--passphrase-stdin", *extra], phrase, monkeypatch, capsys
        )
        assert code == 2 and expected in err and "Traceback" not in err
    data = pdf.read_bytes()
    pdf.write_bytes(data[:1000] + bytes([data[1000] ^ 4]) + data[1001:])
    code, _, err = run(
        ["bundle", "verify", "--passphrase-stdin", "--key", str(pub), str(pdf)],
        built.passphrase,
        monkeypatch,
        capsys,
    )
    assert code == 2 and "altered" in err
    pdf.write_bytes(data[:-5000])
    code, _, err = run(
        ["bundle", "verify", "--passphrase-stdin", "--key", str(pub), str(pdf)],
        built.passphrase,
        monkeypatch,
        capsys,
    )
    assert code == 2 and "cut short" in err


def test_share_and_recover(
    setup: tuple,
    built: Built,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    pdf, pub = setup
    out_dir = tmp_path / "shared"
    code, out, err = run(
        [
            "bundle",
            "share",
            "--passphrase-stdin",
            "--key",
            str(pub),
            "--recipient",
            "CPAS de Liège",
            "--category",
            "housing",
            "--output-dir",
            str(out_dir),
            str(pdf),
        ],
        built.passphrase,
        monkeypatch,
        capsys,
    )
    assert code == 0, err
    one_time = out.split("One-time passphrase: ")[1].strip()
    shared = next(out_dir.glob("*.pdf"))
    code, out, _ = run(
        ["bundle", "info", "--passphrase-stdin", "--key", str(pub), str(shared)],
        one_time,
        monkeypatch,
        capsys,
    )
    assert code == 0 and "housing" in out and "asylum" not in out
    key_file = tmp_path / "org.key"
    key_file.write_text(built.org_identity + "\n")
    recovery_file = next(pdf.parent.glob("*.recovery.age"))
    code, out, _ = run(
        ["bundle", "recover", "-i", str(key_file), str(recovery_file)], "", monkeypatch, capsys
    )
    assert code == 0 and out.strip() == f"Passphrase: {built.passphrase}"
    age = require_tool("age")
    res = subprocess.run(
        [age, "-d", "-i", str(key_file), str(recovery_file)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert res.stdout == built.passphrase


def test_check_subcommand_is_present_when_conservation_exists() -> None:
    pytest.importorskip("nextstep.conservation.cli", reason="conservation helper not merged")
    from nextstep.cli import build_parser

    args = build_parser().parse_args(["bundle", "check", "somewhere.pdf"])
    assert callable(args.func)
