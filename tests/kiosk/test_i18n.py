"""Catalogues are complete for every marked string, and RTL text is put in visual order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from kiosk import i18n

KIOSK = Path(i18n.__file__).resolve().parent
STAFF_KEYWORDS = {"_": None, "N_": None}
PERSON_KEYWORDS = {"_p": None, "Np_": None, "person_raw": None}


def extracted(keywords: dict[str, None]) -> set[str]:
    method_map = [("**.py", "python")]
    return {
        msg
        for _file, _line, msg, _comments, _ctx in extract_from_dir(
            str(KIOSK), method_map, keywords=keywords
        )
        if isinstance(msg, str)
    }


def catalogue(domain: str, lang: str) -> dict[str, str]:
    path = KIOSK / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"
    with path.open("rb") as fh:
        return {str(m.id): str(m.string) for m in read_po(fh) if m.id}


def test_extraction_finds_the_ui_strings() -> None:
    staff = extracted(STAFF_KEYWORDS)
    person = extracted(PERSON_KEYWORDS)
    assert "Staff sign-in" in staff and len(staff) > 100
    assert "I refuse everything" in person and len(person) > 20


@pytest.mark.parametrize("lang", ["fr", "nl", "de"])
def test_staff_catalogue_is_complete(lang: str) -> None:
    cat = catalogue("staff", lang)
    missing = sorted(m for m in extracted(STAFF_KEYWORDS) if not cat.get(m))
    assert missing == []


@pytest.mark.parametrize("lang", ["fr", "nl", "de", "ar", "fa", "ps", "ti", "es", "tr", "sq"])
def test_person_catalogue_is_complete(lang: str) -> None:
    cat = catalogue("person", lang)
    missing = sorted(m for m in extracted(PERSON_KEYWORDS) if not cat.get(m))
    assert missing == []


@pytest.mark.parametrize("lang", ["fr", "nl", "de", "ar", "fa", "ps", "ti", "es", "tr", "sq"])
def test_placeholders_survive_translation(lang: str) -> None:
    import re

    field = re.compile(r"\{[a-z]+\}")
    for domain in ("staff", "person"):
        path = KIOSK / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        for msgid, msgstr in catalogue(domain, lang).items():
            assert sorted(field.findall(msgid)) == sorted(field.findall(msgstr)), (lang, msgid)


def test_translations_are_used_at_run_time() -> None:
    i18n.set_languages(staff="nl", person="tr")
    assert i18n._("Staff sign-in") == "Aanmelden medewerker"
    assert i18n._p("Thank you") == "Teşekkürler"
    i18n.set_languages(staff="de", person="es")
    assert i18n._("Staff sign-in") == "Anmeldung Personal"
    assert i18n._p("Thank you") == "Gracias"


def test_every_language_shows_its_own_name_and_script() -> None:
    names = {lang.code: lang.native for lang in i18n.LANGUAGES}
    assert names["ar"] == "العربية" and names["ti"] == "ትግርኛ" and names["ps"] == "پښتو"
    assert set(i18n.PERSON_LANGUAGES) == {
        "fr",
        "nl",
        "en",
        "de",
        "ar",
        "fa",
        "ps",
        "ti",
        "es",
        "tr",
        "sq",
    }
    assert set(i18n.STAFF_LANGUAGES) == {"fr", "nl", "en", "de"}


def test_rtl_is_reordered_into_visual_order() -> None:
    logical = "نعم 12"
    shown = i18n.display(logical, "ar")
    # Visual order for a right-to-left line: the number (which stays left-to-right) comes
    # first on the left, the Arabic word follows, its letters reversed and joined.
    assert shown.startswith("12 ")
    word = shown[3:]
    assert len(word) == 3
    # Shaping replaced the isolated letters by their presentation (joined) forms.
    assert all(0xFE70 <= ord(ch) <= 0xFEFF for ch in word)
    assert word != "نعم" and word[::-1] != "نعم"
    # Left-to-right languages are untouched.
    assert i18n.display("Merci 12", "fr") == "Merci 12"


def test_rtl_wrap_reorders_each_line_separately() -> None:
    text = "هذه جملة طويلة جدا للتجربة فقط"
    wrapped = i18n.wrap(text, "ar", 12).split("\n")
    assert len(wrapped) > 1
    logical_lines = __import__("textwrap").wrap(text, 12)
    assert [i18n.display(line, "ar") for line in logical_lines] == wrapped
    # The first visual line holds the start of the sentence (its first word is rightmost).
    first_word = i18n.display(text.split()[0], "ar")
    assert wrapped[0].endswith(first_word)


def test_person_text_in_rtl_language_is_displayed_reordered() -> None:
    i18n.set_languages(person="fa")
    raw = i18n.person_raw("Thank you")
    assert raw == "سپاس"
    assert i18n._p("Thank you") == i18n.display(raw, "fa") != raw


def test_staff_can_switch_the_staff_language_on_home(make_kiosk: object) -> None:
    import asyncio

    from kiosk.app import KioskApp
    from kiosk.screens.staff import HomeScreen

    kiosk = make_kiosk()  # type: ignore[operator]
    kiosk.staff = "demo"
    app: Any = KioskApp(kiosk, first="none")
    seen = []

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            app.goto_home()
            await pilot.pause()
            for _ in range(4):
                button: Any = app.screen.query_one("#new")
                seen.append(str(button.label))
                await pilot.press("g")
                await pilot.pause()
            assert isinstance(app.screen, HomeScreen)

    asyncio.run(run())
    assert seen == ["Nouvelle personne", "Nieuwe persoon", "New person", "Neue Person"]
