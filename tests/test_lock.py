"""The hashed lock files match pyproject.toml: a dependency added without `tools/lock.sh` fails.

Why: `./dev.sh` and CI install only from requirements/runtime.txt and requirements/test.txt
with `--require-hashes`, so a dependency missing from the lock would be missing at run time.
"""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$", re.MULTILINE)


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pins(lock: str) -> dict[str, str]:
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=\S)", text)
    pins: dict[str, str] = {}
    for block in blocks:
        m = PIN.match(block)
        if m:
            assert "--hash=sha256:" in block, f"{lock}: {m.group(1)} has no hash"
            pins[m.group(1).lower().replace("_", "-")] = m.group(2)
    return pins


def test_lock_files_pin_every_dependency_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    test_tools = {_name(r) for r in project["optional-dependencies"]["test"]}
    runtime_pins, test_pins = _pins("runtime.txt"), _pins("test.txt")
    missing = sorted(runtime - runtime_pins.keys())
    assert not missing, f"run tools/lock.sh: not in requirements/runtime.txt: {missing}"
    missing = sorted((runtime | test_tools) - test_pins.keys())
    assert not missing, f"run tools/lock.sh: not in requirements/test.txt: {missing}"
    assert not test_tools & runtime_pins.keys(), "test tools must not be in the runtime lock"
    # The test lock uses the runtime pins (it is compiled with --constraint runtime.txt).
    differ = {n: (v, test_pins[n]) for n, v in runtime_pins.items() if test_pins.get(n) != v}
    assert not differ, differ
    assert "pytesseract" not in runtime | runtime_pins.keys()  # it writes temporary images
