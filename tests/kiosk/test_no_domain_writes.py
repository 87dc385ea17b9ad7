"""The kiosk never writes a visit's state itself: Session's commands do (issue 16).

An AST scan of every module under ``kiosk/``: no assignment to, deletion of, or mutating call
on a session's or document's attributes (``.drafts``, ``.pages``, ``.ocr``,
``.classification``, ``.deadlines``...), and no audit entry written by the kiosk (no
``.append`` on an audit log, no ``_log``, no import of the audit event names). The detector is
checked on snippets that do each of these, so the scan cannot pass by seeing nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: Attributes of Session, Draft, Document, Classification and Deadline that hold a visit.
STATE = frozenset(
    {
        "drafts",
        "pages",
        "ocr",
        "classification",
        "deadlines",
        "references",
        "consents",
        "stage",
        "ended",
        "category",
        "confidence",
        "needs_review",
        "alternatives",
        "reasons",
        "confirmed",
        "document",
        "target",
        "holder_id",
        "_bundle",
        "_returning",
        "_consent_record",
    }
)
MUTATORS = frozenset(
    {"append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "update"}
)


def _attrs(node: ast.expr) -> list[str]:
    """Every attribute name along ``a.b[c].d``."""
    names: list[str] = []
    while isinstance(node, ast.Attribute | ast.Subscript):
        if isinstance(node, ast.Attribute):
            names.append(node.attr)
        node = node.value
    return names


def _root(node: ast.expr) -> str:
    """The name a chain ``a.b[c].d`` starts from ("" when it starts elsewhere)."""
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _aliases(tree: ast.AST) -> set[str]:
    """Names bound to a visit's state: ``seq = doc.pages``, ``for seq in (doc.pages,
    doc.ocr)``, ``for seq in sequences`` (a name bound so before). A new object built from
    state (a list comprehension, ``list(...)``) is not an alias."""
    names: set[str] = set()

    def refers(value: ast.expr) -> bool:
        if isinstance(value, ast.Tuple | ast.List):
            return bool(value.elts) and all(refers(e) for e in value.elts)
        if isinstance(value, ast.Name):
            return value.id in names
        if isinstance(value, ast.Attribute | ast.Subscript):
            return _touches_state(value, names)
        return False

    for _ in range(3):  # aliases of aliases
        for node in ast.walk(tree):
            bound: list[ast.expr] = []
            if isinstance(node, ast.Assign) and refers(node.value):
                bound = list(node.targets)
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                bound = [node.target] if refers(node.value) else []
            elif isinstance(node, ast.For | ast.comprehension):
                bound = [node.target] if refers(node.iter) else []
            names |= {t.id for t in bound if isinstance(t, ast.Name)}
    return names


def _touches_state(target: ast.expr, aliases: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    return any(name in STATE for name in _attrs(target)) or _root(target) in aliases


def findings(source: str, name: str = "<snippet>") -> list[str]:
    """What in ``source`` writes a visit's state or the audit log."""
    found: list[str] = []
    tree = ast.parse(source)
    aliases = _aliases(tree)
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = list(node.targets)
        for target in targets:
            # self.x = ... on the screen's own attributes is the kiosk's business; a chain
            # that reaches a state attribute of another object is not.
            parts = target.elts if isinstance(target, ast.Tuple) else [target]
            found += [
                f"{name}:{node.lineno}: writes {ast.unparse(part)}"
                for part in parts
                if isinstance(part, ast.Attribute | ast.Subscript)
                and _touches_state(part, aliases)
                and not _is_own(part)
            ]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method, receiver = node.func.attr, node.func.value
            chain = _attrs(receiver)
            if method in MUTATORS and (
                any(n in STATE for n in chain) or _root(receiver) in aliases
            ):
                found.append(f"{name}:{node.lineno}: mutates {ast.unparse(node.func)}")
            if method == "append" and (
                "audit" in chain or (isinstance(receiver, ast.Name) and receiver.id == "audit")
            ):
                found.append(f"{name}:{node.lineno}: writes the audit log")
            if method == "_log":
                found.append(f"{name}:{node.lineno}: writes the audit log")
        if isinstance(node, ast.ImportFrom) and (
            node.module == "nextstep.audit.events"
            or (node.module == "nextstep.audit" and any(a.name == "events" for a in node.names))
        ):
            found.append(f"{name}:{node.lineno}: imports the audit event names")
    return found


def _is_own(target: ast.expr) -> bool:
    """``self.name = ...``: a screen's or the kiosk's own field (e.g. ``self.stage`` of a
    widget), not another object's state."""
    return (
        isinstance(target, ast.Attribute)
        and isinstance(target.value, ast.Name)
        and target.value.id == "self"
    )


def test_kiosk_writes_no_session_state_and_no_audit_entry() -> None:
    problems: list[str] = []
    files = sorted((ROOT / "kiosk").rglob("*.py"))
    assert len(files) > 10
    for path in files:
        rel = str(path.relative_to(ROOT))
        problems += findings(path.read_text(encoding="utf-8"), rel)
    assert problems == []


@pytest.mark.parametrize(
    "snippet",
    [
        "session.drafts = []",
        "kiosk.session.drafts = [d for d in x]",
        "doc.pages[0] = page",
        "del doc.pages[page]",
        "document.ocr.insert(0, doc.ocr.pop(1))",
        "first.deadlines.extend(second.deadlines)",
        "first.classification.needs_review = True",
        "docs[i].classification = c",
        "session.audit.append('document_edited', staff='x', details={})",
        "audit.append('x')",
        "session._log('x')",
        "from nextstep.audit import events",
        "session.consents.clear()",
        "seq = document.pages\nseq.insert(0, seq.pop(1))",
        "sequences = (doc.pages, doc.ocr)\nfor seq in sequences:\n    seq.insert(0, seq.pop(1))",
        "pages = doc.pages\npages[0] = page",
        "seqs: tuple[list[int], ...] = (doc.pages, doc.ocr)\nfor s in seqs:\n    s.clear()",
    ],
)
def test_the_scan_sees_each_kind_of_write(snippet: str) -> None:
    assert findings(snippet), snippet


def test_the_scan_leaves_reading_and_own_fields_alone() -> None:
    ok = "\n".join(
        [
            "self.status = None",
            "n = len(view.documents[0].pages)",
            "rows = [d.category for d in view.documents]",
            "self.held = view",
            "session.merge(0)",
            "lines.append('x')",
            "lines = [f'{r}' for r in doc.reasons]",
            "lines.append('y')",
            "docs = list(view.documents)",
            "docs.sort()",
        ]
    )
    assert findings(ok) == []


def test_ast_scan_reads_real_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f(s):\n    s.drafts.clear()\n", encoding="utf-8")
    assert findings(bad.read_text(encoding="utf-8"), "bad.py") == [
        "bad.py:2: mutates s.drafts.clear"
    ]
