"""The consent screen shows each purpose in the very words the receipt records.

One source: the on-screen label is the kiosk catalogue's translation of the purpose's English
wording, and nextstep.consent.purposes holds the same text per language, which receipts,
letters and the JSON-LD record use. If a translator changes one, this test names the other.
"""

from __future__ import annotations

import pytest

from kiosk.i18n import PERSON_LANGUAGES, person_raw
from kiosk.screens.person import PURPOSE_LABELS
from nextstep.consent import purposes


@pytest.mark.parametrize("lang", sorted({*PERSON_LANGUAGES, "en"}))
def test_screen_wording_is_the_recorded_wording(lang: str) -> None:
    assert set(PURPOSE_LABELS) == set(purposes.PURPOSES)
    for pid, msgid in PURPOSE_LABELS.items():
        assert msgid == purposes.PURPOSES[pid].title
        assert person_raw(msgid, lang) == purposes.title(pid, lang), (pid, lang)
