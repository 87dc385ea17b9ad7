"""Settings: defaults, TOML file, environment overrides and clear errors."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from nextstep import config
from nextstep.errors import NextStepError


def test_defaults_are_production(tmp_path: Path) -> None:
    s = config.load(env={})
    assert s.data_dir == Path("/var/lib/nextstep")
    assert s.ocr_languages == ("fra", "nld", "deu", "eng")
    assert s.audit_log == Path("/var/lib/nextstep/audit/log.jsonl")


def test_demo_mode_uses_local_folders() -> None:
    s = config.load(demo=True, env={})
    assert s.demo
    assert s.data_dir == config.DEMO_DATA_DIR.resolve()
    assert s.drive == str(config.DEMO_DRIVE_DIR.resolve())


def test_toml_then_environment(tmp_path: Path) -> None:
    toml = tmp_path / "c.toml"
    toml.write_text(
        'staff_language = "nl"\nocr_languages = ["fra", "ara"]\nocr_workers = 3\n'
        'data_dir = "/srv/ns"\n'
    )
    s = config.load(
        env={
            "NEXTSTEP_CONFIG": str(toml),
            "NEXTSTEP_OCR_WORKERS": "1",
            "NEXTSTEP_DRIVE_ALLOW_LOOP": "yes",
        }
    )
    assert s.staff_language == "nl"
    assert s.ocr_languages == ("fra", "ara")
    assert s.ocr_workers == 1  # the environment wins over the file
    assert s.drive_allow_loop is True
    assert s.data_dir == Path("/srv/ns")


@pytest.mark.parametrize(
    ("content", "env", "fragment"),
    [
        ("colour = 1\n", {}, "Unknown setting 'colour'"),
        ("ocr_workers = 'many'\n", {}, "'ocr_workers' has an invalid value"),
        ("data_dir = [\n", {}, "cannot be read"),
        ("", {"NEXTSTEP_DRIVE_ALLOW_LOOP": "perhaps"}, "'drive_allow_loop'"),
        ('legal_basis = "whim"\n', {}, "legal_basis must be"),
    ],
)
def test_bad_settings_say_which(
    tmp_path: Path, content: str, env: dict[str, str], fragment: str
) -> None:
    toml = tmp_path / "c.toml"
    toml.write_text(content)
    with pytest.raises(NextStepError) as err:
        config.load(env={"NEXTSTEP_CONFIG": str(toml), **env})
    assert fragment in err.value.message


def test_missing_named_config_file(tmp_path: Path) -> None:
    with pytest.raises(config.ConfigError, match="does not exist"):
        config.load(env={"NEXTSTEP_CONFIG": str(tmp_path / "absent.toml")})


def test_init_is_idempotent_and_key_is_private(tmp_path: Path) -> None:
    env = {"NEXTSTEP_DATA_DIR": str(tmp_path / "d"), "PATH": "/usr/bin:/bin"}
    cmd = [sys.executable, "-m", "nextstep.cli", "init"]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    key = tmp_path / "d" / "keys" / "kiosk.ed25519"
    before = key.read_bytes()
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    assert "created" in first.stdout and "already present" in second.stdout
    assert key.read_bytes() == before
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert len(bytes.fromhex((tmp_path / "d" / "keys" / "kiosk.pub").read_text().strip())) == 32


def test_cli_prints_message_not_traceback(tmp_path: Path) -> None:
    env = {"NEXTSTEP_CONFIG": str(tmp_path / "absent.toml"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "nextstep.cli", "init"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 2
    assert "does not exist" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_init_writes_the_public_key_in_minisign_format(tmp_path: Path) -> None:
    """Stock minisign loads the kiosk's .pub and verifies what the kiosk signs."""
    from crypto import keys, minisign
    from tests.conftest import require_tool

    tool = require_tool("minisign")
    org = tmp_path / "org.pub"
    org_key = keys.generate()
    org.write_text(minisign.public_key_of(org_key.private).to_file())
    env = {
        "NEXTSTEP_DATA_DIR": str(tmp_path / "d"),
        "NEXTSTEP_ORG_PUBLIC_KEY": str(org),
        "PATH": "/usr/bin:/bin",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "nextstep.cli", "init"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stderr
    folder = tmp_path / "d" / "keys"
    pub = folder / "kiosk.minisign.pub"
    assert pub.read_text().startswith("untrusted comment: minisign public key ")
    assert stat.S_IMODE(pub.stat().st_mode) == 0o644
    kiosk = keys.load_private(folder / "kiosk.ed25519")
    message = tmp_path / "m.json"
    message.write_bytes(b'{"bundle_id":"NS-X"}')
    (tmp_path / "m.json.minisig").write_bytes(
        minisign.sign(kiosk.private, message.read_bytes(), trusted_comment="t")
    )
    ok = subprocess.run([tool, "-V", "-p", str(pub), "-m", str(message)], capture_output=True)
    assert ok.returncode == 0, ok.stderr
    # The organisation's key is copied under the name the documentation gives institutions.
    assert (folder / "nextstep-org.pub").read_text() == org.read_text()
    wrong = subprocess.run(
        [tool, "-V", "-p", str(folder / "nextstep-org.pub"), "-m", str(message)],
        capture_output=True,
    )
    assert wrong.returncode != 0


def test_init_refuses_an_org_key_that_is_not_minisign(tmp_path: Path) -> None:
    org = tmp_path / "org.pub"
    org.write_text("not a key\n")
    env = {
        "NEXTSTEP_DATA_DIR": str(tmp_path / "d"),
        "NEXTSTEP_ORG_PUBLIC_KEY": str(org),
        "PATH": "/usr/bin:/bin",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "nextstep.cli", "init"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 2
    assert "not a minisign public key" in proc.stderr and "Traceback" not in proc.stderr
