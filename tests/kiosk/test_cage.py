"""The production kiosk for real: Cage + foot as in docs/deploy.md, headless, then a screenshot.

Cage runs with wlroots' headless backend and the pixman renderer (no GPU, no screen), as the
kiosk's own unprivileged user (Debian's cage refuses to run as root, and production runs it as
the ``nextstep`` user). foot starts ``nextstep kiosk --demo``; grim takes a PNG of the output
and Tesseract reads the first screen's heading back from the pixels, so the test proves that a
person at the kiosk would see the preflight screen, shaped and legible, not merely that
processes started.

Why the copies: the test's Python lives in root's home and the checkout may sit in a 0700
temporary folder, neither readable by the unprivileged user. The packages are hard-linked
(``cp -al``, instant) into a world-readable folder and run with Debian's own python3 of the
same minor version.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, is_root, require_tool

USER = "nextstep-cage"
SYSTEM_PYTHON = Path("/usr/bin/python3")
PACKAGES = ("nextstep", "kiosk", "scanners", "crypto")


def _system_python_matches() -> bool:
    if not SYSTEM_PYTHON.exists():
        return False
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True,
        text=True,
    )
    return probe.stdout.strip() == str(tuple(sys.version_info[:2]))


def _ensure_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
            check=True,
        )
        return pwd.getpwnam(USER)


@pytest.fixture
def cage_home(tmp_path: Path) -> Iterator[tuple[Path, pwd.struct_passwd]]:
    if not is_root():
        pytest.skip("needs root to run Cage as the kiosk's own unprivileged user")
    for tool in ("cage", "foot", "grim", "tesseract"):
        require_tool(tool)
    if not _system_python_matches():
        pytest.skip("Debian's python3 differs from the test interpreter's minor version")
    user = _ensure_user()
    # Xwayland (cage starts it) wants the X socket folder as a system has it: root's, 1777.
    x11 = Path("/tmp/.X11-unix")
    x11.mkdir(exist_ok=True)
    os.chown(x11, 0, 0)
    x11.chmod(0o1777)
    base = Path(
        subprocess.run(
            ["mktemp", "-d", "/tmp/ns-cage-XXXXXX"], capture_output=True, text=True
        ).stdout.strip()
    )
    base.chmod(0o755)
    site = Path(sysconfig.get_paths()["purelib"])
    subprocess.run(["cp", "-al", str(site), str(base / "site")], check=True)
    (base / "src").mkdir()
    for name in PACKAGES:
        shutil.copytree(ROOT / name, base / "src" / name, ignore=shutil.ignore_patterns("*.pyc"))
    for folder in ("run", "work", "home"):
        (base / folder).mkdir(mode=0o700)
        os.chown(base / folder, user.pw_uid, user.pw_gid)
    try:
        yield base, user
    finally:
        subprocess.run(["pkill", "-KILL", "-u", USER], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def test_kiosk_in_cage_and_foot_shows_its_first_screen(
    cage_home: tuple[Path, pwd.struct_passwd],
) -> None:
    base, user = cage_home
    runtime = base / "run"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(base / "home"),
        "XDG_RUNTIME_DIR": str(runtime),
        "WLR_BACKENDS": "headless",
        "WLR_RENDERER": "pixman",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "PYTHONPATH": f"{base / 'src'}:{base / 'site'}",
        "NEXTSTEP_DATA_DIR": str(base / "work" / "data"),
        "LANG": "C.UTF-8",
    }
    kiosk = [str(SYSTEM_PYTHON), "-m", "nextstep.cli", "kiosk", "--demo"]
    log = (base / "cage.log").open("wb")
    cage = subprocess.Popen(
        [
            "runuser",
            "-u",
            USER,
            "--",
            "env",
            *[f"{k}={v}" for k, v in env.items()],
            "cage",
            "--",
            "foot",
            "-e",
            *kiosk,
        ],
        cwd=base / "work",
        stdout=subprocess.DEVNULL,
        stderr=log,  # a file: wlroots logs a lot, and a full pipe would stall the compositor
    )
    shot = base / "work" / "screen.png"
    text = ""
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and cage.poll() is None:
            time.sleep(2)
            if not (runtime / "wayland-0").exists():
                continue
            grab = subprocess.run(
                [
                    "runuser",
                    "-u",
                    USER,
                    "--",
                    "env",
                    f"XDG_RUNTIME_DIR={runtime}",
                    "WAYLAND_DISPLAY=wayland-0",
                    "grim",
                    str(shot),
                ],
                capture_output=True,
            )
            if grab.returncode != 0:
                continue
            text = subprocess.run(
                ["tesseract", str(shot), "-", "-l", "fra"], capture_output=True, text=True
            ).stdout
            if "par2" in text and "sortie du personnel" in text.lower():
                break
        assert cage.poll() is None, (base / "cage.log").read_text(errors="replace")[-2000:]
    finally:
        cage.terminate()
        try:
            cage.wait(timeout=10)
        except subprocess.TimeoutExpired:
            cage.kill()
        log.close()
    # The preflight screen's heading, a check line and its footer, read back from Cage's pixels.
    assert "Vérification du kiosque" in text, text
    assert "par2" in text and "sortie du personnel" in text.lower(), text
    assert shot.stat().st_uid == user.pw_uid
