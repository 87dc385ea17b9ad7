"""The corpora the learned model is built from and measured on (tests/corpora/README.md):
well-formed, each document in one corpus only (a text in two corpora would leak across
leave-one-corpus-out folds), and every real public text with its source and licence."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from nextstep.model import CATEGORIES, DEADLINE_KINDS
from nextstep.understanding.train import ALWAYS_TRAIN, load_corpora

CORPORA = load_corpora()


def test_every_document_has_the_schema() -> None:
    assert len([k for k in CORPORA if k not in ALWAYS_TRAIN]) >= 10
    for name, docs in CORPORA.items():
        ids = [d["id"] for d in docs]
        assert len(ids) == len(set(ids)), name
        for d in docs:
            assert d["category"] in CATEGORIES, d["id"]
            assert d["language"] in ("fra", "nld", "deu", "eng"), d["id"]
            assert d["text"].strip(), d["id"]
            for g in d["deadlines"]:
                dt.date.fromisoformat(g["date"])
                assert g["kind"] in DEADLINE_KINDS, d["id"]


def test_no_text_is_in_two_corpora() -> None:
    seen: dict[str, str] = {}
    for name, docs in CORPORA.items():
        for d in docs:
            key = hashlib.sha256(" ".join(d["text"].split()).lower().encode()).hexdigest()
            assert seen.setdefault(key, name) == name, (d["id"], seen[key])


#: a ten-word run found in this many corpora or more is a standard formula (see below)
FORMULA_CORPORA = 5


def _runs(text: str, n: int = 10) -> set[str]:
    words = text.lower().split()
    return {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def test_no_passage_of_one_page_is_in_two_corpora() -> None:
    """Collectors reading the same pages copy overlapping passages (round 5: 23 of 75 texts of
    a new set): half of a text's ten-word runs found in another corpus is the same page.
    A run that five or more corpora hold is a standard formula every writer copies from the
    law (the wording of an order to leave, an appeal clause), not a page passed between two
    collectors, so it is not counted; shared formulas held by fewer stay under 0.45."""
    owners: dict[str, set[str]] = {}
    runs = {}
    for name, docs in CORPORA.items():
        for d in docs:
            runs[d["id"]] = (name, _runs(d["text"]))
            for r in runs[d["id"]][1]:
                owners.setdefault(r, set()).add(name)
    shared = {
        doc_id: sum(1 < len(owners[r]) < FORMULA_CORPORA for r in rs) / len(rs)
        for doc_id, (_, rs) in runs.items()
    }
    assert max(shared.values()) < 0.5, sorted(shared.items(), key=lambda kv: -kv[1])[:3]


def test_real_texts_carry_their_source_and_licence() -> None:
    real = [k for k in CORPORA if re.fullmatch(r"R\d*", k)]
    assert real
    for k in real:
        for d in CORPORA[k]:
            assert d["source_url"].startswith("http"), d["id"]
            assert d["licence"].strip(), d["id"]
