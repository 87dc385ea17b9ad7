"""Names that FAT32/exFAT (and Windows) accept, checked before writing."""

from __future__ import annotations

import pytest

from nextstep.drives.names import name_problem


@pytest.mark.parametrize(
    "name",
    ["NextStep-2026-11-27.pdf", "LISEZ-MOI_README.txt", "dossier/bundle.pdf", "été ŞŽ.pdf"],
)
def test_good_names(name: str) -> None:
    assert name_problem(name) is None


@pytest.mark.parametrize(
    "name",
    [
        "",
        "/abs.pdf",
        "a/b/c.pdf",
        "../x.pdf",
        "bad:name.pdf",
        "what?.pdf",
        'quote".pdf',
        "back\\slash.pdf",
        "pipe|.pdf",
        "tab\t.pdf",
        "trailing.",
        "trailing ",
        "CON",
        "con.txt",
        "LPT1.pdf",
        ".nextstep-tmp-abc",
        "x" * 250 + ".pdf",
    ],
)
def test_bad_names(name: str) -> None:
    assert name_problem(name) is not None
