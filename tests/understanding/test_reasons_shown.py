"""Classification reasons stay English data; the review screen shows them in the staff's
language (nextstep.visit.reasons), every shape the classifier and the session produce."""

from __future__ import annotations

import pytest

from nextstep.understanding.classify import classify_text
from nextstep.visit.reasons import reason_text

TEXTS = [
    "Commissariat général aux réfugiés et aux apatrides. Décision de refus de protection "
    "internationale. Vous pouvez introduire un recours auprès du Conseil du contentieux.",
    "Bonjour, voici la liste des courses.",
    "Loyer du mois de mars, votre propriétaire. CPAS revenu d'intégration.",
    "",
    "Bonjour merci",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_reason_of_the_classifier_is_translated(text: str) -> None:
    reasons = [*classify_text(text).reasons, "set by staff"]
    assert len(reasons) >= 2
    for reason in reasons:
        assert reason_text(reason, "en") == reason
        for lang in ("fr", "nl", "de"):
            assert reason_text(reason, lang) != reason, (lang, reason)


def test_labels_and_numbers_survive_and_slugs_become_names() -> None:
    assert reason_text("phrase 'CGRA' -> asylum", "fr") == "expression « CGRA » -> Asile"
    shown = reason_text("confidence 0.41 below 0.60: needs review", "de")
    assert "0.41" in shown and "0.60" in shown
    assert reason_text("a reason from elsewhere", "fr") == "a reason from elsewhere"
