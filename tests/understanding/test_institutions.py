"""Institution rules match whole names in context, never common words (issue 12.3).

English "one" is not ONE (Office de la Naissance et de l'Enfance), "mc" in a text is not the
Mutualité chrétienne, a girl called Camille is not the Brussels family-allowance fund. The
common words are the most frequent words written in lower case in the repository's corpora
(per language; in the letters of tests/independent and the development templates), plus a
list of known collisions; no institution signal may fire on them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from nextstep.understanding.classify import SIGNALS, score_text

ROOT = Path(__file__).resolve().parents[2]
KNOWN_COLLISIONS = [
    "one", "One", "mc", "az", "uz", "ais", "adg", "fons", "immo", "camille", "Camille",
    "opgroeien", "manpower", "helan", "mega", "octa", "resa", "ores", "cile", "start",
    "people", "family", "house", "union", "national", "office", "service",
]  # fmt: skip
#: words that are themselves the name of the institution a letter speaks of ("la police",
#: "het parket", "l'école", "the hospital"): matched on purpose
INSTITUTION_NOUNS = {
    "police", "politie", "polizei", "parquet", "parket", "greffe", "griffie", "ecole", "école",
    "school", "schule", "hopital", "hôpital", "ziekenhuis", "krankenhaus", "hospital", "clinique",
    "kliniek", "klinik", "clinic", "mutuelle", "mutualité", "ziekenfonds", "krankenkasse",
    "universite", "université", "universiteit", "university", "lycee", "lycée", "athenee",
    "athénée", "gymnasium", "standesamt", "interim", "zeitarbeit", "cpas", "ocmw",
    "basisschool", "hogeschool", "hochschule", "grundschule", "parentia", "groeipakket",
    "kinderbijslag", "bailiff", "huissier", "gerechtsdeurwaarder", "gerichtsvollzieher",
    "vrederechter", "friedensrichter", "kraamkliniek",
}  # fmt: skip


def frequent_lowercase_words(per_language: int = 400) -> list[str]:
    texts: dict[str, list[str]] = {}
    # the team's own texts only: the independent corpora are kept for measurement
    for f in (ROOT / "tests/independent/letters.json", ROOT / "tests/corpora/T/documents.json"):
        for x in json.loads(f.read_text(encoding="utf-8")):
            texts.setdefault(x["language"], []).append(x["text"])
    words: set[str] = set()
    for docs in texts.values():
        counts = Counter(w for t in docs for w in re.findall(r"\b[a-zà-ÿß]{2,}\b", t))
        words |= {w for w, _ in counts.most_common(per_language)}
    return sorted(words - INSTITUTION_NOUNS)


def institution_hits(text: str) -> list[str]:
    ev = score_text(text)
    return [f"{cat}:{label}" for cat, hs in ev.hits.items() for label, _w, inst in hs if inst]


COMMON = frequent_lowercase_words() + KNOWN_COLLISIONS


def test_the_common_word_list_is_substantial() -> None:
    assert len(COMMON) > 800
    assert {"one", "the", "de", "und", "het"} <= set(COMMON)


@pytest.mark.parametrize("word", COMMON)
def test_a_common_word_is_not_an_institution(word: str) -> None:
    for text in (
        f"we spoke about {word} yesterday",
        f"{word.capitalize()} of them came here with us last week.",
    ):
        assert not institution_hits(text), (word, institution_hits(text))


def test_one_in_english_and_in_a_heading_is_not_the_ONE() -> None:
    letter = (
        "ONE MONTH NOTICE\nDear tenant, one of the radiators is broken. No one will come "
        "before Monday. Please choose one date."
    )
    assert not [h for h in institution_hits(letter) if "ONE" in h]
    assert score_text(letter).scores["family"] == 0.0


def test_the_real_institutions_are_still_found() -> None:
    assert "family:ONE" in institution_hits(
        "ONE - Office de la Naissance et de l'Enfance\nConsultation"
    )
    assert "family:ONE" in institution_hits("Votre consultation ONE de Liège aura lieu lundi.")
    assert "health:MC" in institution_hits("Uw ziekenfonds MC betaalt het terug.")
    assert any(
        "AZ" in h for h in institution_hits("Afspraak in het AZ Sint-Jan, dienst cardiologie.")
    )


def test_every_cased_signal_is_an_acronym_or_a_name() -> None:
    """Signals matched case-sensitively must contain a capital letter, else they never fire."""
    for sig in SIGNALS:
        if sig.cased:
            assert re.search(r"[A-Z]", sig.pattern.pattern), sig.label
