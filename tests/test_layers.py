"""The layer rule: kiosk -> nextstep -> scanners, crypto. Only kiosk imports Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "crypto": {"nextstep", "kiosk", "scanners", "textual", "rich"},
    "scanners": {"nextstep", "kiosk", "crypto", "textual", "rich"},
    "nextstep": {"kiosk", "textual", "rich"},
}


def imported_roots(path: Path) -> set[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[tuple[str, int]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add((alias.name.split(".")[0], node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add((node.module.split(".")[0], node.lineno))
    return found


def forbidden_edges(root: Path) -> list[str]:
    bad = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((root / package).rglob("*.py")):
            for name, line in imported_roots(path):
                if name in forbidden:
                    bad.append(f"{path.relative_to(root)}:{line} imports {name}")
    return bad


def test_no_forbidden_import_edges() -> None:
    assert forbidden_edges(ROOT) == []


def test_scan_detects_an_added_textual_import(tmp_path: Path) -> None:
    """The rule must fail if someone adds `import textual` to nextstep/."""
    for package in FORBIDDEN:
        (tmp_path / package).mkdir()
    (tmp_path / "nextstep" / "bad.py").write_text("import os\nimport textual.app\n")
    (tmp_path / "crypto" / "bad.py").write_text("from nextstep.model import Document\n")
    assert forbidden_edges(tmp_path) == [
        "crypto/bad.py:1 imports nextstep",
        "nextstep/bad.py:2 imports textual",
    ]


def _all_modules(package: str) -> list[str]:
    mods = []
    for path in sorted((ROOT / package).rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] == "__main__":
            continue
        mods.append(".".join(parts))
    return mods


@pytest.mark.parametrize("package", ["crypto", "scanners", "nextstep"])
def test_importing_non_ui_package_never_loads_textual(package: str) -> None:
    """Import every module of the package in a fresh interpreter; Textual must stay unloaded."""
    modules = _all_modules(package)
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich', 'kiosk'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == ""
