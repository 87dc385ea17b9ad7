"""One translation mechanism: no module of nextstep/ keeps its own table of sentences keyed by
language code ({"fr": ..., "nl": ..., "de": ...}); sentences are gettext msgids translated in
nextstep/locale (see nextstep/locale/README.md)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGE_KEYS = {"fr", "nl", "de", "en", "ar", "fra", "nld", "deu", "eng"}
# path relative to the repository root -> why its language-keyed table is not a string table
ALLOWED: dict[str, str] = {
    # the catalogues' own module: language names and code aliases, not sentences
    "nextstep/i18n.py": "the one translation module",
    # Tesseract-coded stop-word lists for language detection: data read, never shown
    "nextstep/understanding/langid.py": "stop words, not sentences",
}


def _sentence(node: ast.AST) -> bool:
    """A string of several words anywhere below ``node``."""
    return any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value.split()) >= 3
        for n in ast.walk(node)
    )


def language_tables(tree: ast.Module) -> list[int]:
    """Line numbers of module-level dict literals keyed by language codes holding sentences."""
    found = []
    for stmt in tree.body:
        value = stmt.value if isinstance(stmt, ast.Assign | ast.AnnAssign) else None
        if value is None:
            continue
        for node in ast.walk(value):
            if not isinstance(node, ast.Dict):
                continue
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if len(keys & LANGUAGE_KEYS) >= 2 and any(_sentence(v) for v in node.values):
                found.append(node.lineno)
    return found


def test_the_scan_finds_a_language_table() -> None:
    bad = ast.parse('TEXT = {"fr": {"k": "Bonjour à vous"}, "nl": {"k": "Goeiedag aan u"}}')
    good = ast.parse('MSGIDS = {"k": N_("Hello to you")}\nSTOP = {"fr": frozenset({"le"})}')
    assert language_tables(bad) == [1]
    assert language_tables(good) == []


def test_no_module_keeps_its_own_sentences_per_language() -> None:
    offenders = []
    for path in sorted((ROOT / "nextstep").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in ALLOWED:
            continue
        lines = language_tables(ast.parse(path.read_text(encoding="utf-8")))
        offenders += [f"{rel}:{line}" for line in lines]
    assert offenders == [], "move these sentences into the gettext catalogues"
