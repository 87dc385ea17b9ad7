from __future__ import annotations

import pytest

from nextstep.understanding.langid import best_language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nous vous prions de bien vouloir nous renvoyer le formulaire avant la date.", "fra"),
        ("Wij vragen u om het formulier in te vullen en terug te sturen naar ons kantoor.", "nld"),
        ("Wir bitten Sie, das Formular auszufüllen und an uns zurückzusenden.", "deu"),
        ("We kindly ask you to fill in the form and return it to our office.", "eng"),
        ("12345 67890", "und"),
    ],
)
def test_best_language(text: str, lang: str) -> None:
    assert best_language(text) == lang
